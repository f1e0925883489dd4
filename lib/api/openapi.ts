import { alertPaths } from "@/lib/api/openapi-alerts";
import { readApiPaths } from "@/lib/api/openapi-read";
import { DEFAULT_LIMIT, FACET_GROUPS, HIT_KINDS, MAX_LIMIT, SORTS } from "@/lib/search/params";

// The OpenAPI 3.1 description served at /api/v1/openapi.json: the search API (here) merged
// with the read API paths (lib/api/openapi-read.ts).

const multi = (name: string, description: string) => ({
  name,
  in: "query",
  required: false,
  description: `${description} Repeat the parameter to select several values (OR); different parameters combine with AND.`,
  schema: { type: "array", items: { type: "string" } },
  style: "form",
  explode: true,
});

const errorResponse = (description: string) => ({
  description,
  content: { "application/json": { schema: { $ref: "#/components/schemas/Error" } } },
});

const searchPaths = {
  "/api/v1/search": {
    get: {
      operationId: "searchPairs",
      summary: "Search question-and-answer pairs and statements",
      description:
        'Full-text search over every published question-and-answer pair. `q` supports quoted phrases ("clean energy") and excluded words (-tariffs). An empty `q` browses all pairs, newest first. Hits carry `sourceId`, the pair\'s id in the corpus it was imported from.',
      parameters: [
        { name: "q", in: "query", required: false, description: "Words to search for; may be empty.", schema: { type: "string", maxLength: 500 } },
        multi("speaker", "Name of a person who answered."),
        multi("questioner", "Name of the journalist who asked."),
        multi("outlet", "News outlet of the questioner."),
        multi("conference", "Slug of a conference."),
        multi("organizer", "Organizer of the conference (ministry, office)."),
        multi("topic", "Topic name."),
        { ...multi("lang", "Language code (en, zh)."), schema: { type: "array", items: { type: "string", pattern: "^[a-z]{2,3}$" } } },
        { ...multi("year", "Year of the conference."), schema: { type: "array", items: { type: "integer", minimum: 1900, maximum: 2100 } } },
        { name: "from", in: "query", required: false, description: "Earliest conference date (inclusive).", schema: { type: "string", format: "date" } },
        { name: "to", in: "query", required: false, description: "Latest conference date (inclusive).", schema: { type: "string", format: "date" } },
        {
          name: "sort",
          in: "query",
          required: false,
          description: "Order of hits. `relevance` with an empty `q` means newest first.",
          schema: { type: "string", enum: [...SORTS], default: "relevance" },
        },
        {
          name: "kind",
          in: "query",
          required: false,
          description: "Only question-and-answer pairs (`pair`) or only statements (`statement`: opening and closing remarks outside any pair). Both when absent.",
          schema: { type: "string", enum: [...HIT_KINDS] },
        },
        {
          name: "spell",
          in: "query",
          required: false,
          description: "`off`: search the words exactly as typed. By default misspelt words are corrected first (see `spelling` in the response).",
          schema: { type: "string", enum: ["off"] },
        },
        { name: "page", in: "query", required: false, schema: { type: "integer", minimum: 1, default: 1 } },
        { name: "limit", in: "query", required: false, description: "Hits per page.", schema: { type: "integer", minimum: 1, maximum: MAX_LIMIT, default: DEFAULT_LIMIT } },
        {
          name: "facets",
          in: "query",
          required: false,
          description:
            "Facet groups to count, comma-separated or repeated (`facets=speaker,outlet`). None by default: counting facets costs several times more than finding the hits, so ask only for the groups you show. `facets` in the response then has exactly these keys (an empty object when none were asked for).",
          style: "form",
          explode: false,
          schema: { type: "array", items: { type: "string", enum: [...FACET_GROUPS] }, uniqueItems: true },
        },
        {
          name: "histogram",
          in: "query",
          required: false,
          description: "Also count matching pairs per year (per month when exactly one `year` is selected). Off by default.",
          schema: { type: "boolean", default: false },
        },
      ],
      responses: {
        "200": { description: "Matching pairs", content: { "application/json": { schema: { $ref: "#/components/schemas/SearchResponse" } } } },
        "400": errorResponse("A parameter is invalid; `message` says which and why."),
        "503": errorResponse("The search service is temporarily unavailable; retry later."),
      },
    },
  },
  "/api/v1/search/facets": {
    get: {
      operationId: "searchFacetValues",
      summary: "Search the values of one facet",
      description: "Values of a long facet (speakers, outlets...) that start with `fq`, counted within the search given by the other parameters.",
      parameters: [
        { name: "facet", in: "query", required: true, schema: { type: "string", enum: [...FACET_GROUPS] } },
        { name: "fq", in: "query", required: false, description: "Prefix of the facet value.", schema: { type: "string", maxLength: 100 } },
      ],
      responses: {
        "200": {
          description: "Matching facet values",
          content: {
            "application/json": {
              schema: { type: "object", properties: { facet: { type: "string" }, values: { type: "array", items: { $ref: "#/components/schemas/FacetValue" } } } },
            },
          },
        },
        "400": errorResponse("A parameter is invalid."),
        "503": errorResponse("The search service is temporarily unavailable."),
      },
    },
  },
};

