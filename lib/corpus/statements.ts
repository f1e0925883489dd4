import type pg from "pg";
import { newPublicId } from "@/lib/archive/ids";
import type { CorpusConference, CorpusPair } from "./mapping";

// The multi-row statements a corpus batch is made of (INSERT … SELECT FROM unnest(…)): one
// round trip per table per batch instead of one per row. Column lists must match
// prisma/schema.prisma (updatedAt has no database default).

// Timestamps are stored as UTC wall time (TIMESTAMP(3) without zone), as Prisma does.
export const NOW = `timezone('UTC', now())`;
const TURN_POSITION_STRIDE = 1000;

/** Milliseconds spent per statement kind, for the benchmark's breakdown. */
export const statementTimings = new Map<string, number>();

export async function timed<R extends pg.QueryResultRow>(client: pg.PoolClient | pg.Pool, label: string, sql: string, params: unknown[] = []): Promise<pg.QueryResult<R>> {
  const started = performance.now();
  try {
    return await client.query<R>(sql, params);
  } finally {
    statementTimings.set(label, (statementTimings.get(label) ?? 0) + performance.now() - started);
  }
}

/** A Postgres array literal; flags are validated to plain tokens (see record.ts), so no quoting is needed. */
export function textArrayLiteral(values: string[]): string {
  return `{${values.join(",")}}`;
}

export function sameConference(row: CorpusConference, next: CorpusConference): boolean {
  return (
    row.title === next.title &&
    row.heldOn === next.heldOn &&
    row.organizer === next.organizer &&
    row.language === next.language &&
    row.sourceUrl === next.sourceUrl &&
    row.sourceName === next.sourceName
  );
}

export function conferenceColumns(conferences: CorpusConference[]) {
  return [
    conferences.map((c) => c.title),
    conferences.map((c) => c.heldOn),
    conferences.map((c) => c.organizer),
    conferences.map((c) => c.language),
    conferences.map((c) => c.sourceUrl),
    conferences.map((c) => c.sourceName),
  ];
}

/** Inserts new pairs; a public id that collides with an existing one is redrawn. Returns pair → [id, publicId]. */
export async function insertPairs(
  client: pg.PoolClient,
  pairs: CorpusPair[],
  conferenceIds: Map<string, number>,
  speakerId: (name: string | null, pair: CorpusPair) => number | null,
  outletId: (name: string | null, pair: CorpusPair) => number | null,
): Promise<Map<CorpusPair, { id: number; publicId: string }>> {
  const ids = new Map<CorpusPair, { id: number; publicId: string }>();
  let pending = pairs;
  for (let attempt = 0; pending.length && attempt < 5; attempt++) {
    const publicIds = pending.map(() => newPublicId());
    const rows = await timed<{ id: number; publicId: string }>(
      client,
      "insert pairs",
      `INSERT INTO "QaPair" ("publicId", "conferenceId", ordinal, "questionerId", "outletId", "sourceCorpus", "sourceId", status, flags, "contentHash", "createdAt", "updatedAt")
       SELECT x.pid, x.cid, x.ord, x.qid, x.oid, x.corpus, x.sid, 'PUBLISHED', x.flags::text[], x.hash, ${NOW}, ${NOW}
         FROM unnest($1::text[], $2::int[], $3::int[], $4::int[], $5::int[], $6::text[], $7::text[], $8::text[], $9::text[]) AS x(pid, cid, ord, qid, oid, corpus, sid, flags, hash)
       ON CONFLICT ("publicId") DO NOTHING
       RETURNING id, "publicId"`,
      [
        publicIds,
        pending.map((p) => conferenceIds.get(p.conference.sourceKey)!),
        pending.map((p) => p.ordinal),
        pending.map((p) => speakerId(p.questioner, p)),
        pending.map((p) => outletId(p.outlet, p)),
        pending.map((p) => p.sourceCorpus),
        pending.map((p) => p.sourceId),
        pending.map((p) => textArrayLiteral(p.flags)),
        pending.map((p) => p.contentHash),
      ],
    );
    const byPublicId = new Map(rows.rows.map((r) => [r.publicId, r.id]));
    const retry: CorpusPair[] = [];
    pending.forEach((pair, i) => {
      const id = byPublicId.get(publicIds[i]);
      if (id === undefined) retry.push(pair);
      else ids.set(pair, { id, publicId: publicIds[i] });
    });
    pending = retry;
  }
  if (pending.length) throw new Error(`Could not find a free public id for ${pending.length} pairs after 5 attempts`);
  return ids;
}

