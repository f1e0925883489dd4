import { ATOM_CONTENT_TYPE } from "@/lib/catalog/atom";
import { conferencesFeed } from "@/lib/catalog/feeds";
import { cachedResponse } from "@/lib/catalog/http";

export const dynamic = "force-dynamic";

export async function GET(request: Request) {
  return cachedResponse(request, await conferencesFeed(), ATOM_CONTENT_TYPE, { cacheControl: "public, max-age=300, stale-while-revalidate=3600" });
}
