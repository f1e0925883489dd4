import { describe, expect, it } from "vitest";
import { queryTerms, snippet } from "./snippet";
import { highlightToHtml } from "./syntax";

const html = (text: string, q: string, synonyms: Record<string, string[]> = {}) => highlightToHtml(snippet(text, queryTerms(q, synonyms)));

describe("query terms", () => {
  it("keeps phrase words, drops excluded words, and treats the last word as a prefix", () => {
    expect(queryTerms('"supply chain" semicond')).toEqual({ words: ["supply", "chain", "semicond"], prefix: "semicond", cjk: [] });
    expect(queryTerms("ukraine -russia")).toEqual({ words: ["ukraine"], prefix: null, cjk: [] });
    expect(queryTerms("tariffs ")).toEqual({ words: ["tariffs"], prefix: null, cjk: [] });
    expect(queryTerms('"one China"')).toEqual({ words: ["one", "china"], prefix: null, cjk: [] });
  });

  it("normalizes case and accents, keeps numbers, skips one-letter words", () => {
    expect(queryTerms("Élysée Russia's 2024 x").words).toEqual(["elysee", "russia", "2024"]);
  });

  it("segments Chinese into words", () => {
    const terms = queryTerms("蒂勒森 钓鱼岛");
    expect(terms.cjk.length).toBeGreaterThanOrEqual(2);
    expect(terms.cjk.join("")).toBe("蒂勒森钓鱼岛");
  });
});

describe("answer snippet", () => {
  it("marks whole words without case or accents, and escapes everything else", () => {
    expect(html("The <b>Tariffs</b> on steel stay.", "tariffs steel")).toBe("The &lt;b&gt;<mark>Tariffs</mark>&lt;/b&gt; on <mark>steel</mark> stay.");
    expect(html("Talks at the Élysée went well.", "elysee")).toBe("Talks at the <mark>Élysée</mark> went well.");
  });

  it("matches the last word as a prefix, and one typo in words of five letters or more", () => {
    expect(html("Semiconductors and chips.", "semicond")).toBe("<mark>Semiconductors</mark> and chips.");
    expect(html("The vaccine mandate.", "vacine mandate ")).toBe("The <mark>vaccine</mark> <mark>mandate</mark>.");
    // No typo on the first letter, none in short words or numbers.
    expect(html("Baccine, cat, 2025.", "vaccine cut 2024 ")).toBe("Baccine, cat, 2025.");
  });

  it("marks one-word synonyms of the query words, as the index found them", () => {
    const synonyms = { prc: ["china", "people's republic of china"], 中国: ["中华人民共和国"] };
    expect(queryTerms("PRC trade", synonyms).words).toEqual(["prc", "trade", "china"]);
    expect(html("China and the PRC.", "prc ", synonyms)).toBe("<mark>China</mark> and the <mark>PRC</mark>.");
  });

  it("crops long answers around the best cluster of matches, with ellipses", () => {
    const words = Array.from({ length: 200 }, (_, i) => `w${i}`);
    words[120] = "inflation";
    words[124] = "rates";
    words[30] = "inflation";
    const cut = snippet(words.join(" "), queryTerms("inflation rates "), 10);
    expect(cut.startsWith("…")).toBe(true);
    expect(cut.endsWith("…")).toBe(true);
    expect(cut).toContain("\uE000inflation\uE001 w121 w122 w123 \uE000rates\uE001");
    expect(cut.split(/\s+/).length).toBeLessThanOrEqual(10);
  });

  it("keeps a short answer whole and starts at the beginning when nothing matches", () => {
    expect(html("Thank you.", "tariffs")).toBe("Thank you.");
    const long = Array.from({ length: 100 }, (_, i) => `w${i}`).join(" ");
    expect(snippet(long, queryTerms("zzz"), 5)).toBe("w0 w1 w2 w3 w4…");
  });

  it("marks Chinese words as one mark, counting a character as half a word", () => {
    const text = "关于日本在钓鱼岛问题上的表态，我们已经多次阐明立场。";
    expect(html(text, "钓鱼岛")).toBe("关于日本在<mark>钓鱼岛</mark>问题上的表态，我们已经多次阐明立场。");
    expect(html("G7峰会上的声明", "峰会 g7")).toBe("<mark>G7</mark><mark>峰会</mark>上的声明");
    // Accented letters take the Unicode path, which must split Latin from Han the same way.
    expect(html("Élysée和G7峰会", "峰会 elysee g7")).toBe("<mark>Élysée</mark>和<mark>G7</mark><mark>峰会</mark>");
    const long = `${"中".repeat(100)}钓鱼岛${"国".repeat(100)}`;
    const cut = snippet(long, queryTerms("钓鱼岛"), 10);
    expect(cut).toBe(`…${"中".repeat(8)}\uE000钓鱼岛\uE001${"国".repeat(9)}…`);
  });
});

describe("long texts", () => {
  it("cuts the same snippet from a long text as from the stretch around its matches", () => {
    const filler = (n: number, from: number) => Array.from({ length: n }, (_, i) => `word${from + i}`).join(" ");
    const text = `${filler(400, 0)} the inflation rate rose. ${filler(400, 400)} inflation again. ${filler(50, 800)}`;
    const cut = snippet(text, queryTerms("inflation rate "), 10);
    expect(cut).toMatch(/^….*\uE000inflation\uE001 \uE000rate\uE001 rose.*…$/);
    expect(cut.split(/\s+/).length).toBeLessThanOrEqual(10);
    // A typo match only near the start, where the window goes when nothing matches exactly.
    expect(snippet(`The vaccine ${filler(600, 0)}`, queryTerms("vacine "), 5)).toBe("The \uE000vaccine\uE001 word0 word1 word2…");
  });
});
