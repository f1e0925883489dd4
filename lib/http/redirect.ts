/**
 * The one rule for every redirect target that came from a request (login ?callbackUrl=,
 * next-auth's callbackUrl, the path the guard sends people back to): it must resolve to this
 * site's own origin. Browsers "repair" many strings into another host — a tab or newline
 * inside "//", a backslash read as a slash, "%2f" decoded by some hop — so anything carrying
 * control characters, backslashes or encoded slashes is refused outright rather than cleaned.
 *
 * Returns a path (pathname + search + hash) on this origin, or the fallback.
 */
export function safeRedirectPath(value: string | null | undefined, origin: string, fallback = "/editor"): string {
  if (typeof value !== "string" || value.length === 0 || value.length > 2048) return fallback;
  // C0 controls, DEL and C1 controls: browsers strip or split on these before parsing.
  if (/[\u0000-\u001f\u007f-\u009f]/.test(value)) return fallback;
  if (value.includes("\\")) return fallback;
  // Encoded slash, backslash, or control character in the path: a later decode could turn
  // "/%2F/x" into "//x". In the query or fragment they cannot move the host, and searches use them.
  const pathPart = value.split(/[?#]/, 1)[0];
  if (/%(2f|5c|0[0-9a-f]|1[0-9a-f]|7f)/i.test(pathPart)) return fallback;
  let base: URL;
  let target: URL;
  try {
    base = new URL(origin);
    target = new URL(value, base);
  } catch {
    return fallback;
  }
  if (target.origin !== base.origin || target.username || target.password) return fallback;
  const path = `${target.pathname}${target.search}${target.hash}`;
  // "//" at the start of a path is a protocol-relative URL to whoever reads the Location header.
  if (!path.startsWith("/") || path.startsWith("//")) return fallback;
  return path;
}
