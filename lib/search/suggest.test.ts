import { describe, expect, it } from "vitest";
import { editDistance } from "./edit-distance";
import { suggestQuery, unmatchedWords, wordsOf } from "./suggest";

describe("edit distance", () => {
  it("counts insertions, deletions, substitutions and swaps", () => {
    expect(editDistance("inflation", "inflation")).toBe(0);
    expect(editDistance("inflaton", "inflation")).toBe(1);
    expect(editDistance("vacine", "vaccine")).toBe(1);
    expect(editDistance("hte", "the")).toBe(1);
    expect(editDistance("kitten", "sitting")).toBe(3);
    expect(editDistance("a", "abcdef", 2)).toBe(3);
  });
});

describe("matched only some words", () => {
  it("lists the query words no hit contains, by stem, ignoring phrases, exclusions and Chinese", () => {
    const hits = ["The vaccines arrive in spring.", "Mandates were lifted."];
    expect(unmatchedWords("vaccine mandate xylophone", hits)).toEqual(["xylophone"]);
    expect(unmatchedWords('"spring rain" -mandate vaccine', hits)).toEqual([]);
    expect(unmatchedWords("疫苗 vaccine", hits)).toEqual([]);
  });
});

describe("did you mean", () => {
  const vocabulary = wordsOf("Inflation is high. The inflation rate rose; the nation's vaccine supply is steady.");

  it("replaces a misspelt word by the closest word of the index", () => {
    expect(suggestQuery("inflaton rate", ["inflaton"], vocabulary)).toBe("inflation rate");
    expect(suggestQuery("Vacine supply", ["Vacine"], vocabulary)).toBe("vaccine supply");
  });

  it("suggests nothing when no word is close or the word is already known", () => {
    expect(suggestQuery("xylophone", ["xylophone"], vocabulary)).toBeNull();
    expect(suggestQuery("inflation", ["inflation"], vocabulary)).toBeNull();
    expect(suggestQuery("ab", ["ab"], vocabulary)).toBeNull();
  });
});
