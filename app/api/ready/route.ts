import { currentReadiness } from "@/lib/health/readiness-watch";

// Readiness for load balancers and monitoring: 200 when Postgres, Meilisearch, the index
// settings and the search outbox are all fine, 503 with what is not. The checks run in the
// background (lib/health/readiness-watch.ts), so answering costs nothing under load.
export const dynamic = "force-dynamic";

export async function GET(): Promise<Response> {
  const report = await currentReadiness();
  return Response.json(report, { status: report.ready ? 200 : 503, headers: { "Cache-Control": "no-store" } });
}
