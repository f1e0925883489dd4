import { MeilisearchApiError } from "meilisearch";

/**
 * A query Meilisearch answered with a refusal (invalid_search_filter, an attribute that is not
 * filterable or sortable…) is not an outage: usually the index settings are not what the code
 * declares. It is logged with Meilisearch's code, and shown as an error of ours, never as
 * "the search service is not answering". Returns null for anything else.
 */
export function searchRejection(error: unknown): { code: string; message: string } | null {
  const refusal = apiErrorIn(error);
  if (!refusal) return null;
  const status = refusal.response?.status ?? 0;
  // A missing index is an outage (being rebuilt, or lost): the "try again" message fits it.
  if (status >= 500 || refusal.cause?.code === "index_not_found") return null;
  const code = refusal.cause?.code ?? `http_${status}`;
  console.error(`[search] Meilisearch refused a query (${code}): ${refusal.message}`);
  return {
    code,
    message: `Search failed: the search index refused this query (${code}). This is a fault on our side, not in your search; it has been logged. Conference and Q&A pages still work.`,
  };
}

/** The Meilisearch answer behind an error: the client and our transport wrap it in causes. */
function apiErrorIn(error: unknown): MeilisearchApiError | null {
  for (let current = error, depth = 0; current instanceof Error && depth < 5; current = current.cause, depth++) {
    if (current instanceof MeilisearchApiError) return current;
  }
  return null;
}
