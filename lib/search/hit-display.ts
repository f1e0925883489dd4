import type { DisplayedPair } from "./displayed-pairs";
import type { QaPairDocument } from "./documents";
import type { StatementDocument } from "./statement-documents";

// Hits are displayed from the index document: measured on the full corpus, retrieving these
// fields costs Meilisearch under 1 ms per page, while reading the same pairs from Postgres
// cost 3–6 ms per request (bench/search/factors.ts). Postgres stays the fallback for the rare
// document that cannot show the full text.

/** What the search request retrieves of each hit: what it displays and nothing else. */
export const DISPLAY_ATTRIBUTES = [
  "kind",
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
] as const satisfies readonly (keyof QaPairDocument | keyof StatementDocument)[];

/** Pair documents carry no `kind`; statements say "statement" (statement-documents.ts). */
export type DisplayDocument = Partial<Pick<QaPairDocument, Exclude<(typeof DISPLAY_ATTRIBUTES)[number], "kind">>> & { id: string; kind?: StatementDocument["kind"] };

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
    kind: doc.kind === "statement" ? "statement" : "pair",
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

/** "Ann Lee, Daily Wire"; a questioner recorded under the outlet's own name ("TASS, TASS") is shown once. */
export function askerLabel(questioner: string | null, outlet: string | null): string {
  const same = questioner && outlet && questioner.trim().toLocaleLowerCase() === outlet.trim().toLocaleLowerCase();
  return (same ? [questioner] : [questioner, outlet]).filter(Boolean).join(", ");
}

/**
 * How many pairs match, exactly when possible. Meilisearch's estimatedTotalHits stops at the
 * index's pagination.maxTotalHits (5,000), but facet counts are exhaustive whenever facets are
 * asked for; every document has exactly one language, so the language counts add up to the
 * exact total (with a language filter, the selected languages' counts do, since a selected
 * group is counted without its own filter). Without the language facet the estimate is exact
 * below the cap and a lower bound at it.
 */
export function matchingPairCount(
  results: { estimatedTotalHits: number; facets: Partial<Record<string, { value: string; count: number }[]>> },
  selectedLanguages: readonly string[],
  cap: number,
): { count: number; exact: boolean } {
  const languages = results.facets.lang;
  if (languages) {
    const counted = selectedLanguages.length ? languages.filter((l) => selectedLanguages.includes(l.value)) : languages;
    const sum = counted.reduce((total, l) => total + l.count, 0);
    // Sanity: the exact count can never be below what Meilisearch already found.
    if (sum >= Math.min(results.estimatedTotalHits, cap)) return { count: sum, exact: true };
  }
  return { count: results.estimatedTotalHits, exact: results.estimatedTotalHits < cap };
}

/** The heading of a hit in the results list: "Mao Ning answers TASS", or "Statement by Jen Psaki". */
export function hitHeading(hit: { kind?: "pair" | "statement"; answerSpeakers: string[]; questioner: string | null; outlet: string | null }): string {
  if (hit.kind === "statement") return `Statement by ${hit.answerSpeakers.join(", ") || "an unnamed speaker"}`;
  const speakers = hit.answerSpeakers.join(", ") || "unnamed speaker";
  const asker = askerLabel(hit.questioner, hit.outlet);
  return `${speakers} answers${asker ? ` ${asker}` : ""}`;
}
