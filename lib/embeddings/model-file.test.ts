import { mkdtemp, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { embedText } from "./embed";
import { EmbeddingModelError, decodeModel, encodeModel, readModelFile, writeModelFile } from "./model-file";
import { trainEmbeddings } from "./train";

const texts = Array.from({ length: 60 }, (_, i) => (i % 2 ? "tariffs on steel exports and customs duties" : "vaccine doses for hospital patients and nurses"));
const model = trainEmbeddings(texts, { dims: 4, minCount: 1, oversample: 2 });
const dir = mkdtemp(path.join(os.tmpdir(), "pressroom-embeddings-"));
afterAll(async () => rm(await dir, { recursive: true, force: true }));

describe("embedding model file", () => {
  it("round-trips: the loaded model embeds exactly like the trained one", async () => {
    const file = await writeModelFile(model, texts.length, path.join(await dir, "model.bin"));
    const loaded = await readModelFile(file);
    expect(loaded.header.pairs).toBe(60);
    expect(loaded.words).toEqual(model.words);
    expect([...embedText(loaded, "steel customs")!]).toEqual([...embedText({ ...model, index: loaded.index }, "steel customs")!]);
  });

  it("keeps a table's center, and the loaded model subtracts it like the one written", async () => {
    const center = Float32Array.from({ length: 4 }, (_, d) => 0.1 * (d + 1));
    const file = await writeModelFile({ ...model, center }, texts.length, path.join(await dir, "centred.bin"), "encoder:test");
    const loaded = await readModelFile(file);
    expect(Array.from(loaded.center!)).toEqual(Array.from(center));
    const written = embedText({ ...model, center, index: loaded.index }, "steel customs")!;
    expect([...embedText(loaded, "steel customs")!]).toEqual([...written]);
    expect([...written]).not.toEqual([...embedText({ ...model, index: loaded.index }, "steel customs")!]);
    const wrongWidth = encodeModel({ ...model, center: new Float32Array(3) }, 1);
    expect(() => decodeModel(wrongWidth, "wide.bin")).toThrow(/wide\.bin is unusable \(center has 3 numbers, not 4\)/);
  });

  it("refuses a missing, foreign, truncated or corrupt file, naming the path", async () => {
    const missing = path.join(await dir, "none.bin");
    await expect(readModelFile(missing)).rejects.toThrow(missing);
    const foreign = path.join(await dir, "foreign.bin");
    await writeFile(foreign, "hello");
    await expect(readModelFile(foreign)).rejects.toThrow(/foreign\.bin is unusable \(not a Pressroom embedding model\)/);
    const bytes = encodeModel(model, 1);
    expect(() => decodeModel(bytes.subarray(0, bytes.length - 4), "cut.bin")).toThrow(/cut\.bin is unusable \(expected/);
    const corrupt = Buffer.from(bytes);
    corrupt.writeFloatLE(Number.NaN, corrupt.length - 4);
    expect(() => decodeModel(corrupt, "nan.bin")).toThrow(EmbeddingModelError);
  });
});
