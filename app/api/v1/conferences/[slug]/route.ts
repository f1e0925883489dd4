import { conferenceJson } from "@/lib/catalog/api";
import { jsonError, jsonResponse } from "@/lib/catalog/http";
import { decodeSlug, resolveRenamedSlug } from "@/lib/catalog/redirects";

export const dynamic = "force-dynamic";

export async function GET(request: Request, { params }: { params: Promise<{ slug: string }> }) {
  const slug = decodeSlug((await params).slug);
  if (slug.length > 200) return jsonError(request, 400, "slug is longer than 200 characters");
  const conference = await conferenceJson(slug);
  if (conference) return jsonResponse(request, conference);
  const renamed = await resolveRenamedSlug("CONFERENCE", slug);
  if (renamed) {
    return new Response(null, { status: 308, headers: { Location: `/api/v1/conferences/${encodeURIComponent(renamed)}`, "Cache-Control": "public, max-age=300" } });
  }
  return jsonError(request, 404, `No published conference with slug ${slug}`);
}
