import { db } from "@/lib/db/client";
import type { SlugKind } from "@/lib/generated/prisma/client";

/**
 * The current slug of a renamed conference, speaker, outlet or topic, found through the
 * SlugRedirect rows left behind by renames. Null when the old slug was never used.
 */
export async function resolveRenamedSlug(kind: SlugKind, oldSlug: string): Promise<string | null> {
  const redirect = await db().slugRedirect.findUnique({ where: { kind_oldSlug: { kind, oldSlug } }, select: { targetId: true } });
  if (!redirect) return null;
  const where = { where: { id: redirect.targetId }, select: { slug: true } } as const;
  const target =
    kind === "CONFERENCE"
      ? await db().conference.findUnique(where)
      : kind === "SPEAKER"
        ? await db().speaker.findUnique(where)
        : kind === "OUTLET"
          ? await db().outlet.findUnique(where)
          : await db().topic.findUnique(where);
  return target && target.slug !== oldSlug ? target.slug : null;
}

/** Route params arrive percent-encoded for Chinese slugs in some Next versions; accept both. */
export function decodeSlug(slug: string): string {
  try {
    return decodeURIComponent(slug);
  } catch {
    return slug;
  }
}
