/** Answer for a body over the limit; route handlers return it as is. */
export function payloadTooLarge(maxBytes: number): Response {
  return Response.json({ error: `Request body is larger than ${Math.floor(maxBytes / 1024)} KB` }, { status: 413 });
}

/**
 * True when the body is larger than maxBytes. Trusts a declared Content-Length when present,
 * otherwise counts a clone of the stream and stops reading as soon as the limit is passed, so
 * a chunked upload cannot make the server buffer more than the limit.
 */
export async function exceedsBodyLimit(request: Request, maxBytes: number): Promise<boolean> {
  const declared = request.headers.get("content-length");
  if (declared !== null) {
    const length = Number(declared);
    if (!Number.isFinite(length) || length > maxBytes) return true;
    return false;
  }
  if (!request.body) return false;
  const reader = request.clone().body!.getReader();
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return false;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel().catch(() => {});
      return true;
    }
  }
}
