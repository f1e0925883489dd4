import type { Settings } from "meilisearch";
import { z } from "zod";
import { db } from "@/lib/db/client";
import { EMBEDDER_NAME } from "@/lib/embeddings/runtime";

// Index settings, applied to an index before any document goes in: changing a searchable or
// filterable attribute later re-indexes everything, so they are deliberate and lean (71k
// pairs must index in minutes on two cores).

/** Order matters: a match in the question outranks the same match in the answer, and so on. */
export const SEARCHABLE_ATTRIBUTES = ["question", "answerText", "answerSpeakers", "questioner", "outlet", "conferenceTitle", "topics"] as const;

/** Facets shown on the search page; each also accepts an equality filter. */
export const FACET_ATTRIBUTES = ["answerSpeakers", "questioner", "outlet", "conferenceSlug", "organizer", "topics", "language", "year", "month"] as const;
export type FacetAttribute = (typeof FACET_ATTRIBUTES)[number];

/** Facets whose value lists get long enough to need facet search. */
export const SEARCHABLE_FACETS = ["answerSpeakers", "questioner", "outlet", "organizer", "topics"] as const;

export const searchSettingsSchema = z.object({
  synonyms: z.record(z.string().trim().min(1).max(100), z.array(z.string().trim().min(1).max(100)).max(50)).default({}),
  stopWords: z.array(z.string().trim().min(1).max(60)).max(1000).default([]),
});
export type EditorSearchSettings = z.infer<typeof searchSettingsSchema>;

/** The declared settings; `embedder` is the active model in hybrid mode (runtime.ts activeEmbedder), null in keyword mode. */
export function indexSettings(editor: EditorSearchSettings, embedder: { dims: number } | null = null): Settings {
  return {
    searchableAttributes: [...SEARCHABLE_ATTRIBUTES],
    // Granular filterable attributes: only the date needs range comparison, and facet search
    // is built only where value lists are long, which keeps indexing fast.
    filterableAttributes: [
      { attributePatterns: [...SEARCHABLE_FACETS], features: { facetSearch: true, filter: { equality: true, comparison: false } } },
      {
        // kind and conferenceId: statements (statement-documents.ts) are filtered and replaced per conference.
        // id: the semantic re-ranker orders a query's candidates by meaning (semantic.ts).
        attributePatterns: ["id", "conferenceSlug", "conferenceTitle", "language", "year", "month", "pairId", "kind", "conferenceId"],
        features: { facetSearch: false, filter: { equality: true, comparison: false } },
      },
      { attributePatterns: ["date"], features: { facetSearch: false, filter: { equality: true, comparison: true } } },
    ],
    sortableAttributes: ["date"],
    displayedAttributes: ["*"],
    // "sort" right after "words": an explicit newest/oldest order is chronological among the
    // pairs matching the most query words, instead of a tie-breaker that rarely applies.
    // Without a sort parameter the rule does nothing; newer pairs win remaining ties.
    rankingRules: ["words", "sort", "typo", "proximity", "attribute", "exactness", "date:desc"],
    typoTolerance: {
      enabled: true,
      // "2024" must not match "2025"; ids are exact by nature.
      disableOnNumbers: true,
      disableOnAttributes: ["publicId", "sourceId"],
    },
    // Without this, short Chinese texts are sometimes detected as Japanese and segmented
    // wrongly; restricting detection to the archive's two languages avoids it. Queries pass
    // `locales` too (see query.ts).
    localizedAttributes: [{ attributePatterns: ["question", "answerText", "conferenceTitle", "topics"], locales: ["cmn", "eng"] }],
    faceting: { maxValuesPerFacet: 200, sortFacetValuesBy: { "*": "count", year: "alpha", month: "alpha" } },
    pagination: { maxTotalHits: 5000 },
    // Word-level proximity (the default) is kept although byAttribute indexes faster:
    // phrase search relies on word-pair proximity, and "exact phrase" is what journalists quote.
    proximityPrecision: "byWord",
    synonyms: editor.synonyms,
    stopWords: editor.stopWords,
    // Hybrid mode: documents carry their own vectors (lib/embeddings), Meilisearch only stores
    // and searches them. Keyword mode declares none (an embedder set earlier stays until removed).
    ...(embedder ? { embedders: { [EMBEDDER_NAME]: { source: "userProvided" as const, dimensions: embedder.dims } } } : {}),
  };
}

/** Synonyms and stop words as editors saved them in Postgres (SearchSetting rows). */
export async function loadEditorSearchSettings(): Promise<EditorSearchSettings> {
  const rows = await db().searchSetting.findMany({ where: { key: { in: ["synonyms", "stopWords"] } } });
  const byKey = Object.fromEntries(rows.map((row) => [row.key, row.value]));
  const parsed = searchSettingsSchema.safeParse({ synonyms: byKey.synonyms ?? {}, stopWords: byKey.stopWords ?? [] });
  // A malformed row must not take search down: fall back to none and let the editor page show it.
  return parsed.success ? parsed.data : { synonyms: {}, stopWords: [] };
}
