import { describe, expect, it } from "vitest";
import { describeDrift, settingsDrift } from "./settings-drift";

const declared = {
  searchableAttributes: ["question", "answerText"],
  sortableAttributes: ["date", "year"],
  rankingRules: ["words", "sort", "typo"],
  typoTolerance: { enabled: true, disableOnNumbers: true },
  synonyms: { prc: ["china"] },
  stopWords: ["the", "a"],
  embedders: { default: { source: "rest", apiKey: "secret", url: "http://x" } },
};

// What Meilisearch answers for an index with exactly those settings: defaults filled in,
// sets sorted, secrets masked.
const live = {
  searchableAttributes: ["question", "answerText"],
  sortableAttributes: ["year", "date"],
  rankingRules: ["words", "sort", "typo"],
  typoTolerance: { enabled: true, disableOnNumbers: true, minWordSizeForTypos: { oneTypo: 5, twoTypos: 9 }, disableOnWords: [] },
  synonyms: { prc: ["china"] },
  stopWords: ["a", "the"],
  embedders: { default: { source: "rest", apiKey: "XXX...", url: "http://x", dimensions: 3 } },
  distinctAttribute: null,
};

describe("settingsDrift", () => {
  it("finds none when the live index holds what is declared, whatever Meilisearch adds or sorts", () => {
    expect(settingsDrift(declared, live)).toEqual([]);
  });

  it("reports every declared setting Meilisearch's defaults do not match", () => {
    const defaults = {
      searchableAttributes: ["*"],
      sortableAttributes: [],
      rankingRules: ["words", "typo", "proximity"],
      typoTolerance: { enabled: true, disableOnNumbers: false },
      synonyms: {},
      stopWords: [],
      embedders: {},
    };
    expect(settingsDrift(declared, defaults).map((d) => d.path)).toEqual([
      "searchableAttributes",
      "sortableAttributes",
      "rankingRules",
      "typoTolerance",
      "synonyms",
      "stopWords",
      "embedders",
    ]);
  });

  it("treats order as meaningful only where it is", () => {
    expect(settingsDrift(declared, { ...live, rankingRules: ["sort", "words", "typo"] }).map((d) => d.path)).toEqual(["rankingRules"]);
    expect(settingsDrift(declared, { ...live, searchableAttributes: ["answerText", "question"] }).map((d) => d.path)).toEqual(["searchableAttributes"]);
  });

  it("counts a live synonym or embedder that is no longer declared as drift", () => {
    expect(settingsDrift(declared, { ...live, synonyms: { prc: ["china"], usa: ["us"] } }).map((d) => d.path)).toEqual(["synonyms"]);
    expect(settingsDrift(declared, { ...live, embedders: { ...live.embedders, old: { source: "userProvided" } } }).map((d) => d.path)).toEqual(["embedders"]);
  });

  it("compares granular filterable attributes as a set of objects", () => {
    const rules = [
      { attributePatterns: ["date"], features: { facetSearch: false, filter: { equality: true, comparison: true } } },
      { attributePatterns: ["year"], features: { facetSearch: false, filter: { equality: true, comparison: false } } },
    ];
    expect(settingsDrift({ filterableAttributes: rules }, { filterableAttributes: [...rules].reverse() })).toEqual([]);
    expect(settingsDrift({ filterableAttributes: rules }, { filterableAttributes: ["date", "year"] }).map((d) => d.path)).toEqual(["filterableAttributes"]);
  });

  it("describes each difference with both values", () => {
    expect(describeDrift(settingsDrift({ stopWords: ["the"] }, { stopWords: [] }))).toBe('stopWords: declared ["the"], live []');
  });
});
