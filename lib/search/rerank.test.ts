import { describe, expect, it } from "vitest";
import { DEFAULT_WEIGHTS, idf, mergeCandidates, rerank, stem, terms } from "./rerank";

describe("re-ranker terms", () => {
  it("stems plural and verb endings only", () => {
    expect(["vaccines", "policies", "talks", "boxes", "crisis", "bus", "negotiating", "called", "news"].map(stem)).toEqual([
      "vaccine",
      "policy",
      "talk",
      "box",
      "crisis",
      "bus",
      "negotiat",
      "call",
      "news",
    ]);
  });

  it("lowercases, drops possessives and makes Chinese character bigrams", () => {
    expect(terms("Biden's Vaccines")).toEqual(["biden", "vaccine"]);
    expect(terms("新冠疫情 WHO")).toEqual(["新冠", "冠疫", "疫情", "who"]);
    expect(terms("…!!")).toEqual([]);
  });

  it("weighs rare terms above common ones", () => {
    expect(idf(10, 70_000)).toBeGreaterThan(idf(20_000, 70_000));
    expect(idf(70_000, 70_000)).toBeGreaterThanOrEqual(0);
  });
});

describe("rerank", () => {
  const docs = [
    { id: "common", question: "What does the president think about the economy and the people?", answer: "The president thinks the economy is strong for the people." },
    { id: "rare", question: "Is the administration worried about the icebreaker fleet?", answer: "We need polar security cutters." },
    { id: "none", question: "Thank you.", answer: "Go ahead." },
  ];
  const df = new Map([
    ["president", 30_000],
    ["economy", 5_000],
    ["icebreaker", 3],
    ["people", 20_000],
    ["polar", 5],
  ]);

  it("puts the pair holding the rare query terms first, whatever Meilisearch's order", () => {
    const order = rerank(docs, "president people economy icebreaker polar", df, 70_000).map((d) => d.id);
    expect(order[0]).toBe("rare");
    expect(order[2]).toBe("none");
  });

  it("keeps Meilisearch's order when the text says nothing", () => {
    expect(rerank(docs, "zzz", new Map(), 70_000).map((d) => d.id)).toEqual(["common", "rare", "none"]);
    expect(rerank(docs, "", df, 70_000)).toBe(docs);
  });

  it("lets a strong fuse weight keep Meilisearch's first hit", () => {
    const order = rerank(docs, "president people economy icebreaker polar", df, 70_000, { ...DEFAULT_WEIGHTS, fuse: 10_000 }).map((d) => d.id);
    expect(order[0]).toBe("common");
  });
});

describe("mergeCandidates", () => {
  it("interleaves lists by rank, each candidate once", () => {
    const a = [{ id: "1" }, { id: "2" }, { id: "3" }];
    const b = [{ id: "2" }, { id: "4" }];
    expect(mergeCandidates([a, b]).map((c) => c.id)).toEqual(["1", "2", "4", "3"]);
    expect(mergeCandidates([])).toEqual([]);
  });
});

describe("typo aliases", () => {
  it("credits a misspelt query word to the close word in the pair", () => {
    const docs = [
      { id: "plain", question: "Budget talks this week?", answer: "No comment on the budget." },
      { id: "typo", question: "Will the ballons restore internet access?", answer: "Balloons are one option for connectivity." },
    ];
    const order = rerank(
      docs,
      "internet ballons connectivity",
      new Map([
        ["internet", 50],
        ["ballon", 5],
        ["connectivity", 20],
      ]),
      70_000,
    ).map((d) => d.id);
    expect(order[0]).toBe("typo");
    // "balloons" counts for the query's "ballons", enough to pass Meilisearch's first hit.
    const aliased = rerank(
      [
        { id: "b", question: "", answer: "nothing here" },
        { id: "a", question: "", answer: "balloons balloons" },
      ],
      "ballons",
      new Map([["ballon", 5]]),
      70_000,
    );
    expect(aliased[0].id).toBe("a");
  });
});

describe("re-ranker terms, mixed scripts", () => {
  it("never lets a word run into Chinese characters", () => {
    expect(terms("WHO新冠 Biden’s résumés")).toEqual(["who", "新冠", "biden", "résumé"]);
  });
});

describe("rerank: coverage and context", () => {
  const df = new Map([
    ["louisville", 40],
    ["shooting", 900],
    ["assault", 400],
    ["weapon", 1_500],
    ["ban", 2_000],
    ["executive", 3_000],
    ["action", 6_000],
  ]);
  const query = "Louisville shooting assault weapons ban executive actions";
  const filler = "and so on about what the people said at the time we spoke with them last week ".repeat(3);
  const fragment = { id: "fragment", question: "Louisville: the assault weapons ban?", answer: "The ban on assault weapons, the assault weapons ban." };
  const whole = {
    id: "whole",
    question: `After the Louisville shooting, ${filler} the President called for an assault weapons ban and pointed to executive actions.`,
    answer: `We have taken executive actions. ${filler}`,
  };

  it("puts the pair holding every query word above a short fragment repeating a few of them", () => {
    // Meilisearch put the fragment first; BM25 alone keeps it there.
    expect(rerank([fragment, whole], query, df, 70_000, { ...DEFAULT_WEIGHTS, coverage: 0 })[0].id).toBe("fragment");
    expect(rerank([fragment, whole], query, df, 70_000)[0].id).toBe("whole");
  });

  it("credits a name found only in who answered or where", () => {
    const text = { question: "Where does the administration stand on the Golan Heights?", answer: "Let me get back to you on that." };
    const others = { id: "others", ...text, context: "MS. PSAKI \n Press Briefing by Press Secretary Jen Psaki" };
    const kirby = { id: "kirby", ...text, context: "MR. KIRBY \n Press Briefing by NSC Coordinator John Kirby" };
    const rarity = new Map([
      ["golan", 30],
      ["height", 200],
      ["kirby", 900],
    ]);
    expect(rerank([others, kirby], "Golan Heights Kirby", rarity, 70_000, { ...DEFAULT_WEIGHTS, context: 0, coverage: 0 })[0].id).toBe("others");
    expect(rerank([others, kirby], "Golan Heights Kirby", rarity, 70_000)[0].id).toBe("kirby");
  });
});
