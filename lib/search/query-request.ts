import type { MultiSearchQuery } from "meilisearch";
import { liveIndexUid } from "./client";
import { DISPLAY_ATTRIBUTES } from "./hit-display";
import type { SearchParams } from "./params";
import { matchingStrategyFor, queryShape, type QueryShape } from "./query-shape";
import { FILTER_GROUPS, buildFilters, queryLocales, sortFor, type FilterGroup } from "./syntax";

// The Meilisearch multi-search request for a search: the page's own query, hit-less facet
// queries, and for re-ranked queries the further candidate lists the re-ranker merges.
// Pure apart from the index uid; the benchmark sends the very same request straight to
// Meilisearch.

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

/**
 * One retrieval feeding the re-ranker: a Meilisearch matching strategy over the query as
 * typed, or ("rarest") "last" over the query's known words rarest first (term-frequency.ts),
 * which drops the commonest words first yet never comes back empty because the rarest words
 * never meet in one pair, as "frequency" can; or ("question") "frequency" over the question
 * field alone.
 */
export type CandidateList = "last" | "frequency" | "rarest" | "question";

export interface CandidatePlan {
  /** The retrievals, the first being the page's own query (and its facets). */
  lists: CandidateList[];
  /** Candidates asked of each list; pages within this many hits are re-ranked. */
  depth: number;
}

/**
 * Keyword plans chosen on the tune half of bench/relevance (2026-12-07), for speed at equal
 * relevance: every list costs Meilisearch a search and the re-ranker its candidates' full
 * text. Against the earlier plan (50 candidates from last + frequency), 30 candidates from
 * "last" alone left every kind's MRR@10 and Recall@10 on the tune half unchanged except
 * Chinese (below); 20 candidates lost names (0.82 → 0.77).
 *
 * Descriptions keep the earlier plan: 30 candidates from last + rarest were just as good on
 * the tune half, but the held-out report then showed descriptions falling from 0.21 to 0.11
 * MRR@10 (docs/search-ranking.md says so: the held-out description figure is no longer blind).
 */
export const PLAN = {
  oneWord: { lists: ["last"], depth: 30 },
  keywords: { lists: ["last"], depth: 30 },
  // Meilisearch cuts Chinese into many words: "frequency" candidates kept the tune half's
  // Chinese Recall@10 at 1.00 (0.95 from "last" alone).
  chinese: { lists: ["last", "frequency"], depth: 30 },
  // Each list alone misses known items the others find. "question" (frequency over the question
  // alone) added 2026-12-08 (desc3): descriptions retell the question, and (likely) over all fields
  // the answers' words crowd such pairs out; tune descriptions 0.29 / 0.36 -> 0.34 / 0.41.
  description: { lists: ["frequency", "last", "rarest", "question"], depth: 50 },
} satisfies Record<string, CandidatePlan>;

/** The plan for a query, or null when Meilisearch's order is kept (no re-ranking). */
export function candidatePlan(shape: QueryShape, plans: typeof PLAN = PLAN): CandidatePlan | null {
  // A quoted phrase already narrows the hits to that wording; Meilisearch's order (phrase,
  // then proximity) is what the quote asks for.
  if (shape.phrases.length > 0 || shape.words.length === 0) return null;
  if (matchingStrategyFor(shape) === "frequency") return plans.description;
  // A Chinese run is one "word" here but several to Meilisearch's segmenter.
  if (shape.chinese) return plans.chinese;
  return shape.words.length === 1 ? plans.oneWord : plans.keywords;
}

/**
 * The plan when this page is re-ranked: relevance order, a text query, and a page inside
 * the plan's depth. Later pages come straight from Meilisearch.
 */
export function rerankPlan(params: SearchParams, plans: typeof PLAN = PLAN): CandidatePlan | null {
  if (!params.q || params.sort !== "relevance") return null;
  const plan = candidatePlan(queryShape(params.q), plans);
  return plan && params.page * params.limit <= plan.depth ? plan : null;
}

