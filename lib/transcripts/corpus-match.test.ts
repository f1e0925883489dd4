// Cross-check against the pre-split corpus: the conferences in
// ../shared/corpus/transcripts also appear, split by other people, in the
// JSONL files. At least 90% of their questions must be found by our parser as reporter turns.
import { readFileSync } from "node:fs";
import { gunzipSync } from "node:zlib";
import { beforeAll, describe, expect, it } from "vitest";
import { parseTranscript } from "./index";
import { questionKey, readShared, sharedPath } from "./test-support";

interface CorpusPair {
  question: string;
  url: string | null;
  date: string | null;
}

type Matcher = (text: string, file: string) => { corpus: string; keep: (line: string) => boolean };

function jsonlLines(file: string): string[] {
  const p = sharedPath("corpus", file);
  const raw = file.endsWith(".gz") ? gunzipSync(readFileSync(p)).toString("utf8") : readFileSync(p, "utf8");
  return raw.split("\n").filter((l) => l.length > 0);
}

// Which conference a file is: MFA pages by their page id in the url, White
// House briefings by the front-matter source_url, US presidential ones by date.
const matcherFor: Matcher = (text, file) => {
  const mfa = /^mfa_(en|zh)_\d{4}-\d{2}-\d{2}_(t\d+)\.txt$/.exec(file);
  if (mfa) return { corpus: `mfa_prc_press_conferences_2016_2020_${mfa[1]}.jsonl`, keep: (l) => l.includes(`/${mfa[2]}.shtml`) };
  const us = /^us_president_news_conference_(\d{4}-\d{2}-\d{2})_/.exec(file);
  if (us) return { corpus: "us_presidential_news_conferences_1960_1980.jsonl", keep: (l) => l.includes(`"date": "${us[1]}"`) };
  const url = /^source_url:\s*(\S+)/m.exec(text)?.[1];
  if (!url) throw new Error(`no source_url in ${file}`);
  return { corpus: "whitehouse_press_briefings_2021_2025.jsonl.gz", keep: (l) => l.includes(`"url": "${url}"`) };
};

const FILES = [
  "mfa_en_2019-09-02_t1693811.txt",
  "mfa_en_2020-02-17_t1745906.txt",
  "mfa_en_2020-06-17_t1789509.txt",
  "mfa_zh_2018-06-15_t1569330.txt",
  "mfa_zh_2019-09-02_t1693739.txt",
  "mfa_zh_2020-06-17_t1789468.txt",
  "us_president_news_conference_1962-12-12_kennedy_row292.txt",
  "us_president_news_conference_1974-02-25_nixon_row101.txt",
  "us_president_news_conference_1980-09-18_carter_row1.txt",
  "wh_2021-05-13-press-briefing-by-press-secretary-jen-psaki-may-13-2021.txt",
  "wh_2021-05-18-press-gaggle-by-press-secretary-jen-psaki-aboard-air-force-one-en-route-detroit-mi.txt",
  "wh_2021-05-20-background-press-call-by-a-senior-administration-official-on-the-official-working-visit-of-the-republic-of-korea.txt",
  "wh_2021-05-21-press-briefing-by-white-house-covid-19-response-team-and-public-health-officials-38.txt",
  "wh_2024-07-31-press-briefing-by-press-secretary-karine-jean-pierre-july-30-2024.txt",
];

const cache = new Map<string, string[]>();
const lines = (corpus: string) => {
  if (!cache.has(corpus)) cache.set(corpus, jsonlLines(corpus));
  return cache.get(corpus)!;
};

describe("questions agree with the pre-split corpus", () => {
  beforeAll(() => {
    // warm the cache once so per-file timings stay small
    for (const c of new Set(FILES.map((f) => matcherFor(readShared("corpus", "transcripts", f), f).corpus))) lines(c);
  }, 120_000);

  for (const file of FILES) {
    it(file, () => {
      const text = readShared("corpus", "transcripts", file);
      const { corpus, keep } = matcherFor(text, file);
      const expected: CorpusPair[] = lines(corpus)
        .filter(keep)
        .map((l) => JSON.parse(l) as CorpusPair);
      expect(expected.length).toBeGreaterThan(0);
      // The corpus makes a pair of every reporter turn; our pairs are whole exchanges, so a corpus
      // question may also be a reporter turn inside a pair or a procedural statement ("Thanks.").
      const draft = parseTranscript(text);
      const reporterTurns = [
        ...draft.pairs.flatMap((p) => [p.question.text, ...p.answers.filter((a) => a.role === "journalist").map((a) => a.text)]),
        ...draft.statements.filter((s) => s.role === "journalist").map((s) => s.text),
      ];
      const found = new Set(reporterTurns.map(questionKey));
      const matched = expected.filter((p) => found.has(questionKey(p.question))).length;
      const rate = matched / expected.length;
      console.info(`${file}: ${matched}/${expected.length} corpus questions found (${(rate * 100).toFixed(1)}%)`);
      expect(rate).toBeGreaterThanOrEqual(0.9);
    });
  }
});
