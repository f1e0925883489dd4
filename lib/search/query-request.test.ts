import { beforeAll, describe, expect, it } from "vitest";
import { searchParamsSchema } from "./params";
import { queryShape } from "./query-shape";
import { DISPLAY_ATTRIBUTES } from "./hit-display";
import { PLAN, buildSearchRequest, candidateDocumentsRequest, candidatePlan, parallelBatches, rerankPlan } from "./query-request";

const params = (raw: Record<string, string>) => searchParamsSchema.parse(raw);

beforeAll(() => {
  process.env.MEILI_INDEX = "qa-unit";
});

describe("candidate plan by query shape", () => {
  it("asks one list for keywords, four for descriptions", () => {
    expect(candidatePlan(queryShape("inflation"))).toBe(PLAN.oneWord);
    expect(candidatePlan(queryShape("vaccine mandate"))).toBe(PLAN.keywords);
    // One Chinese run is several words to Meilisearch.
    expect(candidatePlan(queryShape("台湾问题"))).toBe(PLAN.chinese);
    expect(candidatePlan(queryShape("why did the president not call the governor after the storm"))?.lists).toEqual(["frequency", "last", "rarest", "question"]);
  });

  it("keeps Meilisearch's order for phrases and for queries without words", () => {
    expect(candidatePlan(queryShape('"climate change" Paris'))).toBeNull();
    expect(candidatePlan(queryShape("-coal"))).toBeNull();
  });

  it("re-ranks only relevance-ordered pages inside the plan's depth", () => {
    expect(rerankPlan(params({ q: "vaccine mandate" }))).toEqual(PLAN.keywords);
    expect(rerankPlan(params({ q: "vaccine mandate", sort: "newest" }))).toBeNull();
    expect(rerankPlan(params({ q: "" }))).toBeNull();
    const depth = PLAN.keywords.depth;
    expect(rerankPlan(params({ q: "vaccine mandate", limit: String(depth) }))).not.toBeNull();
    expect(rerankPlan(params({ q: "vaccine mandate", limit: String(depth), page: "2" }))).toBeNull();
  });
});

describe("search request", () => {
  it("sends one query per candidate list, the first carrying the facets", () => {
    const q = "why did the president not call the governor after the storm";
    const plan = { lists: ["frequency", "last", "rarest"] as ("frequency" | "last" | "rarest")[], depth: 40 };
    const { queries } = buildSearchRequest(params({ q }), { facets: ["lang"], histogram: false }, { plan, rarityOrdered: "governor storm" });
    expect(queries.map((query) => [query.q, query.matchingStrategy, query.limit, Boolean(query.facets)])).toEqual([
      [q, "frequency", 40, true],
      [q, "last", 40, false],
      ["governor storm", "last", 40, false],
    ]);
    // Without rarity information the rarest-first list is left out rather than sent empty.
    expect(buildSearchRequest(params({ q }), undefined, { plan }).queries).toHaveLength(2);
    expect(buildSearchRequest(params({ q })).queries.map((query) => query.limit)).toEqual([PLAN.description.depth, PLAN.description.depth, PLAN.description.depth]);
  });

  it("searches the question alone, by frequency, for the question list", () => {
    const q = "why did the president not call the governor after the storm";
    const { queries } = buildSearchRequest(params({ q }), undefined, { plan: { lists: ["last", "question"], depth: 30 } });
    expect(queries.map((query) => [query.matchingStrategy, query.attributesToSearchOn])).toEqual([
      ["last", undefined],
      ["frequency", ["question"]],
    ]);
  });

  it("asks every list for the display fields the re-ranker and the page read, facets on the first only", () => {
    const q = "why did the president not call the governor after the storm";
    const { queries } = buildSearchRequest(params({ q }), { facets: ["lang"], histogram: true }, { plan: PLAN.description, rarityOrdered: "governor storm" });
    expect(queries.map((query) => query.attributesToRetrieve)).toEqual([[...DISPLAY_ATTRIBUTES], [...DISPLAY_ATTRIBUTES], [...DISPLAY_ATTRIBUTES], [...DISPLAY_ATTRIBUTES]]);
    expect(queries.map((query) => query.facets)).toEqual([["language", "year"], undefined, undefined, undefined]);
  });

  it("asks further lists for ids only when told to, their documents fetched afterwards by id", () => {
    const q = "why did the president not call the governor after the storm";
    const { queries } = buildSearchRequest(params({ q }), undefined, { plan: PLAN.description, rarityOrdered: "governor storm", idsOnly: true });
    expect(queries.map((query) => query.attributesToRetrieve)).toEqual([[...DISPLAY_ATTRIBUTES], ["id"], ["id"], ["id"]]);
    const fetch = candidateDocumentsRequest(["mfa-en-1", 'odd"id']);
    expect(fetch).toMatchObject({ indexUid: "qa-unit", q: "", limit: 2, attributesToRetrieve: [...DISPLAY_ATTRIBUTES] });
    expect(fetch.filter).toBe('id IN ["mfa-en-1", "odd\\"id"]');
  });

  it("sends the page's query with its facet queries together and each further list in a request of its own", () => {
    const q = "why did the president not call the governor after the storm";
    const withFacets = buildSearchRequest({ ...params({ q }), lang: ["en"] }, { facets: ["lang"], histogram: false }, { plan: PLAN.description, rarityOrdered: "governor storm" });
    const batches = parallelBatches(withFacets.queries, withFacets.selectedGroups);
    expect(batches.map((batch) => batch.map((query) => [query.q, query.matchingStrategy, query.limit]))).toEqual([
      [
        [q, "frequency", PLAN.description.depth],
        [q, "frequency", 0],
      ],
      [[q, "last", PLAN.description.depth]],
      [["governor storm", "last", PLAN.description.depth]],
      [[q, "frequency", PLAN.description.depth]],
    ]);
    const plain = buildSearchRequest(params({ q: "inflation" }));
    expect(parallelBatches(plain.queries, plain.selectedGroups)).toEqual([plain.queries]);
  });

  it("asks a page of hits and nothing more when the page is not re-ranked", () => {
    const { queries } = buildSearchRequest(params({ q: "inflation", page: "4", limit: "20" }));
    expect(queries).toHaveLength(1);
    expect(queries[0]).toMatchObject({ offset: 60, limit: 20, matchingStrategy: "last" });
    expect(buildSearchRequest(params({ q: "inflation" })).queries).toHaveLength(1);
  });
});
