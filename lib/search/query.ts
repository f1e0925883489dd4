import { MeilisearchApiError, MeilisearchError, type MultiSearchQuery, type SearchResponse } from "meilisearch";
import { SearchUnavailableError, liveIndexUid, searchMeili } from "./client";
import { displayedPairs, type DisplayedPair } from "./displayed-pairs";
import { DISPLAY_ATTRIBUTES, pairFromDocument, type DisplayDocument } from "./hit-display";
import type { SearchParams } from "./params";
import { synonymsForHighlighting } from "./highlight-synonyms";
import { queryTerms, snippet, type QueryTerms } from "./snippet";
import { FILTER_GROUPS, buildFilters, highlightToHtml, queryLocales, sortFor, type FilterGroup } from "./syntax";
import { matchingStrategyFor, queryShape } from "./query-shape";
import { mergeCandidates, rerank, terms as rerankTerms } from "./rerank";
import { documentFrequencies, rarestFirst, withoutUnknownWords } from "./term-frequency";
import { matchNotice, type MatchNotice } from "./did-you-mean";
import { fuseSemantic, semanticQuery, type SemanticOptions } from "./semantic";

export interface SearchHit extends DisplayedPair {
  /** Safe HTML: escaped text, cropped around the matches, with <mark> around matched words. */
  _formatted: { question: string; answer: string };
}

export interface FacetValue {
  value: string;
  count: number;
  selected: boolean;
}

/** What to compute besides the hits; each costs Meilisearch more than finding the hits. */
export interface SearchExtras {
  /** Facet groups to count (disjunctively). */
  facets: readonly FilterGroup[];
  /** The per-year (or per-month) histogram of matching pairs. */
  histogram: boolean;
}

export const NO_EXTRAS: SearchExtras = { facets: [], histogram: false };
/** Everything the /search page shows. */
export const ALL_EXTRAS: SearchExtras = { facets: Object.keys(FILTER_GROUPS) as FilterGroup[], histogram: true };

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
}

const CROP_WORDS = 40;

/**
 * Relevance-ordered text queries get their first RERANK_DEPTH candidates re-scored in-app
 * (rerank.ts); pages inside that window are cut from the re-ranked list, later pages come
 * straight from Meilisearch, so paging never repeats or skips a hit.
 */
export const RERANK_DEPTH = 50;

function rerankWindow(params: SearchParams): boolean {
  if (!params.q || params.sort !== "relevance" || params.page * params.limit > RERANK_DEPTH) return false;
  // A quoted phrase already narrows the hits to that wording; Meilisearch's order (phrase,
  // then proximity) is what the quote asks for.
  const shape = queryShape(params.q);
  return shape.phrases.length === 0 && shape.words.length > 0;
}

/**
 * Runs a search for the given (already validated) parameters. Meilisearch finds the hits and
 * returns what a hit displays; the highlighted snippets are cut here (snippet.ts). A document
 * that cannot show its full text is read from Postgres instead (hit-display.ts).
 *
 * Facet counts are disjunctive: each selected group is counted without its own filter, so
 * ticking "Reuters" still shows how many pairs AP has. That costs one extra (hit-less) query
 * per selected and requested group, sent in the same multi-search request.
 */
