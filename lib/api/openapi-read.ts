// OpenAPI 3.1 description of the read API (pairs, conferences, bulk export). Merged into
// /api/v1/openapi.json by lib/api/openapi.ts, which also defines the shared Error schema.

const err = (description: string) => ({ description, content: { "application/json": { schema: { $ref: "#/components/schemas/Error" } } } });
const cacheHeaders = {
  ETag: { description: "Entity tag of the body; send it back in If-None-Match to get 304", schema: { type: "string" } },
  "Cache-Control": { description: "Public caching policy", schema: { type: "string" } },
};
const notModified = { description: "Not modified: the If-None-Match ETag is still current", headers: cacheHeaders };
const ifNoneMatch = { name: "If-None-Match", in: "header", required: false, schema: { type: "string" } };
const nullableString = { type: ["string", "null"] };

const paths = {
  "/api/v1/qa/{publicId}": {
    get: {
      operationId: "getPair",
      summary: "One question-and-answer pair by its permanent id",
      parameters: [{ name: "publicId", in: "path", required: true, schema: { type: "string", pattern: "^[0-9a-z]{8}$" } }, ifNoneMatch],
      responses: {
        "200": { description: "The pair", headers: cacheHeaders, content: { "application/json": { schema: { $ref: "#/components/schemas/Pair" } } } },
        "304": notModified,
        "308": {
          description: "An editor merged this pair into another; Location has the surviving pair's API URL",
          headers: { Location: { description: "/api/v1/qa/{survivor publicId}", schema: { type: "string" } } },
          content: {
            "application/json": {
              schema: {
                type: "object",
                required: ["error", "id", "mergedInto", "location"],
                properties: { error: { type: "string" }, id: { type: "string" }, mergedInto: { type: "string" }, location: { type: "string" } },
              },
            },
          },
        },
        "400": err("The id is malformed"),
        "404": err("No pair has this id"),
        "410": {
          description: "The pair was withdrawn; the reason is given. A pair an editor turned into statements also says where they are on the site (statementsAt).",
          content: {
            "application/json": {
              schema: {
                type: "object",
                required: ["error", "id", "reason"],
                properties: { error: { type: "string" }, id: { type: "string" }, reason: { type: "string" }, statementsAt: { type: "string" } },
              },
            },
          },
        },
      },
    },
  },
  "/api/v1/conferences": {
    get: {
      operationId: "listConferences",
      summary: "Published conferences, newest first",
      parameters: [
        { name: "organizer", in: "query", required: false, description: "Exact organizer name", schema: { type: "string", maxLength: 300 } },
        { name: "year", in: "query", required: false, schema: { type: "integer", minimum: 1900, maximum: 2100 } },
        { name: "language", in: "query", required: false, description: "Language code such as en or zh", schema: { type: "string" } },
        { name: "page", in: "query", required: false, schema: { type: "integer", minimum: 1, default: 1 } },
        { name: "limit", in: "query", required: false, schema: { type: "integer", minimum: 1, maximum: 100, default: 50 } },
        ifNoneMatch,
      ],
      responses: {
        "200": { description: "A page of conferences", headers: cacheHeaders, content: { "application/json": { schema: { $ref: "#/components/schemas/ConferenceList" } } } },
        "304": notModified,
        "400": err("A parameter is invalid or unknown; the message names it"),
      },
    },
  },
  "/api/v1/conferences/{slug}": {
    get: {
      operationId: "getConference",
      summary: "One conference with its whole transcript in spoken order",
      parameters: [{ name: "slug", in: "path", required: true, schema: { type: "string" } }, ifNoneMatch],
      responses: {
        "200": { description: "The conference", headers: cacheHeaders, content: { "application/json": { schema: { $ref: "#/components/schemas/Conference" } } } },
        "304": notModified,
        "308": { description: "The conference was renamed; Location has its current URL" },
        "404": err("No published conference has this slug"),
      },
    },
  },
  "/api/v1/export.jsonl": {
    get: {
      operationId: "exportPairs",
      summary: "Bulk export: every published pair, one JSON object (a Pair) per line",
      description:
        "Streamed as newline-delimited JSON in pair id order. For incremental dumps pass updated_since: only pairs changed (or whose conference changed) at or after that time are sent. Withdrawn pairs are not listed; compare ids with a previous full dump to find them.",
      parameters: [
        { name: "updated_since", in: "query", required: false, description: "ISO 8601 date-time, e.g. 2026-01-01T00:00:00Z", schema: { type: "string", format: "date-time" } },
        ifNoneMatch,
      ],
      responses: {
        "200": {
          description: "Newline-delimited JSON; each line is a Pair",
          headers: cacheHeaders,
          content: { "application/x-ndjson": { schema: { $ref: "#/components/schemas/Pair" } } },
        },
        "304": notModified,
        "400": err("updated_since is not an ISO 8601 date-time"),
      },
    },
  },
};

const conferenceRef = {
  type: "object",
  required: ["slug", "title", "date", "organizer", "location", "language", "url"],
  properties: {
    slug: { type: "string" },
    title: { type: "string" },
    date: { type: ["string", "null"], format: "date" },
    organizer: nullableString,
    location: nullableString,
    language: { type: "string" },
    sourceUrl: nullableString,
    url: { type: "string", format: "uri" },
  },
};

