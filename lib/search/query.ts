import { MeilisearchApiError, MeilisearchError, type SearchResponse } from "meilisearch";
import { SearchUnavailableError, liveIndexUid, searchMeili } from "./client";
import { displayedPairs, type DisplayedPair } from "./displayed-pairs";
import { pairFromDocument, type DisplayDocument } from "./hit-display";
import type { SearchParams } from "./params";
import { synonymsForHighlighting } from "./highlight-synonyms";
import { queryTerms, snippet, type QueryTerms } from "./snippet";
import { FILTER_GROUPS, buildFilters, highlightToHtml, queryLocales, type FilterGroup } from "./syntax";
import { NO_EXTRAS, PLAN, buildSearchRequest, candidateDocumentsRequest, parallelBatches, rerankPlan, type SearchExtras } from "./query-request";
import { matchingStrategyFor, queryShape } from "./query-shape";
import { mergeCandidates, rerank, terms as rerankTerms, type RerankWeights } from "./rerank";
import { documentFrequencies, rarestFirst, withoutUnknownWords } from "./term-frequency";
import { matchNotice, type MatchNotice } from "./did-you-mean";
import { exactSemanticOrder } from "./exact-semantic";
import { fuseSemantic, semanticOrder, semanticQuery, type SemanticOptions, type SemanticQuery } from "./semantic";
import type { SpellingCorrection, SpellingTuning } from "./spelling";
import { withSpelling } from "./spelling-search";

export { ALL_EXTRAS, NO_EXTRAS, buildSearchRequest, type SearchExtras } from "./query-request";

export interface SearchHit extends DisplayedPair {
  /** Safe HTML: escaped text, cropped around the matches, with <mark> around matched words. */
  _formatted: { question: string; answer: string };
}

export interface FacetValue {
  value: string;
  count: number;
  selected: boolean;
}

export interface SearchResults {
  params: SearchParams;
  hits: SearchHit[];
  estimatedTotalHits: number;
  page: number;
  limit: number;
  /** Only the groups that were asked for. */
  facets: Partial<Record<FilterGroup, FacetValue[]>>;
  /** Matching pairs per year, or per month when exactly one year is selected; null unless asked for. */
  histogram: { granularity: "year" | "month"; buckets: { key: string; count: number }[] } | null;
  processingTimeMs: number;
  /** "Matched only some of your words" / "did you mean", for text queries on page 1; else null. */
  notice: MatchNotice | null;
  /** The query's spelling as corrected before searching ("showing results for"), or null. */
  spelling: SpellingCorrection | null;
}

const CROP_WORDS = 40;

// A search alone in this process sends its candidate lists side by side, each with its
// documents (parallelBatches): a description then waits for its slowest list rather than all
// three in a row. With other searches under way every core is busy anyway: the lists go in one
// request, further lists ids only, and the documents only they found are fetched afterwards
// (withDocuments), the fewest bytes. Counting only searches waiting on Meilisearch was not
// enough: at c=50 most wait on Node instead, and their side-by-side lists with documents nearly
// doubled bench:search's p95 (3.4 -> 6.2 s).
let searchesUnderWay = 0;

export interface SearchOptions {
  semantic?: SemanticOptions | null;
  /** Candidate plans by query shape (query-request.ts PLAN); the benchmark's ablations change them. */
  plans?: typeof PLAN;
  /** Spelling correction's thresholds (spelling.ts); false searches exactly what was typed. */
  spelling?: SpellingTuning | false;
  /** The re-ranker's weights (rerank.ts DEFAULT_WEIGHTS); the benchmark's sweeps change them. */
  rerankWeights?: RerankWeights;
}

/**
 * Runs a search for the given (already validated) parameters. Meilisearch finds the hits and
 * returns what a hit displays; the highlighted snippets are cut here (snippet.ts). A document
 * that cannot show its full text is read from Postgres instead (hit-display.ts).
 *
 * Relevance-ordered text queries get their first candidates (query-request.ts, by query
 * shape) re-scored in-app (rerank.ts); pages inside that window are cut from the re-ranked
 * list, later pages come straight from Meilisearch.
 *
 * Facet counts are disjunctive: each selected group is counted without its own filter, so
 * ticking "Reuters" still shows how many pairs AP has. That costs one extra (hit-less) query
 * per selected and requested group, sent in the same multi-search request.
 */
export async function searchPairs(params: SearchParams, extras: SearchExtras = NO_EXTRAS, options: SearchOptions = {}): Promise<SearchResults> {
  // Misspelt words are corrected first (spelling-search.ts); the typed query runs alongside only for its hits.
  const alone = searchesUnderWay === 0;
  searchesUnderWay++;
  try {
    return await withSpelling(params, (p, alongside) => searchAsTyped(p, alongside ? NO_EXTRAS : extras, options, alone), options.spelling);
  } finally {
    searchesUnderWay--;
  }
}

