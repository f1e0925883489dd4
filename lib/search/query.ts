import { MeilisearchApiError, MeilisearchError, type MultiSearchQuery, type SearchResponse } from "meilisearch";
import { SearchUnavailableError, liveIndexUid, searchMeili } from "./client";
import { displayedPairs, type DisplayedPair } from "./displayed-pairs";
import { DISPLAY_ATTRIBUTES, pairFromDocument, type DisplayDocument } from "./hit-display";
import type { SearchParams } from "./params";
import { synonymsForHighlighting } from "./highlight-synonyms";
import { queryTerms, snippet, type QueryTerms } from "./snippet";
import { FILTER_GROUPS, buildFilters, highlightToHtml, queryLocales, sortFor, type FilterGroup } from "./syntax";

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
}

const CROP_WORDS = 40;

/**
 * Runs a search for the given (already validated) parameters. Meilisearch finds the hits and
 * returns what a hit displays; the highlighted snippets are cut here (snippet.ts). A document
 * that cannot show its full text is read from Postgres instead (hit-display.ts).
 *
 * Facet counts are disjunctive: each selected group is counted without its own filter, so
 * ticking "Reuters" still shows how many pairs AP has. That costs one extra (hit-less) query
 * per selected and requested group, sent in the same multi-search request.
 */
export async function searchPairs(params: SearchParams, extras: SearchExtras = NO_EXTRAS): Promise<SearchResults> {
  const { queries, selectedGroups } = buildSearchRequest(params, extras);
  let responses: SearchResponse<DisplayDocument>[];
  try {
    const answer = await searchMeili().multiSearch({ queries });
    responses = answer.results as unknown as SearchResponse<DisplayDocument>[];
  } catch (error) {
    throw asUnavailable(error);
  }
  const [first, ...groupResponses] = responses;
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
    estimatedTotalHits: first.estimatedTotalHits ?? first.hits.length,
    page: params.page,
    limit: params.limit,
    facets,
    histogram,
    processingTimeMs: first.processingTimeMs,
  };
}

/**
 * The Meilisearch multi-search request for these parameters: the main query (display fields
 * and snippets), plus one hit-less query per selected and requested facet group. Exported
 * so the benchmark can send the very same request straight to Meilisearch.
 */
export function buildSearchRequest(params: SearchParams, extras: SearchExtras = NO_EXTRAS): { queries: MultiSearchQuery[]; selectedGroups: FilterGroup[] } {
  const uid = liveIndexUid();
  const locales = queryLocales(params.q);
  const facetAttributes = new Set<string>(extras.facets.map((group) => FILTER_GROUPS[group]));
  if (extras.histogram) facetAttributes.add(params.year.length === 1 ? "month" : "year");
  const main: MultiSearchQuery = {
    indexUid: uid,
    q: params.q,
    filter: buildFilters(params),
    sort: sortFor(params),
    offset: (params.page - 1) * params.limit,
    limit: params.limit,
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
    filter: buildFilters(params, group),
    limit: 0,
    facets: [FILTER_GROUPS[group]],
    ...(locales ? { locales } : {}),
  }));
  return { queries: [main, ...facetOnly], selectedGroups };
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
    const answer = await searchMeili().index(liveIndexUid()).searchForFacetValues({
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
