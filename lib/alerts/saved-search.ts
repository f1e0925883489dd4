import { DEFAULT_LIMIT, describeParamError, parseSearchParams, toQueryString, type SearchParams } from "@/lib/search/params";

// A followed search is stored as the canonical query string of its /search URL: the same
// parser as the search page reads it, so an alert matches what that page shows. Paging and
// order are left out, they do not change which pairs match.

export type SavedSearch = { search: string; params: SearchParams };

export function savedSearchFrom(input: string): { ok: true; value: SavedSearch } | { ok: false; message: string } {
  const text = input.trim().replace(/^[^?]*\?/, "");
  if (text.length > 4000) return { ok: false, message: "search is longer than 4000 characters" };
  const parsed = parseSearchParams(new URLSearchParams(text));
  if (!parsed.success) return { ok: false, message: `search: ${describeParamError(parsed.error)}` };
  const params: SearchParams = { ...parsed.data, page: 1, limit: DEFAULT_LIMIT, sort: "relevance" };
  return { ok: true, value: { search: toQueryString(params).replace(/^\?/, ""), params } };
}

/** Stored searches are canonical; this re-reads one (null if a later rule rejects it). */
export function paramsOfSaved(search: string): SearchParams | null {
  const parsed = savedSearchFrom(search);
  return parsed.ok ? parsed.value.params : null;
}

/** A short human description: "tariffs · speaker: Jen Psaki · 2021". */
export function describeSearch(search: string): string {
  const params = paramsOfSaved(search);
  if (!params) return search;
  const parts: string[] = [];
  if (params.q) parts.push(`“${params.q}”`);
  for (const key of ["speaker", "questioner", "outlet", "conference", "organizer", "topic", "lang", "year"] as const) {
    const values = params[key];
    if (values.length) parts.push(`${key}: ${values.join(", ")}`);
  }
  if (params.from || params.to) parts.push(`${params.from ?? "…"} to ${params.to ?? "…"}`);
  return parts.length ? parts.join(" · ") : "everything published";
}
