import { openApiDocument } from "@/lib/api/openapi";
import { publicBaseUrl } from "@/lib/env";

export const dynamic = "force-dynamic";

export function GET(): Response {
  return Response.json(openApiDocument(publicBaseUrl()), { headers: { "Cache-Control": "public, max-age=300" } });
}
