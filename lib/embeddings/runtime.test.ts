import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { writeModelFile } from "./model-file";
import { activeEmbedder, resetEmbedder } from "./runtime";
import { trainEmbeddings } from "./train";

const dir = mkdtemp(path.join(os.tmpdir(), "pressroom-embedder-"));
afterAll(async () => rm(await dir, { recursive: true, force: true }));
Object.assign(process.env, { DATABASE_URL: "postgres://x@127.0.0.1/x", MEILI_HOST: "http://127.0.0.1:7700" });

describe("activeEmbedder", () => {
  beforeEach(() => resetEmbedder());

  it("fails naming the model path in hybrid mode when the file is missing", async () => {
    const file = path.join(await dir, "missing.bin");
    Object.assign(process.env, { PRESSROOM_SEARCH_MODE: "hybrid", PRESSROOM_EMBEDDING_MODEL: file });
    expect(() => activeEmbedder()).toThrow(`The embedding model at ${file} cannot be read (ENOENT)`);
  });

  it("loads the trained model in hybrid mode", async () => {
    const file = path.join(await dir, "model.bin");
    await writeModelFile(trainEmbeddings(["steel tariffs and exports", "vaccine for patients"], { dims: 2, minCount: 1, oversample: 1 }), 2, file);
    Object.assign(process.env, { PRESSROOM_SEARCH_MODE: "hybrid", PRESSROOM_EMBEDDING_MODEL: file });
    expect(activeEmbedder()?.header.pairs).toBe(2);
  });
});
