import { SearchUnavailableError } from "./client";
import { searchRejection } from "./rejection";
import { describeParamError, parseResponseOptions, parseSearchParams } from "./params";
import { searchFacetValues, searchPairs } from "./query";
import { FILTER_GROUPS, type FilterGroup } from "./syntax";

// The HTTP side of GET /api/v1/search and its facet-search companion, kept out of the route
// files so they stay one line and the tests can call these with a plain Request.

const json = (body: unknown, status: number, headers: Record<string, string> = {}) => Response.json(body, { status, headers: { "Cache-Control": "no-store", ...headers } });

// Shared caches may keep an answer briefly: new pairs show up within a minute at most.
const PUBLIC_CACHE = "public, max-age=30, stale-while-revalidate=60";

/** Meilisearch refused the query (the index is not as declared): our fault, logged with its code. */
function rejected(error: unknown): Response | null {
  const rejection = searchRejection(error);
  return rejection ? json({ error: "search_failed", code: rejection.code, message: rejection.message }, 502) : null;
}

function unavailable(error: SearchUnavailableError): Response {
  return json({ error: "search_unavailable", message: error.message }, 503, { "Retry-After": "30" });
}

export async function handleSearchRequest(request: Request): Promise<Response> {
  const url = new URL(request.url);
  const parsed = parseSearchParams(url.searchParams);
  if (!parsed.success) return json({ error: "invalid_parameters", message: describeParamError(parsed.error) }, 400);
  const options = parseResponseOptions(url.searchParams);
  if (!options.success) return json({ error: "invalid_parameters", message: describeParamError(options.error) }, 400);
  try {
    // Facets and the histogram only when asked for: counting them is most of Meilisearch's work.
    const results = await searchPairs(parsed.data, options.data);
    const facets = Object.fromEntries(Object.entries(results.facets).map(([group, values]) => [group, values.map(({ value, count }) => ({ value, count }))]));
    const hits = results.hits.map(({ kind, id, sourceId, url, question, answers, conference, _formatted }) => ({
      kind,
      id,
      sourceId,
      url,
      question,
      answers,
      conference,
      _formatted,
    }));
    const body = {
      hits,
      facets,
      ...(results.histogram ? { histogram: results.histogram } : {}),
      estimatedTotalHits: results.estimatedTotalHits,
      page: results.page,
      limit: results.limit,
      ...(results.notice ? { notice: results.notice } : {}),
      ...(results.spelling ? { spelling: results.spelling } : {}),
    };
    return json(body, 200, { "Cache-Control": PUBLIC_CACHE });
  } catch (error) {
    const refused = rejected(error);
    if (refused) return refused;
    if (error instanceof SearchUnavailableError) return unavailable(error);
    throw error;
  }
}

/** GET /api/v1/search/facets?facet=speaker&fq=ok&<search params>: facet values matching a prefix. */
export async function handleFacetSearchRequest(request: Request): Promise<Response> {
  const url = new URL(request.url);
  const facet = url.searchParams.get("facet") ?? "";
  const facetQuery = (url.searchParams.get("fq") ?? "").slice(0, 100);
  if (!(facet in FILTER_GROUPS)) {
    return json({ error: "invalid_parameters", message: `facet must be one of ${Object.keys(FILTER_GROUPS).join(", ")}` }, 400);
  }
  const parsed = parseSearchParams(url.searchParams);
  if (!parsed.success) return json({ error: "invalid_parameters", message: describeParamError(parsed.error) }, 400);
  try {
    const values = await searchFacetValues(facet as FilterGroup, facetQuery, parsed.data);
    return json({ facet, values }, 200, { "Cache-Control": PUBLIC_CACHE });
  } catch (error) {
    const refused = rejected(error);
    if (refused) return refused;
    if (error instanceof SearchUnavailableError) return unavailable(error);
    throw error;
  }
}
