import { describeZodError } from "@/lib/catalog/conference-query";
import { exportFingerprint, exportQuerySchema } from "@/lib/catalog/api";
import { exportLines } from "@/lib/catalog/export-lines";
import { jsonError, matchesEtag } from "@/lib/catalog/http";

export const dynamic = "force-dynamic";

export async function GET(request: Request) {
  const parsed = exportQuerySchema.safeParse(Object.fromEntries(new URL(request.url).searchParams));
  if (!parsed.success) return jsonError(request, 400, describeZodError(parsed.error));
  const since = parsed.data.updated_since ? new Date(parsed.data.updated_since) : null;
  const etag = await exportFingerprint(since);
  const headers = { ETag: etag, "Cache-Control": "public, max-age=300" };
  if (matchesEtag(request, etag)) return new Response(null, { status: 304, headers });

  const lines = exportLines(since);
  const encoder = new TextEncoder();
  // Pull-based: the next batch is read from the database only when the client has taken the
  // previous one, so a slow download never piles the whole archive up in memory.
  const stream = new ReadableStream<Uint8Array>({
    async pull(controller) {
      try {
        const { value, done } = await lines.next();
        if (done) controller.close();
        else controller.enqueue(encoder.encode(value));
      } catch (error) {
        controller.error(error);
      }
    },
    async cancel() {
      await lines.return(undefined);
    },
  });
  return new Response(stream, {
    headers: { ...headers, "Content-Type": "application/x-ndjson; charset=utf-8", "Content-Disposition": 'inline; filename="pressroom-export.jsonl"' },
  });
}
