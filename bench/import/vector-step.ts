import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { CORPUS_FILES, repoRoot } from "../corpus-files";

// `npm run bench:import-vectors -- --table=FILE`: where the hybrid import's vector step spends its
// time, on every question of the corpus, in this process (no Meilisearch): embedding the texts,
// hashing them, the stored-vectors cache's Postgres round trips (storedEmbed: first run writes,
// second run reads), and the JSON the documents carry to Meilisearch. Each step is timed on its
// own, in import-sized batches, so a change to one of them shows against the others in the same
// run. Memory-only/CPU figures: run it niced, without the bench lock.

const args = process.argv.slice(2);
const table = args.find((a) => a.startsWith("--table="))?.split("=")[1];
const BATCH = 2_000;

async function questions(): Promise<string[]> {
  const { openCorpusFile } = await import("@/lib/corpus/reader");
  const { parseCorpusLine } = await import("@/lib/corpus/record");
  const { mapCorpusRecord } = await import("@/lib/corpus/mapping");
  const texts: string[] = [];
  for (const file of CORPUS_FILES) {
    const reader = await openCorpusFile(file);
    for await (const { text } of reader.lines()) {
      const parsed = text.trim() ? parseCorpusLine(text) : null;
      if (!parsed?.ok) continue;
      const pair = mapCorpusRecord(parsed.record);
      texts.push(
        pair.turns
          .filter((t) => t.role === "JOURNALIST")
          .map((t) => t.text)
          .join("\n\n"),
      );
    }
    reader.close();
  }
  return texts;
}

async function main() {
  if (!table) throw new Error("--table=FILE (a distilled static table) is required");
  const { loadEmbeddingModel } = await import("@/lib/embeddings/runtime");
  const { questionForEmbedding } = await import("@/lib/embeddings/embedder");
  const { textHash, storedEmbed } = await import("@/lib/embeddings/stored-vectors");
  const { indexedVector } = await import("@/lib/search/documents");
  const model = await loadEmbeddingModel(table);
  const texts = (await questions()).map((q) => (q ? questionForEmbedding(q) : ""));
  const batches: string[][] = [];
  for (let at = 0; at < texts.length; at += BATCH) batches.push(texts.slice(at, at + BATCH));
  console.error(`vector-step: ${texts.length} questions, ${batches.length} batches of ${BATCH}`);

  const timed = async <T>(label: string, work: () => Promise<T> | T) => {
    const started = performance.now();
    const value = await work();
    const ms = performance.now() - started;
    console.error(`vector-step: ${label} ${(ms / 1000).toFixed(2)} s`);
    return { ms, value };
  };
  const embedding = await timed("embed", async () => {
    const out: (Float32Array | null)[] = [];
    for (const batch of batches) out.push(...(await model.embed(batch)));
    return out;
  });
  const hashing = await timed("hash", () => texts.forEach((t) => t && textHash(t)));
  const vectors = embedding.value;
  const json = await timed("json", () => {
    let bytes = 0;
    for (const v of vectors) bytes += JSON.stringify({ pressroom: indexedVector(v) }).length;
    return bytes;
  });

  const { startEmbeddedPostgres } = await import("@/lib/dev-services/postgres");
  const { findFreePort } = await import("@/lib/dev-services/ports");
  const { migrate } = await import("@/lib/db/migrator");
  const dir = await mkdtemp(path.join(os.tmpdir(), "pressroom-bench-vectors-"));
  const postgres = await startEmbeddedPostgres({ dataDir: path.join(dir, "pg"), port: await findFreePort(), persistent: false });
  try {
    await migrate(postgres.url);
    // The env check wants a Meilisearch address; nothing here talks to one.
    Object.assign(process.env, { DATABASE_URL: postgres.url, MEILI_HOST: process.env.MEILI_HOST ?? "http://127.0.0.1:1", MEILI_MASTER_KEY: "unused-unused-unused" });
    const run = async () => {
      let reused = 0;
      let computed = 0;
      for (const batch of batches) {
        const result = await storedEmbed(model, batch);
        reused += result.reused;
        computed += result.computed;
      }
      return { reused, computed };
    };
    const first = await timed("storedEmbed, empty cache (embed + write)", run);
    const second = await timed("storedEmbed, full cache (read)", run);
    const result = {
      measuredAt: new Date().toISOString(),
      table,
      questions: texts.length,
      batch: BATCH,
      seconds: {
        embed: embedding.ms / 1000,
        hash: hashing.ms / 1000,
        json: json.ms / 1000,
        storedEmbedFirst: first.ms / 1000,
        storedEmbedWritesOnly: (first.ms - embedding.ms - hashing.ms) / 1000,
        storedEmbedSecond: second.ms / 1000,
      },
      jsonMB: json.value / 1e6,
      first: first.value,
      second: second.value,
    };
    const rows: [string, string][] = [
      ["questions", String(texts.length)],
      ["embed (model only)", `${result.seconds.embed.toFixed(2)} s`],
      ["hash texts", `${result.seconds.hash.toFixed(2)} s`],
      ["storedEmbed, empty cache", `${result.seconds.storedEmbedFirst.toFixed(2)} s (writes ≈ ${result.seconds.storedEmbedWritesOnly.toFixed(2)} s)`],
      ["storedEmbed, full cache", `${result.seconds.storedEmbedSecond.toFixed(2)} s`],
      ["vectors as JSON (indexedVector)", `${result.seconds.json.toFixed(2)} s, ${result.jsonMB.toFixed(0)} MB`],
    ];
    const width = Math.max(...rows.map(([k]) => k.length));
    for (const [key, value] of rows) console.log(`${key.padEnd(width)}  ${value}`);
    const out = path.join(repoRoot, "bench/results/import-vector-step.json");
    await mkdir(path.dirname(out), { recursive: true });
    await writeFile(out, `${JSON.stringify(result, null, 2)}\n`);
    console.log(`saved ${path.relative(repoRoot, out)}`);
  } finally {
    const { db } = await import("@/lib/db/client");
    await db()
      .$disconnect()
      .catch(() => {});
    await postgres.stop();
    await rm(dir, { recursive: true, force: true });
  }
}

await main();
