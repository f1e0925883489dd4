import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { gunzipSync } from "node:zlib";
import { CORPUS_FILES, repoRoot } from "../corpus-files";
import { readGold } from "../relevance/gold";
import { mixedQueries } from "./queries";
import * as after from "@/lib/search/rerank";

// `npx tsx bench/search/rerank-cpu.ts [--before <git ref>] [--rounds N] [--out file]`: CPU of
// the re-ranker (rerank.ts and the tokenizer it uses) in this process, this checkout against
// the same files at <git ref> (default main), on the same inputs in the same run, rounds
// alternating. No services: candidates are the 150 pairs of the real corpus holding the most
// of a query's terms (most idf first), for every gold query and bench:search's query mix,
// which is the size and kind of list the API re-ranks. Every query's full re-ranked order must
// be identical before and after, or the run fails.

const args = process.argv.slice(2);
const option = (name: string) => (args.includes(name) ? args[args.indexOf(name) + 1] : null);
const CANDIDATES = 150;
const RERANK_FILES = ["rerank.ts", "rerank-terms.ts", "edit-distance.ts"];

type Rerank = typeof after.rerank;
interface Pair {
  id: string;
  question: string;
  answer: string;
  context: string;
}

function readCorpus(): Pair[] {
  const pairs: Pair[] = [];
  for (const file of CORPUS_FILES) {
    const raw = readFileSync(file);
    const text = (file.endsWith(".gz") ? gunzipSync(raw) : raw).toString("utf8");
    for (const line of text.split("\n")) {
      if (!line.trim()) continue;
      const r = JSON.parse(line) as { id: string; question: string; answer: string; answerers?: string[]; questioner?: string | null; conference?: string | null };
      pairs.push({ id: r.id, question: r.question ?? "", answer: r.answer ?? "", context: [...(r.answerers ?? []), r.questioner ?? "", r.conference ?? ""].join(" \n ") });
    }
  }
  return pairs;
}

/** The re-ranker's files at a git ref, in a temporary folder, imported from there. */
async function rerankAt(ref: string): Promise<{ rerank: Rerank; cleanup: () => void }> {
  const dir = mkdtempSync(path.join(tmpdir(), "rerank-before-"));
  mkdirSync(dir, { recursive: true });
  for (const file of RERANK_FILES) writeFileSync(path.join(dir, file), execFileSync("git", ["show", `${ref}:lib/search/${file}`], { cwd: repoRoot }));
  const loaded = (await import(path.join(dir, "rerank.ts"))) as { rerank: Rerank };
  return { rerank: loaded.rerank, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

function queriesToRank(): string[] {
  const mixed = mixedQueries().map((qs) => new URLSearchParams(qs).get("q") ?? "");
  return [...new Set([...readGold().map((g) => g.q), ...mixed])].filter((q) => after.terms(q).length > 0);
}

async function main() {
  const ref = option("--before") ?? "main";
  const rounds = Number(option("--rounds") ?? 5);
  const before = await rerankAt(ref);
  try {
    console.error("rerank-cpu: reading the corpus");
    const pairs = readCorpus();
    const postings = new Map<string, number[]>();
    pairs.forEach((pair, index) => {
      for (const term of new Set(after.terms(`${pair.question} ${pair.answer}`))) {
        const list = postings.get(term);
        if (list) list.push(index);
        else postings.set(term, [index]);
      }
    });
    const queries = queriesToRank();
    const inputs = queries.map((q) => {
      const queryTerms = [...new Set(after.terms(q))];
      const df = new Map(queryTerms.map((t) => [t, postings.get(t)?.length ?? 0] as const));
      const held = new Map<number, number>();
      for (const term of queryTerms) for (const index of postings.get(term) ?? []) held.set(index, (held.get(index) ?? 0) + after.idf(df.get(term)!, pairs.length));
      const candidates = [...held]
        .sort((a, b) => b[1] - a[1] || a[0] - b[0])
        .slice(0, CANDIDATES)
        .map(([index]) => pairs[index]);
      return { q, candidates, df: new Map([...df].filter(([, n]) => n > 0)) };
    });
    console.error(`rerank-cpu: ${inputs.length} queries, ${inputs.reduce((n, i) => n + i.candidates.length, 0)} candidates`);

    let mismatches = 0;
    for (const input of inputs) {
      const a = before.rerank(input.candidates, input.q, input.df, pairs.length).map((c) => c.id);
      const b = after.rerank(input.candidates, input.q, input.df, pairs.length).map((c) => c.id);
      if (a.join(" ") !== b.join(" ")) {
        mismatches++;
        console.error(`DIFFERENT ORDER: ${input.q}`);
      }
    }
    const time = (rerank: Rerank) => {
      const start = process.cpuUsage();
      for (const input of inputs) rerank(input.candidates, input.q, input.df, pairs.length);
      const used = process.cpuUsage(start);
      return (used.user + used.system) / 1000 / inputs.length;
    };
    time(before.rerank); // warm-up, both
    time(after.rerank);
    const runs: { before: number; after: number }[] = [];
    for (let r = 0; r < rounds; r++) {
      const order = r % 2 === 0 ? ["before", "after"] : ["after", "before"];
      const run = { before: 0, after: 0 };
      for (const which of order) run[which as "before" | "after"] = time(which === "before" ? before.rerank : after.rerank);
      runs.push(run);
    }
    const median = (xs: number[]) => [...xs].sort((x, y) => x - y)[Math.floor(xs.length / 2)];
    const summary = {
      ref,
      queries: inputs.length,
      candidatesPerQuery: CANDIDATES,
      rounds,
      msPerQuery: { before: median(runs.map((r) => r.before)), after: median(runs.map((r) => r.after)) },
      ratio: median(runs.map((r) => r.after / r.before)),
      identicalOrders: inputs.length - mismatches,
      runs,
    };
    console.log("| round | before ms/query | after ms/query | after/before |\n|---|---|---|---|");
    runs.forEach((r, i) => console.log(`| ${i + 1} | ${r.before.toFixed(2)} | ${r.after.toFixed(2)} | ${(r.after / r.before).toFixed(3)} |`));
    console.log(`| median | ${summary.msPerQuery.before.toFixed(2)} | ${summary.msPerQuery.after.toFixed(2)} | ${summary.ratio.toFixed(3)} |`);
    console.log(`identical orders: ${summary.identicalOrders}/${inputs.length}`);
    const out = option("--out") ?? path.join(repoRoot, "bench/results/rerank-cpu.json");
    writeFileSync(out, `${JSON.stringify(summary, null, 2)}\n`);
    if (mismatches) process.exitCode = 1;
  } finally {
    before.cleanup();
  }
}

await main();
