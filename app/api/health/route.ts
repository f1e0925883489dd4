import { searchModeReport } from "@/lib/embeddings/runtime";

// Liveness: the web process answers. It checks nothing else, so a load balancer or the
// supervisor never restarts a healthy web server because the database is slow.
export const dynamic = "force-dynamic";

export function GET(): Response {
  // searchMode: "keyword" when search runs without the embedding model (PRESSROOM_SEARCH_MODE).
  const { mode, model } = searchModeReport();
  return Response.json({ status: "ok", searchMode: mode, embeddingModel: model }, { headers: { "Cache-Control": "no-store" } });
}
