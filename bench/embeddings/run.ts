import { readFileSync } from "node:fs";
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { gunzipSync } from "node:zlib";
import { archiveEmbedder, questionForEmbedding, type Embedder } from "@/lib/embeddings/embedder";
import { withIndex } from "@/lib/embeddings/embed";
import { loadSentenceEncoder, mostlyHan, packagedEncoderPath } from "@/lib/embeddings/sentence-encoder";
import { trainEmbeddings } from "@/lib/embeddings/train";
import { distillEmbeddings } from "@/lib/embeddings/distill";
import { readModelFile } from "@/lib/embeddings/model-file";
import { CORPUS_FILES, repoRoot } from "../corpus-files";
import { readGold } from "../relevance/gold";

// `npm run bench:embeddings` (as `flock /tmp/pressroom-bench.lock taskset -c 0 npm run bench:embeddings`):
// what the hybrid mode's embedder costs, in this process, on real text:
//   query     every gold query (bench/relevance), embedded one at a time, 3 rounds: p50/p95 wall
//             time and CPU time (CPU is what a second busy tenant cannot inflate)
//   indexing  SAMPLE corpus questions (spread over the five files) as the indexer embeds them:
//             first 40 words, batches of 32; pairs/s, extrapolated to the whole corpus
//   memory    RSS before and after loading the model
// Baseline in the same run: the archive-trained word vectors (lib/embeddings/train.ts) trained
// on the sample, same queries and texts. Also the static table distilled from use-lite
// (lib/embeddings/distill.ts): the file EMBEDDING_STATIC_TABLE names (as `npm run
// embeddings:distill` or bench/relevance/static-table.ts wrote it), else one distilled here from
// the sample's words; its RSS is measured around loading it.

const SAMPLE = Number(process.env.EMBEDDING_SAMPLE ?? 1024);
const log = (line: string) => console.error(`embeddings: ${line}`);
const mb = (bytes: number) => Math.round(bytes / 1e6);

function corpusQuestions(): string[] {
  const all: string[] = [];
  for (const file of CORPUS_FILES) {
    const raw = readFileSync(file);
    const text = (file.endsWith(".gz") ? gunzipSync(raw) : raw).toString("utf8");
    for (const line of text.split("\n")) if (line.trim()) all.push((JSON.parse(line) as { question: string }).question);
  }
  return all;
}

const percentile = (values: number[], p: number) => [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor(values.length * p))];

async function measure(name: string, embedder: Embedder, queries: string[], sample: string[], englishShare: number, total: number) {
  const wall: number[] = [];
  const cpu: number[] = [];
  for (let round = 0; round < 3; round++) {
    for (const q of queries) {
      const c0 = process.cpuUsage();
      const t0 = performance.now();
      await embedder.embed([q]);
      wall.push(performance.now() - t0);
      const c = process.cpuUsage(c0);
      cpu.push((c.user + c.system) / 1000);
    }
  }
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  for (let i = 0; i < sample.length; i += 32) await embedder.embed(sample.slice(i, i + 32));
  const seconds = (performance.now() - t0) / 1000;
  const c = process.cpuUsage(c0);
  const cpuSeconds = (c.user + c.system) / 1e6;
  const row = {
    name,
    queryWallP50: percentile(wall, 0.5),
    queryWallP95: percentile(wall, 0.95),
    queryCpuP50: percentile(cpu, 0.5),
    queryCpuP95: percentile(cpu, 0.95),
    pairsPerSecondWall: sample.length / seconds,
    pairsPerSecondCpu: sample.length / cpuSeconds,
    // Chinese questions are not embedded by the English encoder (null vector): only the English share costs.
    corpusMinutesWall: (total * englishShare) / (sample.length / seconds) / 60,
    corpusMinutesCpu: (total * englishShare) / (sample.length / cpuSeconds) / 60,
  };
  log(`${name}: ${JSON.stringify(row)}`);
  return row;
}

