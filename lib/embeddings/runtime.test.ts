import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
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

  it("tells how to remake a corrupt table by what its header says it is, also when chosen by path", async () => {
    const vectors = trainEmbeddings(["steel tariffs and exports", "vaccine for patients"], { dims: 2, minCount: 1, oversample: 1 });
    const distilled = path.join(await dir, "elsewhere-static.bin");
    const trained = path.join(await dir, "elsewhere-trained.bin");
    await writeModelFile(vectors, 2, distilled, "encoder:0123");
    await writeModelFile(vectors, 2, trained);
    for (const file of [distilled, trained]) {
      const bytes = await readFile(file);
      await writeFile(file, bytes.subarray(0, bytes.length - 4));
    }
    Object.assign(process.env, { PRESSROOM_SEARCH_MODE: "hybrid", PRESSROOM_EMBEDDING_MODEL: distilled });
    const error = await activeEmbedder().catch((e: Error) => e);
    expect(String(error)).toContain(`The embedding model at ${distilled} is unusable (expected`);
    expect(String(error)).toContain("npm run embeddings:distill");
    expect(String(error)).not.toContain("search:train-embeddings");
    resetEmbedder();
    process.env.PRESSROOM_EMBEDDING_MODEL = trained;
    await expect(activeEmbedder()).rejects.toThrow(/bytes of numbers, found \d+\)\. Run `npm run search:train-embeddings`/);
  });

  it("gives a centred static table its own fusion weight and its raw vectors, a raw one and archive vectors neither", async () => {
    const vectors = trainEmbeddings(["steel tariffs and exports", "vaccine for patients"], { dims: 2, minCount: 1, oversample: 1 });
    const centred = path.join(await dir, "centred-static.bin");
    const raw = path.join(await dir, "raw-static.bin");
    await writeModelFile({ ...vectors, center: Float32Array.from([0.1, 0.2]) }, 2, centred, "encoder:0123");
    await writeModelFile(vectors, 2, raw, "encoder:0123");
    Object.assign(process.env, { PRESSROOM_SEARCH_MODE: "hybrid", PRESSROOM_EMBEDDING_MODEL: centred });
    const model = await activeEmbedder();
    expect(model?.fusion).toBe(1);
    expect(model?.minQueryWords).toBe(11);
    // Its raw vectors, for exact re-scoring (lib/search/exact-semantic.ts): the same words without the centre.
    const [text] = ["steel tariffs and exports"];
    const [centredVector] = await model!.embed([text]);
    const [rawVector] = (await model!.uncentred?.embed([text])) ?? [];
    expect(rawVector).toBeInstanceOf(Float32Array);
    expect(Array.from(rawVector!)).not.toEqual(Array.from(centredVector!));
    expect(model!.uncentred?.id).not.toBe(model!.id);
    resetEmbedder();
    process.env.PRESSROOM_EMBEDDING_MODEL = raw;
    expect((await activeEmbedder())?.fusion).toBeUndefined();
    expect((await activeEmbedder())?.uncentred).toBeUndefined();
    // The raw table's vector is what the centred one's uncentred model gives.
    expect(Array.from((await (await activeEmbedder())!.embed([text]))[0]!)).toEqual(Array.from(rawVector!));
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