const namedRef = { type: ["object", "null"], required: ["name", "slug"], properties: { name: { type: "string" }, slug: { type: "string" } } };

const schemas = {
  Pair: {
    type: "object",
    required: ["id", "url", "ordinal", "question", "answers", "conference", "counterparts", "updatedAt"],
    properties: {
      id: { type: "string", description: "Permanent public id (8 characters)" },
      url: { type: "string", format: "uri", description: "Canonical page of the pair" },
      ordinal: { type: "integer", description: "Position of the pair in its conference, from 1" },
      question: { type: "string" },
      questioner: namedRef,
      outlet: namedRef,
      answers: {
        type: "array",
        items: {
          type: "object",
          required: ["speaker", "text"],
          properties: {
            speaker: { type: "string" },
            speakerSlug: nullableString,
            role: { type: ["string", "null"], enum: ["MODERATOR", "OFFICIAL", "JOURNALIST", "INTERPRETER", "OTHER", null] },
            text: { type: "string" },
          },
        },
      },
      topics: { type: "array", items: { type: "string" } },
      conference: conferenceRef,
      sourceId: nullableString,
      counterparts: {
        type: "array",
        description:
          "The same exchange in the briefing's versions in other languages, linked automatically by the aligner (confirmed: false) or by an editor (confirmed: true). Empty when the pair has none. A page that folds two exchanges into one can give a pair two counterparts.",
        items: {
          type: "object",
          required: ["id", "sourceId", "language", "url", "confidence", "confirmed"],
          properties: {
            id: { type: "string", description: "Public id of the counterpart pair" },
            sourceId: nullableString,
            language: { type: "string", description: "Language of the counterpart's conference, e.g. zh" },
            url: { type: "string", format: "uri" },
            confidence: {
              type: "number",
              minimum: 0,
              maximum: 1,
              description: "How far the two pairs agree on numbers, names, outlet, length and position (1 for an editor's link)",
            },
            confirmed: { type: "boolean", description: "An editor confirmed or made the link" },
          },
        },
      },
      flags: { type: "array", items: { type: "string" } },
      version: { type: "integer" },
      correctedAt: { type: ["string", "null"], format: "date-time" },
      correctionNote: nullableString,
      updatedAt: { type: "string", format: "date-time" },
    },
  },
  ConferenceSummary: {
    type: "object",
    required: ["slug", "url", "api", "title", "date", "language", "pairs"],
    properties: {
      slug: { type: "string" },
      url: { type: "string", format: "uri" },
      api: { type: "string", format: "uri" },
      title: { type: "string" },
      date: { type: ["string", "null"], format: "date" },
      organizer: nullableString,
      location: nullableString,
      language: { type: "string" },
      pairs: { type: "integer" },
      updatedAt: { type: "string", format: "date-time" },
    },
  },
  ConferenceList: {
    type: "object",
    required: ["total", "page", "limit", "items"],
    properties: {
      total: { type: "integer" },
      page: { type: "integer" },
      limit: { type: "integer" },
      items: { type: "array", items: { $ref: "#/components/schemas/ConferenceSummary" } },
    },
  },
  Conference: {
    type: "object",
    required: ["slug", "url", "title", "language", "source", "participants", "transcript"],
    properties: {
      slug: { type: "string" },
      url: { type: "string", format: "uri" },
      title: { type: "string" },
      date: { type: ["string", "null"], format: "date" },
      organizer: nullableString,
      location: nullableString,
      language: { type: "string" },
      source: {
        type: "object",
        properties: {
          url: nullableString,
          name: nullableString,
          retrievedAt: {
            type: ["string", "null"],
            format: "date-time",
            description: "When the source was retrieved, if known (entered by an editor or read from a file header); null otherwise",
          },
          importedAt: { type: "string", format: "date-time", description: "When the conference was imported into this archive" },
          sha256: nullableString,
        },
      },
      translation: { type: ["object", "null"], properties: { slug: { type: "string" }, language: { type: "string" }, title: { type: "string" } } },
      participants: { type: "array", items: { type: "object", properties: { name: { type: "string" }, slug: { type: "string" }, role: { type: "string" } } } },
      correctedAt: { type: ["string", "null"], format: "date-time" },
      correctionNote: nullableString,
      updatedAt: { type: "string", format: "date-time" },
      transcript: {
        type: "array",
        description: "Opening statements and numbered pairs, in spoken order",
        items: {
          oneOf: [
            {
              type: "object",
              required: ["kind", "speaker", "text"],
              properties: { kind: { const: "statement" }, speaker: { type: "string" }, role: nullableString, text: { type: "string" } },
            },
            {
              type: "object",
              required: ["kind", "id", "number", "url", "turns"],
              properties: {
                kind: { const: "pair" },
                id: { type: "string" },
                number: { type: "integer" },
                url: { type: "string", format: "uri" },
                outlet: nullableString,
                turns: {
                  type: "array",
                  items: { type: "object", properties: { kind: { enum: ["QUESTION", "ANSWER"] }, speaker: { type: "string" }, role: nullableString, text: { type: "string" } } },
                },
              },
            },
          ],
        },
      },
    },
  },
};

export const readApiPaths = { paths, schemas };
