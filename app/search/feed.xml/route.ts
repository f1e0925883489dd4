import { ATOM_CONTENT_TYPE } from "@/lib/catalog/atom";
import { searchFeed } from "@/lib/catalog/feeds";
import { cachedResponse } from "@/lib/catalog/http";
import { SearchUnavailableError } from "@/lib/search/client";
import { searchRejection } from "@/lib/search/rejection";
import { describeParamError, parseSearchParams } from "@/lib/search/params";

export const dynamic = "force-dynamic";

const text = (status: number, message: string, extra: Record<string, string> = {}) =>
  new Response(message, { status, headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store", ...extra } });

export async function GET(request: Request) {
  const parsed = parseSearchParams(new URL(request.url).searchParams);
  if (!parsed.success) return text(400, `Invalid search: ${describeParamError(parsed.error)}`);
  try {
    return cachedResponse(request, await searchFeed(parsed.data), ATOM_CONTENT_TYPE, { cacheControl: "public, max-age=300, stale-while-revalidate=3600" });
  } catch (error) {
    const rejected = searchRejection(error);
    if (rejected) return text(502, rejected.message);
    if (error instanceof SearchUnavailableError) return text(503, error.message, { "Retry-After": "60" });
    throw error;
  }
}
