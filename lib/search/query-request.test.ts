import { beforeAll, describe, expect, it } from "vitest";
import { searchParamsSchema } from "./params";
import { queryShape } from "./query-shape";
import { PLAN, buildSearchRequest, candidatePlan, rerankPlan } from "./query-request";

const params = (raw: Record<string, string>) => searchParamsSchema.parse(raw);

beforeAll(() => {
  process.env.MEILI_INDEX = "qa-unit";
});

describe("candidate plan by query shape", () => {
  it("asks one list for one word, two for keywords, three for descriptions", () => {
    expect(candidatePlan(queryShape("inflation"))?.lists).toEqual(["last"]);
    expect(candidatePlan(queryShape("vaccine mandate"))?.lists).toEqual(["last", "frequency"]);
    expect(candidatePlan(queryShape("why did the president not call the governor after the storm"))?.lists).toEqual(["frequency", "last", "rarest"]);
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
    const { queries } = buildSearchRequest(
      params({ q: "why did the president not call the governor after the storm" }),
      { facets: ["lang"], histogram: false },
      { rarityOrdered: "governor storm" },
    );
    expect(queries.map((q) => [q.q, q.matchingStrategy, q.limit, Boolean(q.facets)])).toEqual([
      ["why did the president not call the governor after the storm", "frequency", PLAN.description.depth, true],
      ["why did the president not call the governor after the storm", "last", PLAN.description.depth, false],
      ["governor storm", "last", PLAN.description.depth, false],
    ]);
    // Without rarity information the rarest-first list is left out rather than sent empty.
    expect(buildSearchRequest(params({ q: "why did the president not call the governor after the storm" })).queries).toHaveLength(2);
  });

  it("asks a page of hits and nothing more when the page is not re-ranked", () => {
    const { queries } = buildSearchRequest(params({ q: "inflation", page: "4", limit: "20" }));
    expect(queries).toHaveLength(1);
    expect(queries[0]).toMatchObject({ offset: 60, limit: 20, matchingStrategy: "last" });
    expect(buildSearchRequest(params({ q: "inflation" })).queries).toHaveLength(1);
  });
});
