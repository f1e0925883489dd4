import { describe, expect, it } from "vitest";
import { searchParamsSchema } from "./params";
import { buildFilters, highlightToHtml, inFilter, queryLocales, quoteFilterValue, sortFor } from "./syntax";
import { truncateWords } from "./documents";

const params = (raw: Record<string, unknown>) => searchParamsSchema.parse(raw);

describe("filter expressions", () => {
  it("quotes values and escapes quotes and backslashes", () => {
    expect(quoteFilterValue('Say "hi"')).toBe('"Say \\"hi\\""');
    expect(quoteFilterValue("back\\slash")).toBe('"back\\\\slash"');
    expect(quoteFilterValue('x" OR year = 2020 OR outlet = "y')).toBe('"x\\" OR year = 2020 OR outlet = \\"y"');
  });

  it("ORs values within a group and ANDs groups, with numbers unquoted", () => {
    expect(inFilter("year", [2020, 2021])).toBe("year IN [2020, 2021]");
    expect(inFilter("outlet", [])).toBeNull();
    const filters = buildFilters(params({ outlet: ["AP", "Reuters"], speaker: ["耿爽"], year: ["2019"], from: "2019-01-01", to: "2019-12-31", conference: ["a-b"] }));
    expect(filters).toEqual([
      'answerSpeakers IN ["耿爽"]',
      'outlet IN ["AP", "Reuters"]',
      'conferenceSlug IN ["a-b"]',
      "year IN [2019]",
      `date >= ${Date.UTC(2019, 0, 1) / 1000}`,
      `date <= ${Date.UTC(2019, 11, 31) / 1000}`,
    ]);
  });

  it("leaves one group out for disjunctive facet counts", () => {
    const p = params({ outlet: ["AP"], speaker: ["Ann"] });
    expect(buildFilters(p, "outlet")).toEqual(['answerSpeakers IN ["Ann"]']);
  });

  it("keeps statements or pairs only; pair documents carry no kind, so pairs are 'not statements'", () => {
    expect(buildFilters(params({}))).toEqual([]);
    expect(buildFilters(params({ kind: "statement" }))).toEqual(['kind = "statement"']);
    expect(buildFilters(params({ kind: "pair" }))).toEqual(['NOT kind = "statement"']);
    expect(searchParamsSchema.safeParse({ kind: "speech" }).error?.issues[0].message).toBe("kind must be one of pair, statement");
  });
});

describe("query options", () => {
  it("sends Chinese queries with the cmn locale", () => {
    expect(queryLocales("外交部")).toEqual(["cmn"]);
    expect(queryLocales("tariffs 关税")).toEqual(["cmn"]);
    expect(queryLocales("tariffs")).toEqual(["eng"]);
    expect(queryLocales("")).toBeUndefined();
  });

  it("browses newest first without a query, and honours explicit sorts", () => {
    expect(sortFor(params({}))).toEqual(["date:desc"]);
    expect(sortFor(params({ q: "x" }))).toBeUndefined();
    expect(sortFor(params({ q: "x", sort: "oldest" }))).toEqual(["date:asc"]);
    expect(sortFor(params({ q: "x", sort: "newest" }))).toEqual(["date:desc"]);
  });
});

describe("highlighting", () => {
  it("escapes the text before adding <mark>", () => {
    expect(highlightToHtml("a <script>alert(1)</script> \uE000grid\uE001 & more")).toBe("a &lt;script&gt;alert(1)&lt;/script&gt; <mark>grid</mark> &amp; more");
  });

  it("drops unbalanced markers instead of emitting broken tags", () => {
    expect(highlightToHtml("\uE000open only")).toBe("open only");
    expect(highlightToHtml("close\uE001 only")).toBe("close only");
  });
});

describe("truncateWords", () => {
  it("keeps short texts and cuts long ones at a word boundary", () => {
    expect(truncateWords("one two three", 5)).toBe("one two three");
    expect(truncateWords("one two three four", 2)).toBe("one two …");
  });
});
