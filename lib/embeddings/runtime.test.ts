import { mkdtemp, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { writeModelFile } from "./model-file";
import { activeEmbedder, embeddingModelPath, resetEmbedder, searchModeReport } from "./runtime";
import { packagedEncoderPath } from "./sentence-encoder";
import { trainEmbeddings } from "./train";

const dir = mkdtemp(path.join(os.tmpdir(), "pressroom-embedder-"));
afterAll(async () => rm(await dir, { recursive: true, force: true }));
Object.assign(process.env, { DATABASE_URL: "postgres://x@127.0.0.1/x", MEILI_HOST: "http://127.0.0.1:7700" });

describe("activeEmbedder", () => {
  beforeEach(() => resetEmbedder());

  it("fails naming the model path in hybrid mode when the archive file is missing", async () => {
    const file = path.join(await dir, "missing.bin");
    Object.assign(process.env, { PRESSROOM_SEARCH_MODE: "hybrid", PRESSROOM_EMBEDDING_MODEL: file });
    await expect(activeEmbedder()).rejects.toThrow(`The embedding model at ${file} cannot be read (ENOENT)`);
  });

  it("fails naming the path when a sentence encoder's model.json is missing or corrupt", async () => {
    const folder = await dir;
    const file = path.join(folder, "model.json");
    await writeFile(path.join(folder, "vocab.json"), JSON.stringify(Array.from({ length: 20 }, (_, i) => [`w${i}`, -i])));
    Object.assign(process.env, { PRESSROOM_SEARCH_MODE: "hybrid", PRESSROOM_EMBEDDING_MODEL: file });
    await expect(activeEmbedder()).rejects.toThrow(`The embedding model at ${file} cannot be used (ENOENT)`);
    resetEmbedder();
    await writeFile(file, "{ not json");
    await expect(activeEmbedder()).rejects.toThrow(`The embedding model at ${file} cannot be used`);
  });

  it("loads the archive-trained model when PRESSROOM_EMBEDDING_MODEL names a .bin file", async () => {
    const file = path.join(await dir, "model.bin");
    await writeModelFile(trainEmbeddings(["steel tariffs and exports", "vaccine for patients"], { dims: 2, minCount: 1, oversample: 1 }), 2, file);
    Object.assign(process.env, { PRESSROOM_SEARCH_MODE: "hybrid", PRESSROOM_EMBEDDING_MODEL: file });
    const model = await activeEmbedder();
    expect(model?.dims).toBe(2);
    expect(model?.description).toContain(file);
  });

  it("chooses the packaged sentence encoder by default", () => {
    delete process.env.PRESSROOM_EMBEDDING_MODEL;
    expect(embeddingModelPath()).toBe(packagedEncoderPath());
    expect(embeddingModelPath("use-lite")).toMatch(/@energetic-ai\/model-embeddings-en\/dist\/model\.json$/);
  });

  it("reports the mode and the model's path for /api/health without loading it", () => {
    Object.assign(process.env, { PRESSROOM_EMBEDDING_MODEL: "/nowhere/model.json" });
    expect(searchModeReport()).toEqual({ mode: "hybrid", model: "/nowhere/model.json" });
  });
});
