import { z } from "zod";

// The search parameters shared by /search, /search/feed.xml and GET /api/v1/search. Pure: no
// server imports, so links can be built anywhere.

export const SORTS = ["relevance", "newest", "oldest"] as const;
/** What a hit is: a question-and-answer pair or a statement (opening or closing remarks). Unset: both. */
export const HIT_KINDS = ["pair", "statement"] as const;
export type SearchSort = (typeof SORTS)[number];
export const MAX_LIMIT = 100;
export const DEFAULT_LIMIT = 20;
/** Meilisearch's pagination.maxTotalHits (settings.ts): pages past it would be empty. */
export const MAX_OFFSET = 5000;

const isoDay = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "must be a date as YYYY-MM-DD")
  .refine((v) => !Number.isNaN(Date.parse(`${v}T00:00:00Z`)) && new Date(`${v}T00:00:00Z`).toISOString().startsWith(v), "is not a real calendar date");
const facetValues = (what: string) =>
  z
    .array(z.string().trim().min(1, `${what} must not be empty`).max(200, `${what} is longer than 200 characters`))
    .max(30, `at most 30 ${what} values`)
    .default([]);

export const searchParamsSchema = z
  .object({
    q: z
      .string()
      .max(500, "q is longer than 500 characters")
      .default("")
      .transform((v) => v.trim()),
    speaker: facetValues("speaker"),
    questioner: facetValues("questioner"),
    outlet: facetValues("outlet"),
    conference: z
      .array(
        z
          .string()
          .trim()
          .min(1)
          .max(200)
          .regex(/^[^"\\\s]+$/, "conference must be a conference slug"),
      )
      .max(30)
      .default([]),
    organizer: facetValues("organizer"),
    topic: facetValues("topic"),
    lang: z
      .array(z.string().regex(/^[a-z]{2,3}$/, "lang must be a language code such as en or zh"))
      .max(10)
      .default([]),
    year: z
      .array(
        z.coerce.number({ error: "year must be a number" }).int("year must be a whole number").min(1900, "year must be 1900 or later").max(2100, "year must be 2100 or earlier"),
      )
      .max(30)
      .default([]),
    from: isoDay.optional(),
    to: isoDay.optional(),
    sort: z.enum(SORTS, { error: `sort must be one of ${SORTS.join(", ")}` }).default("relevance"),
    kind: z.enum(HIT_KINDS, { error: `kind must be one of ${HIT_KINDS.join(", ")}` }).optional(),
    /** "off": search the words exactly as typed, without spelling correction (lib/search/spelling.ts). */
    spell: z.enum(["off"], { error: "spell must be off (or left out)" }).optional(),
    page: z.coerce.number({ error: "page must be a number" }).int("page must be a whole number").min(1, "page must be 1 or more").default(1),
    limit: z.coerce
      .number({ error: "limit must be a number" })
      .int("limit must be a whole number")
      .min(1, "limit must be at least 1")
      .max(MAX_LIMIT, `limit must be at most ${MAX_LIMIT}`)
      .default(DEFAULT_LIMIT),
  })
  .refine((p) => !p.from || !p.to || p.from <= p.to, { message: "from must not be after to", path: ["from"] })
  .refine((p) => (p.page - 1) * p.limit < MAX_OFFSET, { message: `page is too far: only the first ${MAX_OFFSET} results can be paged through; add a filter`, path: ["page"] });

export type SearchParams = z.output<typeof searchParamsSchema>;

const MULTI_KEYS = ["speaker", "questioner", "outlet", "conference", "organizer", "topic", "lang", "year"] as const;
const SINGLE_KEYS = ["q", "from", "to", "sort", "kind", "spell", "page", "limit"] as const;

type RawParams = URLSearchParams | Record<string, string | string[] | undefined>;

/** Turns a query string (or Next's searchParams object) into the raw shape the schema expects. */
export function rawSearchParams(input: RawParams): Record<string, unknown> {
  const all = (key: string): string[] => {
    if (input instanceof URLSearchParams) return input.getAll(key);
    const value = input[key];
    return value === undefined ? [] : Array.isArray(value) ? value : [value];
  };
  const raw: Record<string, unknown> = {};
  for (const key of MULTI_KEYS) {
    const values = all(key).filter((v) => v !== "");
    if (values.length) raw[key] = values;
  }
  for (const key of SINGLE_KEYS) {
    const [value] = all(key);
    // Empty form fields (an unset date or sort) mean "not given".
    if (value !== undefined && (value !== "" || key === "q")) raw[key] = value;
  }
  return raw;
}

export function parseSearchParams(input: RawParams) {
  return searchParamsSchema.safeParse(rawSearchParams(input));
}

/** Facet groups an API caller can ask counts for (same names as the filter parameters). */
export const FACET_GROUPS = ["speaker", "questioner", "outlet", "conference", "organizer", "topic", "lang", "year"] as const;
export type FacetGroupName = (typeof FACET_GROUPS)[number];

// What the API computes besides hits. Counting facets costs Meilisearch far more than finding
// the hits, so nothing is counted unless asked: `facets=speaker,year` (or repeated) and
// `histogram=true`. The /search page asks for everything it shows.
export const responseOptionsSchema = z.object({
  facets: z
    .array(z.enum(FACET_GROUPS, { error: `facets must list groups among ${FACET_GROUPS.join(", ")}` }))
    .max(FACET_GROUPS.length)
    .default([])
    .transform((groups) => [...new Set(groups)]),
  histogram: z
    .enum(["true", "false", "1", "0"], { error: "histogram must be true or false" })
    .default("false")
    .transform((v) => v === "true" || v === "1"),
});
export type ResponseOptions = z.output<typeof responseOptionsSchema>;

export function parseResponseOptions(input: URLSearchParams) {
  const facets = input
    .getAll("facets")
    .flatMap((v) => v.split(","))
    .map((v) => v.trim())
    .filter(Boolean);
  const histogram = input.get("histogram");
  return responseOptionsSchema.safeParse({ facets, ...(histogram ? { histogram } : {}) });
}

/** A readable one-line explanation of why parameters were rejected. */
export function describeParamError(error: z.ZodError): string {
  return error.issues.map((issue) => (issue.path.length ? `${issue.path.join(".")}: ${issue.message}` : issue.message)).join("; ");
}

/** The canonical query string for these parameters: defaults are left out so URLs stay short. */
export function toQueryString(params: Partial<SearchParams>): string {
  const out = new URLSearchParams();
  if (params.q) out.set("q", params.q);
  for (const key of MULTI_KEYS) for (const value of (params[key] as (string | number)[] | undefined) ?? []) out.append(key, String(value));
  if (params.from) out.set("from", params.from);
  if (params.to) out.set("to", params.to);
  if (params.sort && params.sort !== "relevance") out.set("sort", params.sort);
  if (params.kind) out.set("kind", params.kind);
  if (params.spell) out.set("spell", params.spell);
  if (params.page && params.page > 1) out.set("page", String(params.page));
  if (params.limit && params.limit !== DEFAULT_LIMIT) out.set("limit", String(params.limit));
  const text = out.toString();
  return text ? `?${text}` : "";
}

/** The same search with some parameters changed; any change of the result set goes back to page 1. */
export function withParams(params: SearchParams, change: Partial<SearchParams>): string {
  return `/search${toQueryString({ ...params, page: 1, ...change })}`;
}
