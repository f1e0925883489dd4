import { pairJsonByPublicId } from "@/lib/catalog/api";
import { jsonError, jsonResponse } from "@/lib/catalog/http";
import { findQaPair } from "@/lib/catalog/qa";

export const dynamic = "force-dynamic";

export async function GET(request: Request, { params }: { params: Promise<{ publicId: string }> }) {
  const publicId = (await params).publicId.toLowerCase();
  if (!/^[0-9a-z]{8}$/.test(publicId)) return jsonError(request, 400, "publicId must be 8 lowercase letters and digits");
  const pair = await pairJsonByPublicId(publicId);
  if (pair) return jsonResponse(request, pair);
  const lookup = await findQaPair(publicId);
  if (lookup.state === "gone")
    return jsonResponse(request, { error: "This pair is no longer published", id: publicId, reason: lookup.reason }, { status: 410, cacheControl: "public, max-age=300" });
  return jsonError(request, 404, `No pair with id ${publicId}`);
}
