import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { stem, terms } from "./rerank-terms";

// The scanner replaced this regular expression (one pass, Chinese runs and other words): its
// output must stay the same, or the re-ranker's tuned figures no longer hold.
const TOKEN = /([\u3400-\u9fff\uf900-\ufaff]+)|((?:(?![\u3400-\u9fff\uf900-\ufaff])[\p{L}\p{N}])+(?:['’](?:(?![\u3400-\u9fff\uf900-\ufaff])\p{L})+)?)/gu;
function regexTerms(text: string): string[] {
  const out: string[] = [];
  for (const match of text.toLowerCase().matchAll(TOKEN)) {
    const run = match[1];
    if (run !== undefined) {
      if (run.length === 1) out.push(run);
      for (let i = 0; i + 1 < run.length; i++) out.push(run.slice(i, i + 2));
      continue;
    }
    let word = match[2];
    if (/['’]/.test(word)) word = word.replace(/['’]s$/, "").replace(/['’]/g, "");
    out.push(stem(word));
  }
  return out;
}

describe("re-ranker terms scanner", () => {
  const samples = [
    "Biden's Vaccines",
    "新冠疫情 WHO",
    "WHO新冠x",
    "…!!",
    "",
    "don't rock'n'roll o'clock ’90s it’s  isn'2 can't’ve end'",
    "Ångström naïve CAFÉ İstanbul straße ΣΟΦΊΑ Москва",
    "²³ ① 12,000.5 x86_64 e-mail",
    "𠀀𠀁 tail 𝐀𝐁𝐂 😀 emoji",
    "lone \ud800 high, \udc00 low, pair at end \ud840",
    "中 single, 中国人民 run, 豈更 compat",
    "tab\tnew\nline\u00a0nbsp",
  ];
  it.each(samples)("cuts %j as the regular expression did", (text) => {
    expect(terms(text)).toEqual(regexTerms(text));
  });

  it("cuts real archive text as the regular expression did", () => {
    // A slice of each language the archive holds (read from ../shared, never copied here).
    const files = ["mfa_prc_press_conferences_2016_2020_en.jsonl", "mfa_prc_press_conferences_2016_2020_zh.jsonl", "us_presidential_news_conferences_1960_1980.jsonl"];
    let compared = 0;
    const differing: string[] = [];
    for (const file of files) {
      const lines = readFileSync(new URL(`../../../shared/corpus/${file}`, import.meta.url), "utf8")
        .split("\n")
        .slice(0, 200);
      for (const line of lines.filter(Boolean)) {
        const pair = JSON.parse(line) as { question: string; answer: string };
        for (const text of [pair.question, pair.answer]) if (terms(text).join("\u0000") !== regexTerms(text).join("\u0000")) differing.push(text);
        compared++;
      }
    }
    expect(differing).toEqual([]);
    expect(compared).toBeGreaterThan(500);
  }, 30_000);
});
