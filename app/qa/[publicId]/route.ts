import { goneHtml, missingHtml, routeQa } from "@/lib/catalog/qa-routing";

// Served by a route handler rather than a page because it must be able to answer 410 Gone.
export const dynamic = "force-dynamic";

export async function GET(request: Request, { params }: { params: Promise<{ publicId: string }> }) {
  const { publicId } = await params;
  const routing = await routeQa(publicId, null);
  const html = { "Content-Type": "text/html; charset=utf-8" };
  switch (routing.kind) {
    case "render": // not reached: without a slug a visible pair always redirects
    case "redirect": {
      const location = routing.kind === "redirect" ? routing.location : `/qa/${publicId}`;
      // Through URL so that a Chinese slug is percent-encoded: header values must be ASCII. The
      // fragment stays: a pair turned into statements leads to its statement's anchor.
      const url = new URL(location, request.url);
      return new Response(null, { status: 308, headers: { Location: url.pathname + url.hash, "Cache-Control": "public, max-age=300" } });
    }
    case "gone":
      return new Response(goneHtml(routing), { status: 410, headers: { ...html, "Cache-Control": "public, max-age=300" } });
    case "missing":
      return new Response(missingHtml(publicId), { status: 404, headers: { ...html, "Cache-Control": "public, max-age=60" } });
  }
}
