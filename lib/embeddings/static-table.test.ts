import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { distillEmbeddings } from "./distill";
import { cosine } from "./embed";
import { writeModelFile } from "./model-file";
import { activeEmbedder, embeddingModelPath, resetEmbedder } from "./runtime";
import { loadSentenceEncoder, packagedEncoderPath } from "./sentence-encoder";

// PRESSROOM_EMBEDDING_MODEL=static: the distilled table in the data directory, loaded as the
// process's embedder, and a clear error naming the file when it is missing or corrupt.

const dir = mkdtemp(path.join(os.tmpdir(), "pressroom-static-"));
afterAll(async () => rm(await dir, { recursive: true, force: true }));
Object.assign(process.env, { DATABASE_URL: "postgres://x@127.0.0.1/x", MEILI_HOST: "http://127.0.0.1:7700" });

describe("the static table as the active embedder", () => {
  beforeEach(async () => {
    resetEmbedder();
    Object.assign(process.env, { PRESSROOM_SEARCH_MODE: "hybrid", PRESSROOM_EMBEDDING_MODEL: "static", PRESSROOM_DATA_DIR: await dir });
  });

  it("is read from the data directory", async () => {
    expect(embeddingModelPath()).toBe(path.join(await dir, "embeddings-static.bin"));
  });

  it("fails naming the path and the distil command when the table is missing", async () => {
    const file = path.join(await dir, "embeddings-static.bin");
    await expect(activeEmbedder()).rejects.toThrow(`The embedding model at ${file} cannot be read (ENOENT). Run \`npm run embeddings:distill\``);
  });

  it("loads a distilled table, embeds with it in microseconds, and refuses the same file truncated", async () => {
    const file = path.join(await dir, "embeddings-static.bin");
    const encoder = await loadSentenceEncoder(packagedEncoderPath());
    const texts = ["vaccine doses for the states", "steel tariffs on imports", "the bridge inspection report"];
    await writeModelFile(await distillEmbeddings(texts, (batch) => encoder.embed(batch), { minCount: 1 }), texts.length, file, encoder.id);

    const model = (await activeEmbedder())!;
    expect(model.description).toContain(`static word table ${file}`);
    expect(model.description).toContain(`distilled from ${encoder.id}`);
    expect(model.id).toMatch(/^static:[0-9a-f]{32}$/);
    expect(model.dims).toBe(512);
    const started = performance.now();
    const [query, vaccines, steel, unknown] = await model.embed(["vaccine doses", texts[0], texts[1], "zyxwv"]);
    expect(performance.now() - started).toBeLessThan(50);
    expect(unknown).toBeNull();
    expect(cosine(query!, vaccines!)).toBeGreaterThan(cosine(query!, steel!));

    resetEmbedder();
    const bytes = await readFile(file);
    await writeFile(file, bytes.subarray(0, bytes.length - 10));
    await expect(activeEmbedder()).rejects.toThrow(`The embedding model at ${file} is unusable (expected`);
    await expect(activeEmbedder()).rejects.toThrow("npm run embeddings:distill");
  }, 60_000);
});