async function main() {
  const questions = corpusQuestions();
  const english = questions.filter((q) => !mostlyHan(q));
  const step = Math.max(1, Math.floor(english.length / SAMPLE));
  const sample = english
    .filter((_, i) => i % step === 0)
    .slice(0, SAMPLE)
    .map((q) => questionForEmbedding(q));
  const queries = readGold().map((g) => g.q);
  const englishShare = english.length / questions.length;
  log(`${questions.length} corpus questions (${english.length} English), sample ${sample.length}, ${queries.length} queries`);

  const rssBefore = process.memoryUsage().rss;
  let t0 = performance.now();
  const encoder = await loadSentenceEncoder(packagedEncoderPath());
  const loadSeconds = (performance.now() - t0) / 1000;
  const rssLoaded = process.memoryUsage().rss;
  const encoderRow = await measure("sentence encoder (use-lite)", encoder, queries, sample, englishShare, questions.length);
  const rssAfter = process.memoryUsage().rss;

  t0 = performance.now();
  const archive = archiveEmbedder(withIndex(trainEmbeddings(sample, { dims: 128, minCount: 2 })), "archive vectors trained on the sample", "archive:sample");
  log(`trained the baseline on the sample in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  const archiveRow = await measure("archive word vectors (baseline)", archive, queries, sample, 1, questions.length);

  const tableFile = process.env.EMBEDDING_STATIC_TABLE;
  global.gc?.();
  const rssBeforeTable = process.memoryUsage().rss;
  t0 = performance.now();
  const table = tableFile
    ? await readModelFile(tableFile)
    : { ...withIndex(await distillEmbeddings(sample, (batch) => encoder.embed(batch), { minCount: 1 })), id: "static:sample" };
  const tableSeconds = (performance.now() - t0) / 1000;
  global.gc?.();
  const rssTable = process.memoryUsage().rss;
  const staticName = `static table (${table.words.length} words × ${table.dims}${tableFile ? "" : ", distilled from the sample"})`;
  log(`${tableFile ? `read ${tableFile}` : "distilled a table from the sample"} in ${tableSeconds.toFixed(1)} s`);
  const staticRow = await measure(staticName, archiveEmbedder(table, staticName, table.id), queries, sample, 1, questions.length);

  const memory = {
    rssBeforeMb: mb(rssBefore),
    rssLoadedMb: mb(rssLoaded),
    rssAfterUseMb: mb(rssAfter),
    loadSeconds,
    staticTable: { file: tableFile ?? null, rssBeforeMb: mb(rssBeforeTable), rssLoadedMb: mb(rssTable), loadSeconds: tableSeconds },
  };
  const rows = [encoderRow, archiveRow, staticRow];
  console.log(`\nEmbedding cost (${new Date().toISOString()}, ${sample.length} sampled questions, ${queries.length} gold queries × 3)\n`);
  console.log("| embedder | query p50 / p95 wall ms | query p50 / p95 CPU ms | indexing pairs/s wall | pairs/s CPU | 71k corpus min (wall / CPU) |");
  console.log("|---|---|---|---|---|---|");
  for (const r of rows)
    console.log(
      `| ${r.name} | ${r.queryWallP50.toFixed(2)} / ${r.queryWallP95.toFixed(2)} | ${r.queryCpuP50.toFixed(2)} / ${r.queryCpuP95.toFixed(2)} | ${r.pairsPerSecondWall.toFixed(1)} | ${r.pairsPerSecondCpu.toFixed(1)} | ${r.corpusMinutesWall.toFixed(1)} / ${r.corpusMinutesCpu.toFixed(1)} |`,
    );
  console.log(`\nRSS: ${memory.rssBeforeMb} MB before loading, ${memory.rssLoadedMb} MB loaded (${memory.loadSeconds.toFixed(1)} s), ${memory.rssAfterUseMb} MB after use`);
  console.log(`Static table: RSS ${memory.staticTable.rssBeforeMb} MB before, ${memory.staticTable.rssLoadedMb} MB after loading it (${tableSeconds.toFixed(1)} s)`);
  const out = path.join(repoRoot, "bench", "results", "embeddings.json");
  await mkdir(path.dirname(out), { recursive: true });
  await writeFile(out, `${JSON.stringify({ at: new Date().toISOString(), sample: sample.length, queries: queries.length, memory, rows }, null, 2)}\n`);
  log(`saved ${out}`);
}

await main();
