import { apiIndexHtml } from "@/lib/api/index-page";
import { publicBaseUrl } from "@/lib/env";

export const dynamic = "force-dynamic";

/** GET /api/v1: a human-readable page about the API (links to openapi.json, examples). */
export function GET(): Response {
  return new Response(apiIndexHtml(publicBaseUrl()), {
    headers: { "Content-Type": "text/html; charset=utf-8", "Cache-Control": "public, max-age=300" },
  });
}
