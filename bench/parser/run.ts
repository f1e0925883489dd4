import { execFileSync } from "node:child_process";
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { accountFor, parseTranscript, type TranscriptDraft } from "@/lib/transcripts";
import { loadGold, repoRoot, type GoldTranscript } from "./gold";
import { runAgreement } from "./agreement";
import { scoreFile, totals, type FileScore } from "./score";

// `npm run bench:parser`: pair precision/recall/F1, answer-speaker accuracy and character
// accounting per gold file and overall, for the current parser and for the parser of a
// baseline commit (extracted with git, so both run in the same process).
// Options: --verbose (list missed/extra pair offsets), --no-baseline, --baseline=<commit>
// (default: the parser before the gold set grew to 23 files and the tune-half fixes),
// --tune-only (score only the tune half, for working on the parser without seeing held-out figures),
// --agreement (annotator 1 against the second annotator's bench/parser/gold-second; no parser).
// With a baseline, the summary is repeated over the gold files the baseline commit had.

const args = new Set(process.argv.slice(2));
const BASELINE_COMMIT = [...args].find((a) => a.startsWith("--baseline="))?.slice("--baseline=".length) ?? "bef4448b97e9945ac174b37020d88af7cd2a7113";
type Parse = (text: string) => TranscriptDraft;

async function baselineParser(): Promise<Parse | null> {
  if (args.has("--no-baseline")) return null;
  // Inside node_modules so that tsc and vitest leave it alone while zod still resolves.
  const dir = path.join(repoRoot, "node_modules/.cache/parser-baseline");
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  try {
    const tar = execFileSync("git", ["archive", BASELINE_COMMIT, "--", "lib/transcripts", ":(exclude)lib/transcripts/*.test.ts"], { cwd: repoRoot, maxBuffer: 64 << 20 });
    execFileSync("tar", ["-x", "-C", dir], { input: tar });
  } catch (e) {
    console.warn(`baseline commit ${BASELINE_COMMIT} not available: ${(e as Error).message}`);
    return null;
  }
  const mod = (await import(path.join(dir, "lib/transcripts/parse.ts"))) as { parseTranscript: Parse };
  return mod.parseTranscript;
}

/** Ids of the gold files at a commit (null when git cannot tell). */
function goldAt(commit: string): Set<string> | null {
  try {
    const names = execFileSync("git", ["ls-tree", "--name-only", commit, "bench/parser/gold/"], { cwd: repoRoot, encoding: "utf8" });
    return new Set(
      names
        .split("\n")
        .filter((n) => n.endsWith(".json"))
        .map((n) => path.basename(n, ".json")),
    );
  } catch {
    return null;
  }
}

function accountedShare(text: string, draft: TranscriptDraft): number {
  const nonSpace = text.replace(/\s/g, "").length;
  return nonSpace ? 1 - accountFor(text, draft).length / nonSpace : 1;
}

function run(parse: Parse, gold: GoldTranscript[]): Map<string, FileScore> {
  const out = new Map<string, FileScore>();
  for (const g of gold) {
    const draft = parse(g.text);
    out.set(g.id, scoreFile(g, draft, accountedShare(g.text, draft)));
  }
  return out;
}

