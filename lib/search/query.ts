import { MeilisearchApiError, MeilisearchError, type MultiSearchQuery, type SearchResponse } from "meilisearch";
import { SearchUnavailableError, liveIndexUid, meili } from "./client";
import type { QaPairDocument } from "./documents";
import type { SearchParams } from "./params";
import { FILTER_GROUPS, HIGHLIGHT_POST, HIGHLIGHT_PRE, buildFilters, highlightToHtml, queryLocales, sortFor, type FilterGroup } from "./syntax";

export interface SearchHit {
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
  facets: Record<FilterGroup, FacetValue[]>;
  /** Matching pairs per year, or per month when exactly one year is selected. */
  histogram: { granularity: "year" | "month"; buckets: { key: string; count: number }[] };
  processingTimeMs: number;
}

const CROP_WORDS = 40;

/**
 * Runs a search for the given (already validated) parameters. Facet counts are disjunctive:
 * each selected group is counted without its own filter, so ticking "Reuters" still shows
 * how many pairs AP has. That costs one extra (hit-less) query per selected group, sent in
 * the same multi-search request.
 */
export async function searchPairs(params: SearchParams): Promise<SearchResults> {
  const { queries, selectedGroups } = buildSearchRequest(params);
  let responses: SearchResponse<QaPairDocument>[];
  try {
    const answer = await meili().multiSearch({ queries });
    responses = answer.results as unknown as SearchResponse<QaPairDocument>[];
  } catch (error) {
    throw asUnavailable(error);
  }
  const [first, ...groupResponses] = responses;
  const distribution = { ...(first.facetDistribution ?? {}) };
  selectedGroups.forEach((group, i) => {
    const attribute = FILTER_GROUPS[group];
    distribution[attribute] = groupResponses[i].facetDistribution?.[attribute] ?? {};
  });

  const facets = Object.fromEntries(
    (Object.entries(FILTER_GROUPS) as [FilterGroup, string][]).map(([group, attribute]) => {
      const counts = distribution[attribute] ?? {};
      const selected = new Set(params[group].map(String));
      const values: FacetValue[] = Object.entries(counts).map(([value, count]) => ({ value, count, selected: selected.has(value) }));
      // A selected value with no matches still shows, so it can be unticked.
      for (const value of selected) if (!(value in counts)) values.push({ value, count: 0, selected: true });
      values.sort((a, b) => (group === "year" ? Number(b.value) - Number(a.value) : b.count - a.count || a.value.localeCompare(b.value)));
      return [group, values];
    }),
  ) as Record<FilterGroup, FacetValue[]>;

  const monthly = params.year.length === 1;
  const bucketCounts = (monthly ? first.facetDistribution?.month : first.facetDistribution?.year) ?? {};
  const buckets = Object.entries(bucketCounts)
    .filter(([key]) => !monthly || key.startsWith(`${params.year[0]}-`))
    .map(([key, count]) => ({ key, count }))
    .sort((a, b) => a.key.localeCompare(b.key));

  return {
    params,
    hits: first.hits.map(toHit),
    estimatedTotalHits: first.estimatedTotalHits ?? first.hits.length,
    page: params.page,
    limit: params.limit,
    facets,
    histogram: { granularity: monthly ? "month" : "year", buckets },
    processingTimeMs: first.processingTimeMs,
  };
}

/**
 * The Meilisearch multi-search request for these parameters: the main query, plus one
 * hit-less query per selected facet group (exported so the benchmark can send the very same
 * request straight to Meilisearch).
 */
export function buildSearchRequest(params: SearchParams): { queries: MultiSearchQuery[]; selectedGroups: FilterGroup[] } {
  const uid = liveIndexUid();
  const locales = queryLocales(params.q);
  const allFacets = [...Object.values(FILTER_GROUPS), "month"];
  const main: MultiSearchQuery = {
    indexUid: uid,
    q: params.q,
    filter: buildFilters(params),
    sort: sortFor(params),
    offset: (params.page - 1) * params.limit,
    limit: params.limit,
    facets: allFacets,
    attributesToRetrieve: ["id", "sourceId", "url", "question", "answers", "answerSpeakers", "questioner", "outlet", "language", "conferenceTitle", "conferenceSlug", "date"],
    attributesToHighlight: ["question", "answerText"],
    attributesToCrop: ["question", "answerText"],
    cropLength: CROP_WORDS,
    cropMarker: "…",
    highlightPreTag: HIGHLIGHT_PRE,
    highlightPostTag: HIGHLIGHT_POST,
    ...(locales ? { locales } : {}),
  };
  const selectedGroups = (Object.keys(FILTER_GROUPS) as FilterGroup[]).filter((group) => params[group].length > 0);
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

function toHit(doc: QaPairDocument & { _formatted?: Partial<Record<keyof QaPairDocument, unknown>> }): SearchHit {
  const formatted = doc._formatted ?? {};
  const text = (value: unknown, fallback: string) => (typeof value === "string" ? value : fallback);
  return {
    id: doc.id,
    sourceId: doc.sourceId ?? null,
    url: doc.url,
    question: doc.question,
    answers: doc.answers,
    answerSpeakers: doc.answerSpeakers ?? [],
    questioner: doc.questioner ?? null,
    outlet: doc.outlet ?? null,
    language: doc.language,
    conference: {
      title: doc.conferenceTitle,
      slug: doc.conferenceSlug,
      date: typeof doc.date === "number" ? new Date(doc.date * 1000).toISOString().slice(0, 10) : null,
    },
    _formatted: {
      question: highlightToHtml(text(formatted.question, doc.question)),
      answer: highlightToHtml(text(formatted.answerText, "")),
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
    const answer = await meili().index(liveIndexUid()).searchForFacetValues({
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