async function searchAsTyped(params: SearchParams, extras: SearchExtras, options: SearchOptions, alone: boolean): Promise<Omit<SearchResults, "spelling">> {
  const plan = rerankPlan(params, options.plans);
  let rarityOrdered: string | null = null;
  if (plan?.lists.includes("rarest")) {
    try {
      rarityOrdered = await rarestFirst(params.q, queryLocales(params.q));
    } catch (error) {
      throw asUnavailable(error);
    }
  }
  // Descriptions in the user's own words also search by meaning (hybrid mode only).
  let semantic: SemanticQuery | null = null;
  if (plan && matchingStrategyFor(queryShape(params.q)) === "frequency") {
    try {
      semantic = await semanticQuery(params.q, options.semantic);
    } catch (error) {
      throw asUnavailable(error);
    }
  }
  const { queries, selectedGroups } = buildSearchRequest(params, extras, { plan, rarityOrdered, semantic: semantic?.request ?? null, idsOnly: !alone });
  let responses: SearchResponse<DisplayDocument>[];
  try {
    const client = searchMeili();
    const batches = alone ? parallelBatches(queries, selectedGroups) : [queries];
    const answers = await Promise.all(batches.map((batch) => client.multiSearch({ queries: batch })));
    responses = answers.flatMap((answer) => answer.results) as unknown as SearchResponse<DisplayDocument>[];
  } catch (error) {
    throw asUnavailable(error);
  }
  const [first, ...rest] = responses;
  // Further candidate lists for the re-ranker, when asked for, come last.
  const groupResponses = rest.slice(0, selectedGroups.length);
  const alternates = rest.slice(selectedGroups.length);
  // The semantic list, when asked for, is the very last one.
  const semanticHits = semantic?.request ? alternates[alternates.length - 1].hits : null;
  if (first.hits.length === 0 && alternates.every((r) => r.hits.length === 0) && params.q && params.page === 1) {
    let narrowed: Awaited<ReturnType<typeof withoutUnknownWords>>;
    try {
      narrowed = await withoutUnknownWords(params.q, queryLocales(params.q));
    } catch (error) {
      throw asUnavailable(error);
    }
    if (narrowed) {
      const results = await searchAsTyped({ ...params, q: narrowed.q }, extras, options, alone);
      return { ...results, params, notice: { missingWords: narrowed.dropped, suggestion: results.notice?.suggestion ?? null } };
    }
  }
  const distribution = { ...(first.facetDistribution ?? {}) };
  selectedGroups.forEach((group, i) => {
    const attribute = FILTER_GROUPS[group];
    distribution[attribute] = groupResponses[i].facetDistribution?.[attribute] ?? {};
  });

  const facets: Partial<Record<FilterGroup, FacetValue[]>> = {};
  for (const group of extras.facets) {
    const counts = distribution[FILTER_GROUPS[group]] ?? {};
    const selected = new Set(params[group].map(String));
    const values: FacetValue[] = Object.entries(counts).map(([value, count]) => ({ value, count, selected: selected.has(value) }));
    // A selected value with no matches still shows, so it can be unticked.
    for (const value of selected) if (!(value in counts)) values.push({ value, count: 0, selected: true });
    values.sort((a, b) => (group === "year" ? Number(b.value) - Number(a.value) : b.count - a.count || a.value.localeCompare(b.value)));
    facets[group] = values;
  }

  let histogram: SearchResults["histogram"] = null;
  if (extras.histogram) {
    const monthly = params.year.length === 1;
    const bucketCounts = (monthly ? first.facetDistribution?.month : first.facetDistribution?.year) ?? {};
    const buckets = Object.entries(bucketCounts)
      .filter(([key]) => !monthly || key.startsWith(`${params.year[0]}-`))
      .map(([key, count]) => ({ key, count }))
      .sort((a, b) => a.key.localeCompare(b.key));
    histogram = { granularity: monthly ? "month" : "year", buckets };
  }

  let estimatedTotalHits = first.estimatedTotalHits ?? first.hits.length;
  if (plan) {
    const merged = alternates.length ? mergeCandidates([first.hits, ...alternates.map((r) => r.hits)]) : first.hits;
    const candidates = alone ? merged : await withDocuments(merged, first.hits);
    let reranked = candidates.length > 1 ? await rerankHits(candidates, params.q, queryLocales(params.q), options.rerankWeights) : candidates;
    if (semantic) {
      let order = semanticHits;
      try {
        if (semantic.options.exact) order = (await exactSemanticOrder(semantic, reranked)) ?? order;
        order ??= await semanticOrder(
          reranked.map((hit) => hit.id),
          semantic,
        );
      } catch (error) {
        throw asUnavailable(error);
      }
      reranked = fuseSemantic(reranked, order, semantic.options.fusion);
    }
    first.hits = reranked.slice((params.page - 1) * params.limit, params.page * params.limit);
    // Either strategy's count: pages past the window come from the main strategy alone.
    estimatedTotalHits = Math.max(estimatedTotalHits, candidates.length);
  }
  const notice = params.page === 1 ? await matchNotice(params.q, first.hits, estimatedTotalHits) : null;
  const fromIndex = first.hits.map((hit) => pairFromDocument(hit));
  const missing = first.hits.filter((_, i) => !fromIndex[i]).map((hit) => hit.id);
  const fromPostgres = missing.length ? await displayedPairs(missing) : new Map<string, DisplayedPair>();
  const terms = queryTerms(params.q, params.q ? await synonymsForHighlighting() : {});
  const hits = first.hits.flatMap((hit, i) => {
    const pair = fromIndex[i] ?? fromPostgres.get(hit.id);
    return pair ? [toHit(pair, terms)] : [];
  });

  return {
    params,
    hits,
    estimatedTotalHits,
    page: params.page,
    limit: params.limit,
    facets,
    histogram,
    processingTimeMs: first.processingTimeMs,
    notice,
  };
}