/** Median parse time of a transcript of about `bytes`, built by repeating real gold text (after JIT warm-up). */
function parseTime(parse: Parse, gold: GoldTranscript[], bytes: number): { bytes: number; medianMs: number; minMs: number } {
  const source = gold.map((g) => g.text).sort((a, b) => b.length - a.length)[0]!;
  let text = source;
  while (Buffer.byteLength(text) < bytes) text += "\n\n" + source;
  text = text.slice(0, bytes);
  for (let i = 0; i < 20; i++) parse(text);
  const times: number[] = [];
  for (let i = 0; i < 21; i++) {
    const t0 = performance.now();
    parse(text);
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  // The minimum is the least disturbed by other processes on a shared machine.
  return { bytes: Buffer.byteLength(text), medianMs: Math.round(times[10]! * 100) / 100, minMs: Math.round(times[0]! * 100) / 100 };
}

/** A fixed CPU loop, so parse times from a busy machine can be compared with the same loop on an idle one. */
function calibrationMs(): number {
  const t0 = performance.now();
  let x = 0;
  for (let i = 0; i < 1e7; i++) x = (x + i) % 1000003;
  if (x < 0) console.log(x);
  return Math.round((performance.now() - t0) * 10) / 10;
}

const pct = (x: number) => (100 * x).toFixed(1).padStart(5);
const columns = (t: Omit<FileScore, "missed" | "extra" | "wrongSpeaker">) => [
  String(t.goldPairs).padStart(4),
  String(t.predictedPairs).padStart(4),
  pct(t.precision),
  pct(t.recall),
  pct(t.f1),
  pct(t.speakerAccuracy),
  pct(t.accounted),
];

function table(label: string, gold: GoldTranscript[], current: Map<string, FileScore>, baseline: Map<string, FileScore> | null) {
  console.log(`\n${label}`);
  console.log("file".padEnd(48), "split   gold pred    P     R    F1   spk  acct | base: pred  F1   spk");
  for (const g of gold) {
    const s = current.get(g.id)!;
    const b = baseline?.get(g.id);
    console.log(
      g.id.slice(0, 48).padEnd(48),
      (g.split === "heldout" ? "HELD" : "tune").padEnd(6),
      ...columns(s),
      b ? `| ${String(b.predictedPairs).padStart(9)} ${pct(b.f1)} ${pct(b.speakerAccuracy)}` : "",
    );
    // Held-out errors are never printed: they are for measuring, not for reading.
    if (args.has("--verbose") && g.split === "tune" && (s.missed.length || s.extra.length || s.wrongSpeaker.length))
      console.log("   missed", s.missed, "extra", s.extra, "speaker", JSON.stringify(s.wrongSpeaker));
  }
}

async function main() {
  if (args.has("--agreement")) {
    const summary = runAgreement(args.has("--verbose"));
    mkdirSync(path.join(repoRoot, "bench/results"), { recursive: true });
    writeFileSync(path.join(repoRoot, "bench/results/parser-agreement.json"), JSON.stringify({ measuredAt: new Date().toISOString(), summary }, null, 2));
    return console.log("saved bench/results/parser-agreement.json");
  }
  const gold = loadGold().filter((g) => !args.has("--tune-only") || g.split === "tune");
  const baseParse = await baselineParser();
  const current = run(parseTranscript, gold);
  const baseline = baseParse ? run(baseParse, gold) : null;
  const halves = { tune: gold.filter((g) => g.split === "tune"), heldout: gold.filter((g) => g.split === "heldout") };
  table("TUNE files", halves.tune, current, baseline);
  table("HELD-OUT files (never tuned on)", halves.heldout, current, baseline);

  const summary: Record<string, unknown> = {};
  console.log("\nsummary            gold pred     P     R    F1   spk  acct(min)");
  for (const [name, files] of Object.entries({ ...halves, all: gold })) {
    if (files.length === 0) continue;
    for (const [which, scores] of [
      ["current", current],
      ["baseline", baseline],
    ] as const) {
      if (!scores) continue;
      const t = totals(files.map((g) => scores.get(g.id)!));
      summary[`${name}_${which}`] = t;
      console.log(`${name === "heldout" ? "HELD-OUT" : name} ${which}`.padEnd(18), ...columns(t));
    }
  }
  // The same figures over the gold files the baseline commit had, so a grown gold set can be compared with the old one.
  const before = goldAt(BASELINE_COMMIT);
  const oldSet = before && gold.filter((g) => before.has(g.id));
  if (baseline && oldSet && oldSet.length < gold.length) {
    console.log(`\nthe ${oldSet.length} gold files of ${BASELINE_COMMIT.slice(0, 10)} only`.padEnd(23), "gold pred     P     R    F1   spk  acct(min)");
    const oldHalves = { tune: oldSet.filter((g) => g.split === "tune"), heldout: oldSet.filter((g) => g.split === "heldout"), all: oldSet };
    for (const [name, files] of Object.entries(oldHalves)) {
      if (files.length === 0) continue;
      for (const [which, scores] of [
        ["current", current],
        ["baseline", baseline],
      ] as const) {
        const t = totals(files.map((g) => scores.get(g.id)!));
        summary[`old_${name}_${which}`] = t;
        console.log(`old ${name === "heldout" ? "HELD-OUT" : name} ${which}`.padEnd(22), ...columns(t));
      }
    }
  }
  const calibration = calibrationMs();
  const timing = {
    calibrationMs: calibration,
    current: parseTime(parseTranscript, gold, 60_000),
    baseline: baseParse ? parseTime(baseParse, gold, 60_000) : null,
    calibrationAfterMs: calibrationMs(),
  };
  console.log(
    `\nparse time of a ${timing.current.bytes}-byte transcript (median / min of 21 after warm-up): ${timing.current.medianMs} / ${timing.current.minMs} ms` +
      (timing.baseline ? `; baseline ${timing.baseline.medianMs} / ${timing.baseline.minMs} ms` : "") +
      `\nCPU calibration loop: ${timing.calibrationMs} ms before, ${timing.calibrationAfterMs} ms after (the same loop on an idle machine gives the scale for these times)`,
  );

  if (args.has("--tune-only")) return console.log("--tune-only: not saved (bench/results/parser.json holds whole-set runs only)");
  const results = path.join(repoRoot, "bench/results");
  mkdirSync(results, { recursive: true });
  const perFile = Object.fromEntries(gold.map((g) => [g.id, { split: g.split, current: current.get(g.id), baseline: baseline?.get(g.id) ?? null }]));
  writeFileSync(path.join(results, "parser.json"), JSON.stringify({ measuredAt: new Date().toISOString(), baselineCommit: BASELINE_COMMIT, summary, timing, perFile }, null, 2));
  console.log("saved bench/results/parser.json");
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
