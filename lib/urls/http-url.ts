import { z } from "zod";

// A conference's source URL becomes a link on public pages and a value in the API and export.
// z.string().url() accepts any scheme, javascript: and data: included, so every writer uses
// this schema instead, and every reader passes stored values through httpUrlOrNull: a row
// written before the rule (or around it, by hand in SQL) is then simply not linked.

export const MAX_URL_LENGTH = 2000;

/** True for an absolute http: or https: URL with a host; every other scheme and relative URLs are false. */
export function isHttpUrl(value: string): boolean {
  if (value.length > MAX_URL_LENGTH || /\s/.test(value)) return false;
  try {
    const url = new URL(value);
    return (url.protocol === "http:" || url.protocol === "https:") && url.hostname !== "";
  } catch {
    return false;
  }
}

export const httpUrlSchema = z.string().trim().refine(isHttpUrl, `Source URL must be a full http:// or https:// address (at most ${MAX_URL_LENGTH} characters)`);

/** For output: the stored URL when it is http(s), otherwise null. */
export function httpUrlOrNull(value: string | null | undefined): string | null {
  return value && isHttpUrl(value) ? value : null;
}
