import type { SearchParams } from "./params";

// Pure helpers for building Meilisearch requests and rendering its answers safely.

/** Quotes a value for a Meilisearch filter expression. */
export function quoteFilterValue(value: string): string {
  return `"${value.replace(/\\/g, "\\\\").replace(/"/g, '\\"')}"`;
}

export function inFilter(attribute: string, values: (string | number)[]): string | null {
  if (values.length === 0) return null;
  const list = values.map((v) => (typeof v === "number" ? String(v) : quoteFilterValue(v)));
  return `${attribute} IN [${list.join(", ")}]`;
}

export const dayStart = (day: string) => Math.floor(Date.parse(`${day}T00:00:00Z`) / 1000);

/** Facet groups a user can select values in: search parameter → document attribute. */
export const FILTER_GROUPS = {
  speaker: "answerSpeakers",
  questioner: "questioner",
  outlet: "outlet",
  conference: "conferenceSlug",
  organizer: "organizer",
  topic: "topics",
  lang: "language",
  year: "year",
} as const;
export type FilterGroup = keyof typeof FILTER_GROUPS;

/**
 * Filter expressions for the parameters, one per group (values OR-ed inside a group, groups
 * AND-ed). `omit` leaves one group out, to count that group's other values (disjunctive facets).
 */
export function buildFilters(params: SearchParams, omit?: FilterGroup): string[] {
  const filters: string[] = [];
  for (const [group, attribute] of Object.entries(FILTER_GROUPS) as [FilterGroup, string][]) {
    if (group === omit) continue;
    const expression = inFilter(attribute, params[group]);
    if (expression) filters.push(expression);
  }
  if (params.from) filters.push(`date >= ${dayStart(params.from)}`);
  if (params.to) filters.push(`date <= ${dayStart(params.to)}`);
  // Pair documents have no kind attribute (only statements say theirs), hence "NOT".
  if (params.kind === "statement") filters.push(`kind = "statement"`);
  if (params.kind === "pair") filters.push(`NOT kind = "statement"`);
  return filters;
}

const CJK = /[\u3400-\u9fff\uf900-\ufaff\u{20000}-\u{2fa1f}]/u;

/** Chinese queries must be segmented as Chinese, or a two-character word finds nothing. */
export function queryLocales(q: string): string[] | undefined {
  if (!q) return undefined;
  return CJK.test(q) ? ["cmn"] : ["eng"];
}

export function sortFor(params: SearchParams): string[] | undefined {
  if (params.sort === "newest" || (params.sort === "relevance" && !params.q)) return ["date:desc"];
  if (params.sort === "oldest") return ["date:asc"];
  return undefined;
}

// Private-use characters never appear in transcripts, so they can mark highlights through
// escaping and then become <mark> tags.
export const HIGHLIGHT_PRE = "\uE000";
export const HIGHLIGHT_POST = "\uE001";

export function escapeHtml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&#39;");
}

/** A snippet with highlight marks (snippet.ts) as safe HTML: everything escaped, then only our <mark> tags added. */
export function highlightToHtml(text: string): string {
  return escapeHtml(text)
    .replace(/\uE000([^\uE000\uE001]*)\uE001/g, "<mark>$1</mark>")
    .replace(/[\uE000\uE001]/g, "");
}
