import { mkdtempSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { textForEmbedding } from "./embedder";
import { encoderId } from "./sentence-encoder";
import { bytesVector, textHash, vectorBytes } from "./stored-vectors";

describe("stored vectors' keys and bytes", () => {
  it("gives back exactly the float32 vector that was stored", () => {
    const vector = Float32Array.from([0.1, -0.25, 1 / 3, 0, -1e-7, 0.999]);
    const bytes = vectorBytes(vector);
    expect(bytes).toHaveLength(24);
    expect(Array.from(bytesVector(new Uint8Array(bytes), 6)!)).toEqual(Array.from(vector));
    // A vector read from a Buffer slice at an odd offset (how a driver may hand bytea back).
    const shifted = Buffer.concat([Buffer.from([7]), bytes]).subarray(1);
    expect(Array.from(bytesVector(shifted, 6)!)).toEqual(Array.from(vector));
  });

  it("reads no bytes as 'nothing to say' and another shape as unusable", () => {
    expect(bytesVector(new Uint8Array(0), 512)).toBeNull();
    expect(bytesVector(new Uint8Array(vectorBytes(new Float32Array(4))), 512)).toBeUndefined();
  });

  it("hashes the exact text: a changed question is another key", () => {
    expect(textHash("Will the plant open?")).toHaveLength(32);
    expect(textHash("Will the plant open?").equals(textHash("Will the plant open?"))).toBe(true);
    expect(textHash("Will the plant open?").equals(textHash("Will the plant open ?"))).toBe(false);
  });

  it("names the encoder by its files: another shard or vocabulary is another model", () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), "encoder-id-"));
    const modelJson = path.join(dir, "model.json");
    const vocab = path.join(dir, "vocab.json");
    writeFileSync(modelJson, JSON.stringify({ weightsManifest: [{ paths: ["group1-shard1of1.bin"] }] }));
    writeFileSync(path.join(dir, "group1-shard1of1.bin"), Buffer.from([1, 2, 3]));
    writeFileSync(vocab, "[]");
    const first = encoderId(modelJson, vocab);
    expect(first).toMatch(/^encoder:[0-9a-f]{32}$/);
    expect(encoderId(modelJson, vocab)).toBe(first);
    writeFileSync(path.join(dir, "group1-shard1of1.bin"), Buffer.from([1, 2, 4]));
    const retrained = encoderId(modelJson, vocab);
    expect(retrained).not.toBe(first);
    writeFileSync(vocab, '[["a", 0]]');
    expect(encoderId(modelJson, vocab)).not.toBe(retrained);
  });
});

describe("the text a pair's vector is made of", () => {
  const long = Array.from({ length: 50 }, (_, i) => `w${i}`).join(" ");
  it("is the question's first 40 words, then the answer's first 30 when asked", () => {
    expect(textForEmbedding("  Will the plant open?  ")).toBe("Will the plant open?");
    expect(textForEmbedding(long).split(" ")).toHaveLength(40);
    const withAnswer = textForEmbedding("Will the plant open?", long);
    expect(withAnswer.split("\n")).toEqual(["Will the plant open?", long.split(" ").slice(0, 30).join(" ")]);
    expect(textForEmbedding("Will the plant open?", "   ")).toBe("Will the plant open?");
  });
});
