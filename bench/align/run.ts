import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { matchConferences, titleKind, type AlignConference, type ConferenceMatching } from "@/lib/alignment/conferences";
import { alignPairs } from "@/lib/alignment/pairs";
import { corpusDir, repoRoot } from "../corpus-files";

// `npm run bench:align [-- --half tune|heldout|both] [--verbose] [--database]`: conference and pair
// precision/recall/F1 of the aligner on the hand-checked gold briefings (bench/align/gold),
// against a baseline measured in the same run: pages paired by date alone and pairs paired
// by position. The headline is the held-out half; the tune half is what the weights were
// chosen on. Runs on the corpus files directly (the same pure code `npm run align` uses);
// --database also times `npm run align` end to end on a throw-away Postgres (database.ts).

const args = process.argv.slice(2);
const half = args.includes("--half") ? args[args.indexOf("--half") + 1] : "both";
const verbose = args.includes("--verbose");
const FILES = ["mfa_prc_press_conferences_2016_2020_en.jsonl", "mfa_prc_press_conferences_2016_2020_zh.jsonl"];

interface GoldBriefing {
  en: string;
  zh: string;
  links: [string, string][];
  note?: string;
}

function loadGold(name: string): GoldBriefing[] {
  return (JSON.parse(readFileSync(path.join(repoRoot, "bench/align/gold", `${name}.json`), "utf8")) as { briefings: GoldBriefing[] }).briefings;
}

/** Pages of the MFA files as conferences, keyed by the id prefix their pair ids share. */
function loadConferences(): AlignConference[] {
  const pages = new Map<string, AlignConference>();
  for (const file of FILES) {
    for (const line of readFileSync(path.join(corpusDir, file), "utf8").split("\n")) {
      if (!line.trim()) continue;
      const r = JSON.parse(line) as {
        id: string;
        date: string | null;
        conference: string | null;
        organizer: string | null;
        lang: string;
        question: string;
        answer: string;
        questioner: string | null;
      };
      const page = r.id.replace(/-\d+$/, "");
      let conference = pages.get(page);
      if (!conference) {
        conference = { id: page, language: r.lang, heldOn: r.date, title: r.conference ?? "", organizer: r.organizer, pairs: [] };
        pages.set(page, conference);
      }
      conference.pairs.push({ id: r.id, question: r.question, answer: r.answer, outlet: r.questioner });
    }
  }
  return [...pages.values()];
}

/** Baseline: the first other-language page of the same date and kind, pairs matched by position. */
function baseline(conferences: AlignConference[]): ConferenceMatching {
  const result: ConferenceMatching = { matches: [], suggestions: [], unmatched: [] };
  const zh = conferences.filter((c) => c.language === "zh");
  for (const en of conferences.filter((c) => c.language === "en")) {
    const partner = zh.find((c) => c.heldOn === en.heldOn && c.heldOn !== null && titleKind(c.title) === titleKind(en.title));
    if (!partner) continue;
    const count = Math.min(en.pairs.length, partner.pairs.length);
    const links = Array.from({ length: count }, (_, k) => ({ a: en.pairs[k].id, b: partner.pairs[k].id, confidence: 1, shape: "1:1" }));
    result.matches.push({ a: en.id, b: partner.id, confidence: 1, dayOffset: 0, alignment: { links, unmatchedA: [], unmatchedB: [], coverage: 1, agreement: 1, lengthRatio: 1 } });
  }
  return result;
}

interface Scores {
  conferences: { tp: number; fp: number; fn: number; precision: number; recall: number; f1: number };
  pairs: { tp: number; fp: number; fn: number; precision: number; recall: number; f1: number };
  /** Pair scores when each gold briefing's pages are given (conference errors left out). */
  pairsGivenPages: { tp: number; fp: number; fn: number; precision: number; recall: number; f1: number };
}

function prf(tp: number, fp: number, fn: number) {
  const precision = tp + fp ? tp / (tp + fp) : 1;
  const recall = tp + fn ? tp / (tp + fn) : 1;
  const f1 = precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
  return { tp, fp, fn, precision: round(precision), recall: round(recall), f1: round(f1) };
}

