import { createHash } from "node:crypto";

export const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);

export function etagOf(body: string): string {
  return `"${createHash("sha1").update(body).digest("base64url")}"`;
}

/** True when the client's If-None-Match already names this ETag (weak or strong, or "*"). */
export function matchesEtag(request: Request, etag: string): boolean {
  const header = request.headers.get("if-none-match");
  if (!header) return false;
  if (header.trim() === "*") return true;
  return header.split(",").some((candidate) => candidate.trim().replace(/^W\//, "") === etag);
}

// Archive content changes rarely; a minute fresh plus a day of stale-while-revalidate keeps
// caches and CDNs useful while corrections still show up within a minute.
export const PUBLIC_CACHE = "public, max-age=60, stale-while-revalidate=86400";

/** A cacheable response with an ETag of its body, answering 304 when the client has it. */
export function cachedResponse(
  request: Request,
  body: string,
  contentType: string,
  init: { status?: number; cacheControl?: string; headers?: Record<string, string> } = {},
): Response {
  const etag = etagOf(body);
  const headers = { "Cache-Control": init.cacheControl ?? PUBLIC_CACHE, ETag: etag, ...init.headers };
  if ((init.status ?? 200) === 200 && matchesEtag(request, etag)) return new Response(null, { status: 304, headers });
  return new Response(body, { status: init.status ?? 200, headers: { ...headers, "Content-Type": contentType } });
}

export function jsonResponse(request: Request, data: unknown, init: { status?: number; cacheControl?: string } = {}): Response {
  return cachedResponse(request, JSON.stringify(data), "application/json; charset=utf-8", init);
}

/** Errors are not cached for long: the next publish may fix them. */
export function jsonError(request: Request, status: number, message: string, details?: unknown): Response {
  return jsonResponse(request, { error: message, ...(details ? { details } : {}) }, { status, cacheControl: "public, max-age=10" });
}

/** A small standalone HTML page for answers a route handler gives itself (410 Gone, 404). */
export function plainHtmlPage(args: { title: string; heading: string; body: string; lang?: string }): string {
  return `<!doctype html>
<html lang="${escapeHtml(args.lang ?? "en")}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>${escapeHtml(args.title)} — Pressroom</title>
<style>
body{font-family:system-ui,-apple-system,"Segoe UI","Noto Sans CJK SC",sans-serif;color:#1a1d21;line-height:1.55;margin:0}
header{background:#14324a;padding:.75rem 1rem}header a{color:#fff;font-weight:700;font-size:1.25rem;text-decoration:none}
main{max-width:48rem;margin:0 auto;padding:1.5rem 1rem}a{color:#0b5cad}:focus-visible{outline:3px solid #c2410c;outline-offset:2px}
blockquote{border-left:3px solid #d5dbe1;margin:1rem 0;padding-left:1rem}
</style>
</head>
<body>
<header><a href="/">Pressroom</a></header>
<main id="main">
<h1>${escapeHtml(args.heading)}</h1>
${args.body}
<p><a href="/search">Search the archive</a> · <a href="/">Home</a></p>
</main>
</body>
</html>`;
}
