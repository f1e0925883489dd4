import { z } from "zod";
import { db } from "@/lib/db/client";
import { publicBaseUrl } from "@/lib/env";
import { httpUrlOrNull } from "@/lib/urls/http-url";
import { conferencePath, qaPath } from "./paths";

// GET /export.jsonl: every visible pair as the JSON of GET /qa/{publicId} (pairJson in api.ts),
// one per line, byte for byte. Postgres writes each line's JSON text itself: reading a million
// pairs through Prisma as nested objects (pair, turns, speakers, topics, conference, links)
// and serialising them made V8 allocate so fast that the web process grew by ~140 MB while
// exporting at 1M pairs (garbage, not retained rows). Node now holds a few strings per pair.
// Only what Postgres cannot reproduce exactly is done here: the question's slug (qaPath), the
// source URL check (httpUrlOrNull), the conference's address and the other-language links.

interface ExportRow {
  id: number;
  publicId: string;
  ordinal: number;
  question: string | null;
  /** `,"questioner":…` through `,"language":…` of the conference, as JSON text. */
  middle: string;
  conferenceSlug: string;
  sourceUrl: string | null;
  sourceId: string | null;
  /** Other-language links as JSON (null when none), in pairCounterparts' order. */
  counterparts: string | null;
  /** `,"flags":…` to the closing brace, as JSON text. */
  tail: string;
}

const counterpartRow = z.object({
  publicId: z.string(),
  sourceId: z.string().nullable(),
  language: z.string(),
  question: z.string().nullable(),
  confidence: z.number(),
  confirmed: z.boolean(),
});

const FIRST_BATCH = 50;

/**
 * Every visible pair as JSON lines, read in keyset-paginated batches (id > last id) so memory
 * stays flat and no batch re-scans earlier rows, however large the archive.
 */
export async function* exportLines(updatedSince: Date | null, batchSize = 500): AsyncGenerator<string> {
  const base = publicBaseUrl();
  let afterId = 0;
  for (;;) {
    // A small first batch: the client has its first lines while the full-size batches are read.
    const take = afterId === 0 ? Math.min(FIRST_BATCH, batchSize) : batchSize;
    const rows = await exportBatch(afterId, take, updatedSince);
    if (rows.length === 0) return;
    let chunk = "";
    for (const row of rows) chunk += exportLine(row, base);
    yield chunk;
    afterId = rows[rows.length - 1].id;
    if (rows.length < take) return;
  }
}

function exportLine(row: ExportRow, base: string): string {
  const question = row.question ?? "";
  const counterparts = row.counterparts
    ? z
        .array(counterpartRow)
        .parse(JSON.parse(row.counterparts))
        .map((c) => ({
          id: c.publicId,
          sourceId: c.sourceId,
          language: c.language,
          url: `${base}${qaPath(c.publicId, c.question ?? "")}`,
          confidence: c.confidence,
          confirmed: c.confirmed,
        }))
    : [];
  return (
    `{"id":${JSON.stringify(row.publicId)},"url":${JSON.stringify(`${base}${qaPath(row.publicId, question)}`)},"ordinal":${row.ordinal}` +
    `,"question":${JSON.stringify(question)}${row.middle}` +
    `,"sourceUrl":${JSON.stringify(httpUrlOrNull(row.sourceUrl))},"url":${JSON.stringify(`${base}${conferencePath(row.conferenceSlug)}`)}}` +
    `,"sourceId":${JSON.stringify(row.sourceId)},"counterparts":${JSON.stringify(counterparts)}${row.tail}\n`
  );
}

// JSON text of a nullable value: to_json() escapes strings exactly as JSON.stringify does
// (the same characters, lowercase \u00xx); NULL becomes null.
const ISO_TIME = `'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'`;