function score(gold: GoldBriefing[], matching: ConferenceMatching, byId: Map<string, AlignConference>, alignGiven: boolean, label: string): Scores {
  const c = { tp: 0, fp: 0, fn: 0 };
  const p = { tp: 0, fp: 0, fn: 0 };
  const g = { tp: 0, fp: 0, fn: 0 };
  const partnerOf = new Map<string, { partner: string; links: [string, string][] }>();
  for (const m of matching.matches) {
    const links = m.alignment.links.map((l) => [l.a, l.b] as [string, string]);
    partnerOf.set(m.a, { partner: m.b, links });
    partnerOf.set(m.b, { partner: m.a, links: links.map(([a, b]) => [b, a]) });
  }
  for (const briefing of gold) {
    const found = partnerOf.get(briefing.en);
    if (found?.partner === briefing.zh) c.tp++;
    else {
      c.fn++;
      if (found) c.fp++;
    }
    const goldLinks = new Set(briefing.links.map(([a, b]) => `${a}|${b}`));
    const predicted = new Set((found?.links ?? []).map(([a, b]) => `${a}|${b}`));
    for (const link of predicted) {
      if (goldLinks.has(link)) p.tp++;
      else p.fp++;
    }
    for (const link of goldLinks) if (!predicted.has(link)) p.fn++;
    // Pair alignment alone, on the gold pages (baseline: by position).
    const en = byId.get(briefing.en)!;
    const zh = byId.get(briefing.zh)!;
    const links = alignGiven
      ? alignPairs(en, zh).links.map((l) => `${l.a}|${l.b}`)
      : Array.from({ length: Math.min(en.pairs.length, zh.pairs.length) }, (_, k) => `${en.pairs[k].id}|${zh.pairs[k].id}`);
    const given = new Set(links);
    for (const link of given) {
      if (goldLinks.has(link)) g.tp++;
      else g.fp++;
    }
    for (const link of goldLinks) if (!given.has(link)) g.fn++;
    if (verbose && alignGiven) {
      const wrong = [...given].filter((l) => !goldLinks.has(l));
      const missed = [...goldLinks].filter((l) => !given.has(l));
      if (wrong.length || missed.length || found?.partner !== briefing.zh)
        console.log(`${label} ${briefing.en}: page ${found?.partner ?? "none"} (gold ${briefing.zh}); wrong ${short(wrong)}; missed ${short(missed)}`);
    }
  }
  return { conferences: prf(c.tp, c.fp, c.fn), pairs: prf(p.tp, p.fp, p.fn), pairsGivenPages: prf(g.tp, g.fp, g.fn) };
}

function short(links: string[]): string {
  return links.map((l) => l.replace(/mfa-(en|zh)-t\d+-0*/g, "")).join(" ") || "-";
}

function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}

const conferences = loadConferences();
const byId = new Map(conferences.map((c) => [c.id, c]));
const started = performance.now();
const matching = matchConferences(conferences);
const alignMs = performance.now() - started;
const naive = baseline(conferences);
const halves = half === "both" ? ["tune", "heldout"] : [half];

const rows: { half: string; method: string; scores: Scores }[] = [];
for (const name of halves) {
  const gold = loadGold(name);
  rows.push({ half: name, method: "baseline (date + position)", scores: score(gold, naive, byId, false, name) });
  rows.push({ half: name, method: "aligner", scores: score(gold, matching, byId, true, name) });
}

const pct = (v: number) => v.toFixed(3);
console.log(
  `\nAlignment benchmark: ${conferences.length} pages; all matched in ${(alignMs / 1000).toFixed(2)} s (${matching.matches.length} conference links, ${matching.matches.reduce((s, m) => s + m.alignment.links.length, 0)} pair links, ${matching.suggestions.length} suggestions)\n`,
);
console.log("half     method                       | conf P  conf R  conf F1 | pair P  pair R  pair F1 | pages given: P  R      F1");
for (const { half: h, method, scores: s } of rows) {
  console.log(
    `${h.padEnd(8)} ${method.padEnd(28)} | ${pct(s.conferences.precision)}   ${pct(s.conferences.recall)}   ${pct(s.conferences.f1)}   | ${pct(s.pairs.precision)}   ${pct(s.pairs.recall)}   ${pct(s.pairs.f1)}   | ${pct(s.pairsGivenPages.precision)}  ${pct(s.pairsGivenPages.recall)}  ${pct(s.pairsGivenPages.f1)}`,
  );
}
let database: import("./database").DatabaseTiming | null = null;
if (args.includes("--database")) {
  const { timeOnDatabase } = await import("./database");
  database = await timeOnDatabase();
  const { firstRun: f, secondRun: s } = database;
  console.log(`\nOn Postgres (both MFA files imported in ${(database.importMs / 1000).toFixed(1)} s):`);
  console.log(
    `  align, first run:  ${(f.ms / 1000).toFixed(1)} s for ${f.conferences} conferences: ${f.conferenceLinks} conference links, ${f.pairLinks} pair links, ${f.suggestions} suggestions`,
  );
  console.log(`  align, second run: ${(s.ms / 1000).toFixed(1)} s, ${s.created} created, ${s.updated} updated, ${s.removed} removed (idempotent when all are 0)`);
}
const outDir = path.join(repoRoot, "bench/results");
mkdirSync(outDir, { recursive: true });
const file = path.join(outDir, `align-${new Date().toISOString().replace(/[:.]/g, "-")}.json`);
writeFileSync(
  file,
  JSON.stringify(
    { date: new Date().toISOString(), pages: conferences.length, alignMs: Math.round(alignMs), conferenceLinks: matching.matches.length, suggestions: matching.suggestions, rows },
    null,
    1,
  ),
);
console.log(`\nsaved ${path.relative(repoRoot, file)}`);