export async function searchPairs(params: SearchParams, extras: SearchExtras = NO_EXTRAS, options: { semantic?: SemanticOptions | null } = {}): Promise<SearchResults> {
  let rarityOrdered: string | null = null;
  const longQuery = rerankWindow(params) && matchingStrategyFor(queryShape(params.q)) === "frequency";
  if (longQuery) {
    try {
      rarityOrdered = await rarestFirst(params.q, queryLocales(params.q));
    } catch (error) {
      throw asUnavailable(error);
    }
  }
  // Descriptions in the user's own words also search by meaning (hybrid mode only).
  const semantic = longQuery ? semanticQuery(params.q, options.semantic) : null;
  const { queries, selectedGroups } = buildSearchRequest(params, extras, rarityOrdered, semantic?.request ?? null);
  let responses: SearchResponse<DisplayDocument>[];
  try {
    const answer = await searchMeili().multiSearch({ queries });
    responses = answer.results as unknown as SearchResponse<DisplayDocument>[];
  } catch (error) {
    throw asUnavailable(error);
  }
  const [first, ...rest] = responses;
  // Further candidate lists for the re-ranker, when asked for, come last.
  const groupResponses = rest.slice(0, selectedGroups.length);
  const alternates = rest.slice(selectedGroups.length);
  // The semantic list, when asked for, is the very last one.
  const semanticHits = semantic ? alternates[alternates.length - 1].hits : null;
  if (first.hits.length === 0 && alternates.every((r) => r.hits.length === 0) && params.q && params.page === 1) {
    let narrowed: Awaited<ReturnType<typeof withoutUnknownWords>>;
    try {
      narrowed = await withoutUnknownWords(params.q, queryLocales(params.q));
    } catch (error) {
      throw asUnavailable(error);
    }
    if (narrowed) {
      const results = await searchPairs({ ...params, q: narrowed.q }, extras);
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
  if (rerankWindow(params)) {
    const candidates = alternates.length ? mergeCandidates([first.hits, ...alternates.map((r) => r.hits)]) : first.hits;
    let reranked = candidates.length > 1 ? await rerankHits(candidates, params.q, queryLocales(params.q)) : candidates;
    if (semantic && semanticHits) reranked = fuseSemantic(reranked, semanticHits, semantic.fusion);
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
 * The Meilisearch multi-search request for these parameters: the main query (display fields
 * and snippets), plus one hit-less query per selected and requested facet group. Exported
 * so the benchmark can send the very same request straight to Meilisearch.
 */
export function buildSearchRequest(
  params: SearchParams,
  extras: SearchExtras = NO_EXTRAS,
  rarityOrdered: string | null = null,
  semantic: Pick<MultiSearchQuery, "hybrid" | "vector"> | null = null,
): { queries: MultiSearchQuery[]; selectedGroups: FilterGroup[] } {
  const uid = liveIndexUid();
  const locales = queryLocales(params.q);
  const facetAttributes = new Set<string>(extras.facets.map((group) => FILTER_GROUPS[group]));
  if (extras.histogram) facetAttributes.add(params.year.length === 1 ? "month" : "year");
  const window = rerankWindow(params);
  const main: MultiSearchQuery = {
    indexUid: uid,
    q: params.q,
    ...(params.q ? { matchingStrategy: matchingStrategyFor(queryShape(params.q)) } : {}),
    filter: buildFilters(params),
    sort: sortFor(params),
    offset: window ? 0 : (params.page - 1) * params.limit,
    limit: window ? RERANK_DEPTH : params.limit,
    ...(facetAttributes.size ? { facets: [...facetAttributes] } : {}),
    attributesToRetrieve: [...DISPLAY_ATTRIBUTES],
    // No highlighting here: Meilisearch's _formatted would repeat every retrieved field,
    // answer text included, doubling the answer; snippets are cut from the hit (snippet.ts).
    ...(locales ? { locales } : {}),
  };
  const selectedGroups = extras.facets.filter((group) => params[group].length > 0);
  const facetOnly: MultiSearchQuery[] = selectedGroups.map((group) => ({
    indexUid: uid,
    q: params.q,
    ...(main.matchingStrategy ? { matchingStrategy: main.matchingStrategy } : {}),
    filter: buildFilters(params, group),
    limit: 0,
    facets: [FILTER_GROUPS[group]],
    ...(locales ? { locales } : {}),
  }));
  // Re-ranked queries also ask for more candidate lists. Short queries: the "frequency"
  // strategy's, as "last" insists on the first word. Long ones: "last" as typed, and "last"
  // over the known words rarest first (term-frequency.ts), as "frequency" can come back empty
  // when the rarest words never meet in one pair. Each list alone misses known items the
  // others find (bench/relevance, tune half).
  const alternate: MultiSearchQuery[] =
    !window || !main.matchingStrategy
      ? []
      : main.matchingStrategy === "frequency"
        ? [
            { ...main, matchingStrategy: "last", facets: undefined },
            ...(rarityOrdered ? [{ ...main, q: rarityOrdered, matchingStrategy: "last" as const, facets: undefined }] : []),
          ]
        : [{ ...main, matchingStrategy: "frequency", facets: undefined }];
  if (window && semantic) alternate.push({ ...main, ...semantic, facets: undefined });
  return { queries: [main, ...facetOnly, ...alternate], selectedGroups };
}

/** The candidates re-ordered by rerank.ts, rarity of each query term asked of the index. */
async function rerankHits(hits: DisplayDocument[], q: string, locales: string[] | undefined): Promise<DisplayDocument[]> {
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
  const candidates = hits.map((hit) => ({ hit, id: hit.id, question: hit.question ?? "", answer: hit.answerText ?? "" }));
  return rerank(candidates, scoredText, frequencies.frequencies, frequencies.total).map((c) => c.hit);
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