/** One batch of visible pairs after `afterId`, each with its JSON pieces written by Postgres. */
function exportBatch(afterId: number, take: number, updatedSince: Date | null): Promise<ExportRow[]> {
  // Timestamps are stored as UTC without a zone (Prisma's DateTime), so to_char prints what toISOString does.
  return db().$queryRawUnsafe<ExportRow[]>(
    `SELECT p.id, p."publicId", p.ordinal, p."sourceId", c.slug AS "conferenceSlug", c."sourceUrl",
       (SELECT string_agg(t.text, E'\\n\\n' ORDER BY t.position) FROM "Turn" t WHERE t."qaPairId" = p.id AND t.kind = 'QUESTION') AS question,
       ',"questioner":' || CASE WHEN qs.id IS NULL THEN 'null' ELSE '{"name":' || to_json(qs.name)::text || ',"slug":' || to_json(qs.slug)::text || '}' END
       || ',"outlet":' || CASE WHEN o.id IS NULL THEN 'null' ELSE '{"name":' || to_json(o.name)::text || ',"slug":' || to_json(o.slug)::text || '}' END
       || ',"answers":[' || coalesce((
            SELECT string_agg('{"speaker":' || to_json(coalesce(s.name, t."speakerLabel", 'Unidentified speaker'))::text
                 || ',"speakerSlug":' || coalesce(to_json(s.slug)::text, 'null')
                 || ',"role":' || coalesce(to_json(t.role::text)::text, 'null')
                 || ',"text":' || to_json(t.text)::text || '}', ',' ORDER BY t.position)
            FROM "Turn" t LEFT JOIN "Speaker" s ON s.id = t."speakerId" WHERE t."qaPairId" = p.id AND t.kind = 'ANSWER'), '')
       || '],"topics":[' || coalesce((
            SELECT string_agg(to_json(tp.name)::text, ',' ORDER BY pt."topicId")
            FROM "QaPairTopic" pt JOIN "Topic" tp ON tp.id = pt."topicId" WHERE pt."qaPairId" = p.id), '')
       || '],"conference":{"slug":' || to_json(c.slug)::text || ',"title":' || to_json(c.title)::text
       || ',"date":' || coalesce('"' || to_char(c."heldOn", 'YYYY-MM-DD') || '"', 'null')
       || ',"organizer":' || coalesce(to_json(c.organizer)::text, 'null')
       || ',"location":' || coalesce(to_json(c.location)::text, 'null')
       || ',"language":' || to_json(c.language)::text AS middle,
       (SELECT json_agg(json_build_object('publicId', x."publicId", 'sourceId', x."sourceId", 'language', x.language,
                 'question', (SELECT string_agg(t.text, E'\\n\\n' ORDER BY t.position) FROM "Turn" t WHERE t."qaPairId" = x.other AND t.kind = 'QUESTION'),
                 'confidence', x.confidence, 'confirmed', x.confirmed) ORDER BY x.side, x.other)::text
          FROM (SELECT l.side, l.other, l.confidence, l.confirmed, op."publicId", op."sourceId", oc.language
                FROM (SELECT 1 AS side, pc."counterpartId" AS other, pc.confidence, pc.confirmed FROM "PairCounterpart" pc WHERE pc."pairId" = p.id AND pc.status = 'LINKED'
                      UNION ALL
                      SELECT 2, pc."pairId", pc.confidence, pc.confirmed FROM "PairCounterpart" pc WHERE pc."counterpartId" = p.id AND pc.status = 'LINKED') l
                JOIN "QaPair" op ON op.id = l.other AND op.status = 'PUBLISHED'
                JOIN "Conference" oc ON oc.id = op."conferenceId" AND oc.status = 'PUBLISHED') x) AS counterparts,
       ',"flags":' || to_json(p.flags)::text || ',"version":' || p.version
       || ',"correctedAt":' || coalesce('"' || to_char(p."correctedAt", ${ISO_TIME}) || '"', 'null')
       || ',"correctionNote":' || coalesce(to_json(p."correctionNote")::text, 'null')
       || ',"updatedAt":"' || to_char(greatest(p."updatedAt", c."updatedAt"), ${ISO_TIME}) || '"}' AS tail
     FROM "QaPair" p
     JOIN "Conference" c ON c.id = p."conferenceId" AND c.status = 'PUBLISHED'
     LEFT JOIN "Speaker" qs ON qs.id = p."questionerId"
     LEFT JOIN "Outlet" o ON o.id = p."outletId"
     WHERE p.status = 'PUBLISHED' AND p.id > $1
       AND ($3::timestamp IS NULL OR p."updatedAt" >= $3::timestamp OR c."updatedAt" >= $3::timestamp)
     ORDER BY p.id
     LIMIT $2`,
    afterId,
    take,
    updatedSince ? updatedSince.toISOString().replace("T", " ").replace("Z", "") : null,
  );
}