const searchSchemas = {
  Error: {
    type: "object",
    required: ["error", "message"],
    properties: { error: { type: "string" }, message: { type: "string" } },
  },
  FacetValue: { type: "object", required: ["value", "count"], properties: { value: { type: "string" }, count: { type: "integer" } } },
  SearchHit: {
    type: "object",
    required: ["kind", "id", "sourceId", "url", "question", "answers", "conference", "_formatted"],
    properties: {
      kind: {
        type: "string",
        enum: [...HIT_KINDS],
        description: "`statement` hits have an empty question, the statement as their one answer, and a `url` pointing at it in the transcript.",
      },
      id: { type: "string", description: "Permanent public id of the pair (statement-<n> for a statement)." },
      sourceId: { type: ["string", "null"], description: "Id of the pair in the corpus it was imported from." },
      url: { type: "string", description: "Path of the pair's permanent page, e.g. /qa/ab12cd34." },
      question: { type: "string" },
      answers: { type: "array", items: { type: "object", required: ["speaker", "text"], properties: { speaker: { type: ["string", "null"] }, text: { type: "string" } } } },
      conference: {
        type: "object",
        required: ["title", "slug", "date"],
        properties: { title: { type: "string" }, slug: { type: "string" }, date: { type: ["string", "null"], format: "date" } },
      },
      _formatted: {
        type: "object",
        description: "HTML snippets cropped around the matches: the text is escaped and matched words are wrapped in <mark>.",
        properties: { question: { type: "string" }, answer: { type: "string" } },
      },
    },
  },
  SearchResponse: {
    type: "object",
    required: ["hits", "facets", "estimatedTotalHits", "page", "limit"],
    properties: {
      hits: { type: "array", items: { $ref: "#/components/schemas/SearchHit" } },
      facets: {
        type: "object",
        description:
          "Counts per value for each group listed in the `facets` parameter; `{}` when none was asked for. A group with selected values is counted without its own filter.",
        additionalProperties: { type: "array", items: { $ref: "#/components/schemas/FacetValue" } },
      },
      histogram: {
        type: "object",
        description: "Present only with `histogram=true`.",
        properties: {
          granularity: { type: "string", enum: ["year", "month"] },
          buckets: { type: "array", items: { type: "object", properties: { key: { type: "string" }, count: { type: "integer" } } } },
        },
      },
      estimatedTotalHits: { type: "integer" },
      page: { type: "integer" },
      limit: { type: "integer" },
      spelling: {
        type: "object",
        description:
          "Present when misspelt words of `q` were corrected before searching (not with `spell=off`). With `searchOriginalToo` a replaced word was a real (rare) word: the hits interleave both searches.",
        required: ["original", "corrected", "changes", "searchOriginalToo"],
        properties: {
          original: { type: "string" },
          corrected: { type: "string" },
          changes: {
            type: "array",
            items: {
              type: "object",
              required: ["from", "to", "reason"],
              properties: { from: { type: "string" }, to: { type: "string" }, reason: { type: "string", enum: ["unknown", "rare", "joined", "split"] } },
            },
          },
          searchOriginalToo: { type: "boolean" },
        },
      },
    },
  },
};

export function openApiDocument(serverUrl: string) {
  const read = readApiPaths as { paths?: Record<string, unknown>; schemas?: Record<string, unknown> } & Record<string, unknown>;
  // The read API file may export either bare paths or { paths, schemas }.
  const readPaths = read.paths && typeof read.paths === "object" ? read.paths : read;
  const readSchemas = read.schemas && typeof read.schemas === "object" ? read.schemas : {};
  return {
    openapi: "3.1.0",
    info: {
      title: "Pressroom API",
      version: "1",
      description: "API of a Pressroom archive: press conferences as citable question-and-answer pairs, and alerts for followed searches.",
      license: { name: "MIT", identifier: "MIT" },
    },
    servers: [{ url: serverUrl }],
    paths: { ...readPaths, ...searchPaths, ...alertPaths },
    components: { schemas: { ...readSchemas, ...searchSchemas } },
  };
}
