import { MeilisearchApiError } from "meilisearch";

/**
 * A query Meilisearch answered with a refusal (invalid_search_filter, an attribute that is not
 * filterable or sortable…) is not an outage: usually the index settings are not what the code
 * declares. It is logged with Meilisearch's code, and shown as an error of ours, never as
 * "the search service is not answering". Returns null for anything else.
 */
export function searchRejection(error: unknown): { code: string; message: string } | null {
  if (!(error instanceof MeilisearchApiError)) return null;
  const status = error.response?.status ?? 0;
  if (status >= 500) return null;
  const code = error.cause?.code ?? `http_${status}`;
  console.error(`[search] Meilisearch refused a query (${code}): ${error.message}`);
  return {
    code,
    message: `Search failed: the search index refused this query (${code}). This is a fault on our side, not in your search; it has been logged. Conference and Q&A pages still work.`,
  };
}
