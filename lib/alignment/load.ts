import { db } from "@/lib/db/client";
import { organizerKey, type AlignConference } from "./conferences";

// Reads what the aligner needs from Postgres: the conferences of organizers that publish in
// more than one language, with each pair's question, answer and asking outlet, in order.

export interface AlignScope {
  /** Only these organizers (by organizerKey) and only conferences held within these days (inclusive). */
  organizers?: string[];
  from?: string;
  to?: string;
}

interface Row {
  conferenceId: number;
  language: string;
  heldOn: string | null;
  title: string;
  organizer: string | null;
  pairId: number;
  question: string | null;
  answer: string | null;
  outlet: string | null;
}

/**
 * Organizers (raw names) whose conferences come in more than one language; with `keys`, only
 * the organizers of those keys. An editor's publish aligns one organizer: it must not read every
 * organizer name in the archive (45,000 conferences at a million pairs) to find its own.
 */
export async function bilingualOrganizers(keys?: string[]): Promise<Map<string, string[]>> {
  const rows = keys
    ? await organizerRows(keys)
    : await db().$queryRaw<{ organizer: string; language: string }[]>`
    SELECT DISTINCT organizer, language FROM "Conference" WHERE organizer IS NOT NULL AND status <> 'DELETED'`;
  const byKey = new Map<string, { names: Set<string>; languages: Set<string> }>();
  for (const row of rows) {
    const key = organizerKey(row.organizer);
    if (keys && !keys.includes(key)) continue;
    const entry = byKey.get(key) ?? { names: new Set(), languages: new Set() };
    entry.names.add(row.organizer);
    entry.languages.add(row.language);
    byKey.set(key, entry);
  }
  return new Map([...byKey].filter(([, e]) => e.languages.size > 1).map(([key, e]) => [key, [...e.names]]));
}

/**
 * The organizer names that may have one of these keys, read by SQL patterns; the caller keeps
 * exactly those whose organizerKey matches. A key is the lower-cased words of the name (or of its
 * bracketed part), so each of its words occurs in the name: ASCII words case-insensitively,
 * words of caseless scripts (Chinese) as they are. Words whose case Postgres might fold
 * differently (accented Latin, under any collation) are not used as patterns, only checked after.
 */
async function organizerRows(keys: string[]): Promise<{ organizer: string; language: string }[]> {
  const rows: { organizer: string; language: string }[] = [];
  for (const key of new Set(keys)) {
    const words = organizerKeyPatterns(key);
    if (words === null) return db().$queryRaw`SELECT DISTINCT organizer, language FROM "Conference" WHERE organizer IS NOT NULL AND status <> 'DELETED'`;
    rows.push(
      ...(await db().$queryRaw<{ organizer: string; language: string }[]>`
        SELECT DISTINCT organizer, language FROM "Conference"
        WHERE organizer IS NOT NULL AND status <> 'DELETED'
          AND organizer ILIKE ALL(${words.ascii}::text[]) AND organizer LIKE ALL(${words.caseless}::text[])`),
    );
  }
  return rows;
}

// Key words are runs of letters and digits: never a LIKE wildcard to escape.
const likePattern = (word: string) => `%${word}%`;

/** LIKE patterns every name of this key matches, or null when the key gives none to narrow by. */
export function organizerKeyPatterns(key: string): { ascii: string[]; caseless: string[] } | null {
  const words = key.split(" ").filter(Boolean);
  const ascii = words.filter((w) => /^[a-z0-9]+$/.test(w)).map(likePattern);
  const caseless = words.filter((w) => !/^[a-z0-9]+$/.test(w) && w === w.toUpperCase() && w === w.toLowerCase()).map(likePattern);
  return ascii.length + caseless.length === 0 ? null : { ascii, caseless };
}

export async function loadConferences(scope: AlignScope = {}): Promise<AlignConference[]> {
  const names = [...(await bilingualOrganizers(scope.organizers)).values()].flat();
  if (names.length === 0) return [];
  const from = scope.from ?? "0001-01-01";
  const to = scope.to ?? "9999-12-31";
  // Undated conferences are loaded too (in the full scope) so that they are reported as such.
  const rows = await db().$queryRaw<Row[]>`
    SELECT c.id AS "conferenceId", c.language, to_char(c."heldOn", 'YYYY-MM-DD') AS "heldOn", c.title, c.organizer,
           p.id AS "pairId",
           string_agg(t.text, E'\n' ORDER BY t.position) FILTER (WHERE t.kind = 'QUESTION') AS question,
           string_agg(t.text, E'\n' ORDER BY t.position) FILTER (WHERE t.kind = 'ANSWER') AS answer,
           COALESCE(o.name, min(t."speakerLabel") FILTER (WHERE t.kind = 'QUESTION')) AS outlet
    FROM "Conference" c
    JOIN "QaPair" p ON p."conferenceId" = c.id AND p.status <> 'DELETED'
    JOIN "Turn" t ON t."qaPairId" = p.id
    LEFT JOIN "Outlet" o ON o.id = p."outletId"
    WHERE c.status <> 'DELETED' AND c.organizer = ANY(${names})
      AND ((c."heldOn" BETWEEN ${from}::date AND ${to}::date) OR (c."heldOn" IS NULL AND ${scope.from === undefined}))
    GROUP BY c.id, p.id, o.name
    ORDER BY c.id, p.ordinal, p.id`;
  const conferences = new Map<number, AlignConference>();
  for (const row of rows) {
    let conference = conferences.get(row.conferenceId);
    if (!conference) {
      conference = { id: String(row.conferenceId), language: row.language, heldOn: row.heldOn, title: row.title, organizer: row.organizer, pairs: [] };
      conferences.set(row.conferenceId, conference);
    }
    conference.pairs.push({ id: String(row.pairId), question: row.question ?? "", answer: row.answer ?? "", outlet: row.outlet });
  }
  return [...conferences.values()];
}
