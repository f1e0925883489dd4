import { pairJsonByPublicId } from "@/lib/catalog/api";
import { jsonError, jsonResponse } from "@/lib/catalog/http";
import { findQaPair } from "@/lib/catalog/qa";
import { survivorOf } from "@/lib/catalog/qa-routing";

export const dynamic = "force-dynamic";

export async function GET(request: Request, { params }: { params: Promise<{ publicId: string }> }) {
  const publicId = (await params).publicId.toLowerCase();
  if (!/^[0-9a-z]{8}$/.test(publicId)) return jsonError(request, 400, "publicId must be 8 lowercase letters and digits");
  const pair = await pairJsonByPublicId(publicId);
  if (pair) return jsonResponse(request, pair);
  const lookup = await findQaPair(publicId);
  if (lookup.state === "gone" && lookup.mergedInto) {
    // An editor merged this pair into another: its text lives on there, so say where (as the page does).
    const survivor = await survivorOf(lookup.mergedInto);
    if (survivor) {
      const location = `/api/v1/qa/${survivor.publicId}`;
      return new Response(JSON.stringify({ error: `Pair ${publicId} was merged into ${survivor.publicId}`, id: publicId, mergedInto: survivor.publicId, location }), {
        status: 308,
        headers: { Location: location, "Cache-Control": "public, max-age=300", "Content-Type": "application/json; charset=utf-8" },
      });
    }
  }
  if (lookup.state === "gone")
    // A pair turned into statements has no API resource any more; say where its text is on the site.
    return jsonResponse(
      request,
      { error: "This pair is no longer published", id: publicId, reason: lookup.reason, ...(lookup.statementPlace ? { statementsAt: lookup.statementPlace } : {}) },
      { status: 410, cacheControl: "public, max-age=300" },
    );
  return jsonError(request, 404, `No pair with id ${publicId}`);
}
