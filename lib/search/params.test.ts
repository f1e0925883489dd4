import { describe, expect, it } from "vitest";
import { describeParamError, parseResponseOptions, parseSearchParams, toQueryString, withParams } from "./params";

describe("search parameters", () => {
  it("reads repeated parameters as lists and applies defaults", () => {
    const parsed = parseSearchParams(new URLSearchParams("q=%20tariffs%20&outlet=AP&outlet=Reuters&year=2019&sort=&page="));
    expect(parsed.success).toBe(true);
    expect(parsed.data).toMatchObject({ q: "tariffs", outlet: ["AP", "Reuters"], year: [2019], sort: "relevance", page: 1, limit: 20 });
  });

  it("accepts Next's searchParams object", () => {
    const parsed = parseSearchParams({ q: "grid", speaker: ["A", "B"], lang: "zh" });
    expect(parsed.data).toMatchObject({ q: "grid", speaker: ["A", "B"], lang: ["zh"] });
  });

  it.each([
    ["limit=101", "limit"],
    ["limit=0", "limit"],
    ["page=-1", "page"],
    ["page=1000&limit=100", "page"],
    ["sort=random", "sort"],
    ["from=2024-02-30", "from"],
    ["from=2024-03-01&to=2024-02-01", "from"],
    ["year=20x", "year"],
    ["lang=english", "lang"],
    ["conference=a%22b", "conference"],
  ])("rejects %s with a message naming %s", (query, field) => {
    const parsed = parseSearchParams(new URLSearchParams(query));
    expect(parsed.success).toBe(false);
    expect(describeParamError(parsed.error!)).toContain(field);
  });

  it("round-trips through the canonical query string", () => {
    const parsed = parseSearchParams(new URLSearchParams("q=energy+prices&outlet=AP&year=2020&sort=newest&page=2"));
    const text = toQueryString(parsed.data!);
    expect(text).toBe("?q=energy+prices&outlet=AP&year=2020&sort=newest&page=2");
    expect(parseSearchParams(new URLSearchParams(text.slice(1))).data).toEqual(parsed.data);
  });

  it("builds links that change filters and go back to page 1", () => {
    const parsed = parseSearchParams(new URLSearchParams("q=x&outlet=AP&page=3")).data!;
    expect(withParams(parsed, { outlet: [] })).toBe("/search?q=x");
    expect(withParams(parsed, { page: 4 })).toBe("/search?q=x&outlet=AP&page=4");
  });

  it("reads the facet groups and histogram the API should compute, none by default", () => {
    expect(parseResponseOptions(new URLSearchParams("q=x")).data).toEqual({ facets: [], histogram: false });
    expect(parseResponseOptions(new URLSearchParams("facets=speaker,outlet&facets=year&facets=speaker&histogram=true")).data).toEqual({
      facets: ["speaker", "outlet", "year"],
      histogram: true,
    });
    for (const query of ["facets=colour", "histogram=maybe"]) {
      const parsed = parseResponseOptions(new URLSearchParams(query));
      expect(parsed.success, query).toBe(false);
      expect(describeParamError(parsed.error!), query).toMatch(/facets|histogram/);
    }
  });
});
