// Liveness: the web process answers. It checks nothing else, so a load balancer or the
// supervisor never restarts a healthy web server because the database is slow.
export const dynamic = "force-dynamic";

export function GET(): Response {
  return Response.json({ status: "ok" }, { headers: { "Cache-Control": "no-store" } });
}