/**
 * Merged candidates with their documents: the main list's own, the rest (found only by the
 * ids-only lists) fetched in one request, in the same order. A document deleted in between
 * is left out.
 */
async function withDocuments(merged: DisplayDocument[], main: DisplayDocument[]): Promise<DisplayDocument[]> {
  const documents = new Map(main.map((hit) => [hit.id, hit]));
  const missing = merged.filter((hit) => !documents.has(hit.id)).map((hit) => hit.id);
  if (missing.length) {
    try {
      const { results } = await searchMeili().multiSearch({ queries: [candidateDocumentsRequest(missing)] });
      for (const hit of results[0].hits as unknown as DisplayDocument[]) documents.set(hit.id, hit);
    } catch (error) {
      throw asUnavailable(error);
    }
  }
  return merged.flatMap((hit) => documents.get(hit.id) ?? []);
}

/** The candidates re-ordered by rerank.ts, rarity of each query term asked of the index. */
async function rerankHits(hits: DisplayDocument[], q: string, locales: string[] | undefined, weights?: RerankWeights): Promise<DisplayDocument[]> {
  const shape = queryShape(q);
  // Excluded words must not count as matches.
  const scoredText = [...shape.phrases, ...shape.words].join(" ");
  const queryTerms = [...new Set(rerankTerms(scoredText))];
  if (queryTerms.length === 0) return hits;
  let frequencies: Awaited<ReturnType<typeof documentFrequencies>>;
  try {
    frequencies = await documentFrequencies(queryTerms, locales);
  } catch (error) {
    throw asUnavailable(error);
  }
  const candidates = hits.map((hit) => ({ hit, id: hit.id, question: hit.question ?? "", answer: hit.answerText ?? "", context: candidateContext(hit) }));
  return rerank(candidates, scoredText, frequencies.frequencies, frequencies.total, weights).map((c) => c.hit);
}

/** Who answered and asked, for whom, at which conference: the re-ranker's context field. */
function candidateContext(hit: DisplayDocument): string {
  return [...(hit.answerSpeakers ?? []), hit.questioner ?? "", hit.outlet ?? "", hit.conferenceTitle ?? ""].join(" \n ");
}

function toHit(pair: DisplayedPair, terms: QueryTerms): SearchHit {
  const answer = pair.answers.map((turn) => turn.text).join("\n\n");
  return {
    ...pair,
    _formatted: {
      question: highlightToHtml(snippet(pair.question, terms, CROP_WORDS)),
      answer: highlightToHtml(snippet(answer, terms, CROP_WORDS)),
    },
  };
}

/** Connection failures, timeouts, 5xx and a missing index all mean "search is not available now". */
function asUnavailable(error: unknown): unknown {
  if (error instanceof MeilisearchApiError) {
    const status = error.response?.status ?? 0;
    if (status >= 500 || error.cause?.code === "index_not_found") return new SearchUnavailableError(error);
    return error;
  }
  if (error instanceof MeilisearchError) return new SearchUnavailableError(error);
  if (error instanceof TypeError) return new SearchUnavailableError(error); // fetch failed
  return error;
}

/** Values of one facet matching a prefix, for long lists (speakers, outlets...). */
export async function searchFacetValues(group: FilterGroup, facetQuery: string, params: SearchParams): Promise<{ value: string; count: number }[]> {
  try {
    const answer = await searchMeili()
      .index(liveIndexUid())
      .searchForFacetValues({
        facetName: FILTER_GROUPS[group],
        facetQuery,
        q: params.q,
        filter: buildFilters(params, group),
      });
    return answer.facetHits;
  } catch (error) {
    throw asUnavailable(error);
  }
}