export async function insertTurns(
  client: pg.PoolClient,
  pairs: CorpusPair[],
  pairIds: Map<CorpusPair, number>,
  conferenceIds: Map<string, number>,
  speakerId: (name: string | null, pair: CorpusPair) => number | null,
): Promise<void> {
  const columns = {
    cid: [] as number[],
    pid: [] as number[],
    kind: [] as string[],
    pos: [] as number[],
    sid: [] as (number | null)[],
    label: [] as (string | null)[],
    role: [] as string[],
    text: [] as string[],
  };
  for (const pair of pairs) {
    // Positions derive from the pair's ordinal so that rewriting one pair never shifts another.
    pair.turns.forEach((turn, index) => {
      columns.cid.push(conferenceIds.get(pair.conference.sourceKey)!);
      columns.pid.push(pairIds.get(pair)!);
      columns.kind.push(turn.kind);
      columns.pos.push(pair.ordinal * TURN_POSITION_STRIDE + index);
      columns.sid.push(speakerId(turn.speaker, pair));
      columns.label.push(turn.speakerLabel);
      columns.role.push(turn.role);
      columns.text.push(turn.text);
    });
  }
  await timed(
    client,
    "insert turns",
    `INSERT INTO "Turn" ("conferenceId", "qaPairId", kind, position, "speakerId", "speakerLabel", role, text)
     SELECT x.cid, x.pid, x.kind::"TurnKind", x.pos, x.sid, x.label, x.role::"ParticipantRole", x.text
       FROM unnest($1::int[], $2::int[], $3::text[], $4::int[], $5::int[], $6::text[], $7::text[], $8::text[]) AS x(cid, pid, kind, pos, sid, label, role, text)`,
    [columns.cid, columns.pid, columns.kind, columns.pos, columns.sid, columns.label, columns.role, columns.text],
  );
}

export async function insertParticipants(
  client: pg.PoolClient,
  pairs: CorpusPair[],
  conferenceIds: Map<string, number>,
  speakerId: (name: string | null, pair: CorpusPair) => number | null,
): Promise<void> {
  const roles = new Map<string, { cid: number; sid: number; role: "OFFICIAL" | "JOURNALIST" }>();
  for (const pair of pairs) {
    const cid = conferenceIds.get(pair.conference.sourceKey)!;
    for (const turn of pair.turns) {
      const sid = speakerId(turn.speaker, pair);
      if (sid === null) continue;
      const key = `${cid}:${sid}`;
      if (!roles.has(key) || turn.role === "OFFICIAL") roles.set(key, { cid, sid, role: turn.role });
    }
  }
  if (!roles.size) return;
  const rows = [...roles.values()];
  // Someone who answers anywhere in a conference is an official there, even if they also asked.
  await timed(
    client,
    "insert participants",
    `INSERT INTO "ConferenceParticipant" ("conferenceId", "speakerId", role)
     SELECT x.cid, x.sid, x.role::"ParticipantRole" FROM unnest($1::int[], $2::int[], $3::text[]) AS x(cid, sid, role)
     ON CONFLICT ("conferenceId", "speakerId") DO UPDATE SET role = EXCLUDED.role
       WHERE "ConferenceParticipant".role = 'JOURNALIST' AND EXCLUDED.role = 'OFFICIAL'`,
    [rows.map((r) => r.cid), rows.map((r) => r.sid), rows.map((r) => r.role)],
  );
}

/**
 * A Revision for each changed pair, taken before its turns are replaced: the text the archive
 * showed until this run stays on record next to the new version from the corpus.
 * Runs after the pair's version was bumped, so the revision carries the new version.
 */
export async function recordCorpusRevisions(client: pg.PoolClient, changed: { pair: CorpusPair; id: number }[]): Promise<void> {
  const after = changed.map(({ pair }) => JSON.stringify({ turns: pair.turns.map((t) => ({ kind: t.kind, speaker: t.speakerLabel, text: t.text })) }));
  await timed(
    client,
    "insert revisions",
    `INSERT INTO "Revision" ("entityType", "qaPairId", "conferenceId", version, before, after, diff, "publicNote", "createdAt")
     SELECT 'QaPair', p.id, p."conferenceId", p.version, b.before, x.after::jsonb,
            jsonb_build_array(jsonb_build_object('field', 'turns', 'before', b.before -> 'turns', 'after', x.after::jsonb -> 'turns')),
            'Updated from a new version of the source corpus.', ${NOW}
       FROM unnest($1::int[], $2::text[]) AS x(id, after)
       JOIN "QaPair" p ON p.id = x.id
       CROSS JOIN LATERAL (
         SELECT jsonb_build_object('turns', COALESCE(jsonb_agg(jsonb_build_object('kind', t.kind, 'speaker', t."speakerLabel", 'text', t.text) ORDER BY t.position), '[]'::jsonb)) AS before
           FROM "Turn" t WHERE t."qaPairId" = p.id
       ) b`,
    [changed.map((c) => c.id), after],
  );
}
