import { cachedResponse } from "@/lib/catalog/http";
import { renderUrlSet, sitemapChunkUrls } from "@/lib/catalog/sitemap";

export const dynamic = "force-dynamic";

export async function GET(request: Request, { params }: { params: Promise<{ n: string }> }) {
  const urls = await sitemapChunkUrls((await params).n);
  if (!urls) return new Response("No such sitemap file. See /sitemap.xml for the list.", { status: 404, headers: { "Content-Type": "text/plain; charset=utf-8" } });
  return cachedResponse(request, renderUrlSet(urls), "application/xml; charset=utf-8", { cacheControl: "public, max-age=3600" });
}