/**
 * The Meilisearch multi-search request for these parameters: the main query (display fields,
 * no highlighting: snippets are cut in-app), one hit-less query per selected and requested
 * facet group, then the plan's further candidate lists, then the semantic list if any.
 */
export function buildSearchRequest(
  params: SearchParams,
  extras: SearchExtras = NO_EXTRAS,
  options: {
    plan?: CandidatePlan | null;
    rarityOrdered?: string | null;
    semantic?: Pick<MultiSearchQuery, "hybrid" | "vector"> | null;
    /** Further lists give ids only (candidateDocumentsRequest then fetches the documents only they found). */
    idsOnly?: boolean;
  } = {},
): { queries: MultiSearchQuery[]; selectedGroups: FilterGroup[] } {
  const plan = options.plan === undefined ? rerankPlan(params) : options.plan;
  const uid = liveIndexUid();
  const locales = queryLocales(params.q);
  const facetAttributes = new Set<string>(extras.facets.map((group) => FILTER_GROUPS[group]));
  if (extras.histogram) facetAttributes.add(params.year.length === 1 ? "month" : "year");
  const firstList = plan?.lists[0];
  const strategy = firstList === "frequency" || firstList === "last" ? firstList : params.q ? matchingStrategyFor(queryShape(params.q)) : undefined;
  const main: MultiSearchQuery = {
    indexUid: uid,
    q: params.q,
    ...(strategy ? { matchingStrategy: strategy } : {}),
    filter: buildFilters(params),
    sort: sortFor(params),
    offset: plan ? 0 : (params.page - 1) * params.limit,
    limit: plan ? plan.depth : params.limit,
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
  // Further lists carry the same display fields as the first, which the re-ranker reads, or
  // with idsOnly only their ids: about a third of their hits are in another list too, so the
  // documents only they found, fetched afterwards, are fewer bytes for Meilisearch to encode and
  // Node to decode, at the price of a second round trip after the search (query.ts picks).
  const alternate: MultiSearchQuery[] = [];
  const noFacets = { facets: undefined, ...(options.idsOnly ? { attributesToRetrieve: ["id"] } : {}) };
  for (const list of plan?.lists.slice(1) ?? []) {
    if (list === "rarest") {
      if (options.rarityOrdered) alternate.push({ ...main, q: options.rarityOrdered, matchingStrategy: "last", ...noFacets });
    } else if (list === "question") alternate.push({ ...main, matchingStrategy: "frequency", attributesToSearchOn: ["question"], ...noFacets });
    else alternate.push({ ...main, matchingStrategy: list, ...noFacets });
  }
  if (plan && options.semantic) alternate.push({ ...main, ...options.semantic, ...noFacets });
  return { queries: [main, ...facetOnly, ...alternate], selectedGroups };
}

/**
 * The request's queries cut into the multi-search requests sent side by side: the page's own
 * query with its facet queries, then each further candidate list alone. Meilisearch runs the
 * queries of one multi-search one after another, but separate requests on separate cores, so a
 * description's three lists take about as long as the slowest one rather than all three.
 */
export function parallelBatches(queries: MultiSearchQuery[], selectedGroups: readonly FilterGroup[]): MultiSearchQuery[][] {
  const page = queries.slice(0, 1 + selectedGroups.length);
  return [page, ...queries.slice(page.length).map((query) => [query])];
}

/**
 * The documents (display fields, which include what the re-ranker reads) of candidates that
 * only the ids-only lists found: one filtered, query-less search. Visitors' key can search
 * but not read documents, hence a search rather than the documents route.
 */
export function candidateDocumentsRequest(ids: string[]): MultiSearchQuery {
  return {
    indexUid: liveIndexUid(),
    q: "",
    filter: `id IN [${ids.map((id) => JSON.stringify(id)).join(", ")}]`,
    limit: ids.length,
    attributesToRetrieve: [...DISPLAY_ATTRIBUTES],
  };
}
