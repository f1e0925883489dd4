import path from "node:path";

// The five real corpus files, read in place from ../shared (never copied into the repo).
export const repoRoot = path.resolve(import.meta.dirname, "..");
export const corpusDir = path.resolve(repoRoot, "../shared/corpus");
export const CORPUS_FILES = [
  "whitehouse_press_briefings_2021_2025.jsonl.gz",
  "mfa_prc_press_conferences_2016_2020_en.jsonl",
  "mfa_prc_press_conferences_2016_2020_zh.jsonl",
  "us_presidential_news_conferences_1960_1980.jsonl",
  "cmfa_presscon_v4_ukraine_subset.jsonl",
].map((name) => path.join(corpusDir, name));
