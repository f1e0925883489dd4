import { cachedReadiness } from "@/lib/health/readiness";

// Readiness for load balancers and monitoring: 200 when Postgres, Meilisearch, the index
// settings and the search outbox are all fine, 503 with what is not.
export const dynamic = "force-dynamic";

export async function GET(): Promise<Response> {
  const report = await cachedReadiness();
  return Response.json(report, { status: report.ready ? 200 : 503, headers: { "Cache-Control": "no-store" } });
}
