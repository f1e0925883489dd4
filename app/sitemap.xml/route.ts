import { cachedResponse } from "@/lib/catalog/http";
import { renderSitemapIndex, sitemapChunks } from "@/lib/catalog/sitemap";

export const dynamic = "force-dynamic";

export async function GET(request: Request) {
  return cachedResponse(request, renderSitemapIndex(await sitemapChunks()), "application/xml; charset=utf-8", { cacheControl: "public, max-age=3600" });
}
