import { db } from "@/lib/db/client";

/** What a search hit shows of its pair, read from Postgres rather than from the index. */
export interface DisplayedPair {
  /** A question-and-answer pair, or a statement (no question; its one "answer" is the statement). */
  kind: "pair" | "statement";
  id: string;
  sourceId: string | null;
  url: string;
  question: string;
  answers: { speaker: string | null; text: string }[];
  answerSpeakers: string[];
  questioner: string | null;
  outlet: string | null;
  language: string;
  conference: { title: string; slug: string; date: string | null };
}

type Row = {
  publicId: string;
  sourceId: string | null;
  questioner: string | null;
  outlet: string | null;
  title: string;
  slug: string;
  heldOn: Date | null;
  language: string;
  turns: { kind: "QUESTION" | "ANSWER"; speaker: string | null; label: string | null; text: string }[] | null;
};

/**
 * The publicly visible pairs among these public ids, keyed by public id, in ONE query (a page
 * has at most 100 hits): for hits whose document cannot show the full text (hit-display.ts).
 * Built like the index document (documents.ts), so such hits read like the others.
 */
export async function displayedPairs(publicIds: string[]): Promise<Map<string, DisplayedPair>> {
  if (publicIds.length === 0) return new Map();
  const rows = await db().$queryRaw<Row[]>`
    SELECT p."publicId", p."sourceId", qs.name AS questioner, o.name AS outlet,
           c.title, c.slug, c."heldOn", c.language,
           (SELECT json_agg(json_build_object('kind', t.kind, 'speaker', COALESCE((SELECT s.name FROM "Speaker" s WHERE s.id = t."speakerId"), t."speakerLabel"), 'label', t."speakerLabel", 'text', t.text) ORDER BY t.position)
              FROM "Turn" t
             WHERE t."qaPairId" = p.id AND t.kind IN ('QUESTION', 'ANSWER')) AS turns
      FROM "QaPair" p
      JOIN "Conference" c ON c.id = p."conferenceId"
      LEFT JOIN "Speaker" qs ON qs.id = p."questionerId"
      LEFT JOIN "Outlet" o ON o.id = p."outletId"
     WHERE p."publicId" = ANY(${publicIds}::text[]) AND p.status = 'PUBLISHED' AND c.status = 'PUBLISHED'`;
  return new Map(rows.map((row) => [row.publicId, toDisplayedPair(row)]));
}

function toDisplayedPair(row: Row): DisplayedPair {
  const turns = row.turns ?? [];
  const questionTurns = turns.filter((t) => t.kind === "QUESTION");
  const answers = turns.filter((t) => t.kind === "ANSWER").map((t) => ({ speaker: t.speaker, text: t.text }));
  return {
    kind: "pair",
    id: row.publicId,
    sourceId: row.sourceId,
    url: `/qa/${row.publicId}`,
    question: questionTurns.map((t) => t.text).join("\n\n"),
    answers,
    answerSpeakers: [...new Set(answers.map((a) => a.speaker).filter((s): s is string => Boolean(s)))],
    questioner: row.questioner ?? questionTurns[0]?.label ?? null,
    outlet: row.outlet,
    language: row.language.split("-")[0],
    conference: { title: row.title, slug: row.slug, date: row.heldOn ? row.heldOn.toISOString().slice(0, 10) : null },
  };
}
