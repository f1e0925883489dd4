import type { DisplayedPair } from "./displayed-pairs";
import type { QaPairDocument } from "./documents";

// Hits are displayed from the index document: measured on the full corpus, retrieving these
// fields costs Meilisearch under 1 ms per page, while reading the same pairs from Postgres
// cost 3–6 ms per request (bench/search/factors.ts). Postgres stays the fallback for the rare
// document that cannot show the full text.

/** What the search request retrieves of each hit: what it displays and nothing else. */
export const DISPLAY_ATTRIBUTES = [
  "id",
  "sourceId",
  "url",
  "question",
  "answerText",
  "answerTurns",
  "truncated",
  "answerSpeakers",
  "questioner",
  "outlet",
  "language",
  "conferenceTitle",
  "conferenceSlug",
  "date",
] as const satisfies readonly (keyof QaPairDocument)[];

export type DisplayDocument = Partial<Pick<QaPairDocument, (typeof DISPLAY_ATTRIBUTES)[number]>> & { id: string };

/**
 * The hit as displayed, from its document; null when the document cannot give the full text
 * (cut at the indexing limit, or indexed before answerTurns existed): read it from Postgres.
 */
export function pairFromDocument(doc: DisplayDocument): DisplayedPair | null {
  const { answerTurns: turns, answerText: text } = doc;
  if (doc.truncated !== false || !turns || typeof text !== "string" || typeof doc.question !== "string" || !doc.conferenceTitle || !doc.conferenceSlug) return null;
  const answers: DisplayedPair["answers"] = [];
  let at = 0;
  for (const [i, turn] of turns.entries()) {
    if (i > 0) {
      if (text.slice(at, at + 2) !== "\n\n") return null;
      at += 2;
    }
    answers.push({ speaker: turn.speaker, text: text.slice(at, at + turn.chars) });
    at += turn.chars;
  }
  if (at !== text.length) return null;
  return {
    id: doc.id,
    sourceId: doc.sourceId ?? null,
    url: doc.url ?? `/qa/${doc.id}`,
    question: doc.question,
    answers,
    answerSpeakers: doc.answerSpeakers ?? [],
    questioner: doc.questioner ?? null,
    outlet: doc.outlet ?? null,
    language: doc.language ?? "en",
    conference: {
      title: doc.conferenceTitle,
      slug: doc.conferenceSlug,
      date: typeof doc.date === "number" ? new Date(doc.date * 1000).toISOString().slice(0, 10) : null,
    },
  };
}
