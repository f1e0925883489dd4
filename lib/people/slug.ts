import { createHash } from "node:crypto";
import { slugify } from "@/lib/archive/ids";

/**
 * Slug for a speaker, outlet or topic name. Names in scripts that slugify() cannot represent
 * (Cyrillic, Arabic, Hangul) would all become "untitled" and merge, so they get a short hash.
 */
export function nameSlug(name: string): string {
  let slug = nameSlugs.get(name);
  if (slug === undefined) {
    // The corpus writer asks for the same few thousand names once per turn; bounded for long-lived processes.
    if (nameSlugs.size >= 100_000) nameSlugs.clear();
    slug = computeNameSlug(name);
    nameSlugs.set(name, slug);
  }
  return slug;
}

const nameSlugs = new Map<string, string>();

function computeNameSlug(name: string): string {
  const slug = slugify(name);
  if (slug !== "untitled" || /untitled/i.test(name)) return slug;
  return `n-${createHash("sha1").update(name.normalize("NFC")).digest("hex").slice(0, 12)}`;
}

/** The first of base, base-2, base-3… that is not taken. */
export function freeSlug(base: string, taken: Set<string>): string {
  if (!taken.has(base)) return base;
  for (let n = 2; ; n++) if (!taken.has(`${base}-${n}`)) return `${base}-${n}`;
}
