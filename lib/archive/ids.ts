import { randomBytes } from "node:crypto";

// Crockford base32 without i, l, o, u: no look-alike characters in ids people retype from print.
const ALPHABET = "0123456789abcdefghjkmnpqrstvwxyz";

/** 8 characters of base32 = 40 random bits: about a trillion ids, collisions retried on insert. */
export function newPublicId(length = 8): string {
  const bytes = randomBytes(length);
  let id = "";
  for (let i = 0; i < length; i++) id += ALPHABET[bytes[i] & 31];
  return id;
}

export function isPublicId(value: string): boolean {
  return /^[0-9abcdefghjkmnpqrstvwxyz]{8}$/.test(value);
}

/** URL slug from any title, keeping CJK characters (Chinese titles have no ASCII to fall back on). */
export function slugify(text: string, maxLength = 80): string {
  const slug = text
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9\u3400-\u9fff]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, maxLength)
    .replace(/-+$/, "");
  return slug || "untitled";
}
