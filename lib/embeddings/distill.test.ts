import { beforeAll, describe, expect, it } from "vitest";
import { distillEmbeddings, meanTextVector, principalProjection } from "./distill";
import { cosine, embedText, withIndex } from "./embed";
import type { Embedder } from "./embedder";
import { loadSentenceEncoder, packagedEncoderPath } from "./sentence-encoder";

// Distillation from the real packaged encoder over a small archive: each word's row is the
// encoder's vector of that word, frequent words weigh less, a text embeds as the weighted mean
// of its words, and words the encoder relates stay related in the table.

const ARCHIVE = [
  "Will the vaccine doses reach the states this week?",
  "The vaccine rollout and immunization of teachers",
  "What about the steel tariffs on imports from Canada?",
  "Tariffs on steel and aluminum imports",
  "Is the inspector's report on the bridge collapse public?",
  "The bridge inspection report and the collapse",
  "外交部 发言人 表示",
];

let encoder: Embedder;
beforeAll(async () => {
  encoder = await loadSentenceEncoder(packagedEncoderPath());
}, 60_000);

const encode = (texts: string[]) => encoder.embed(texts);

describe("distillEmbeddings", () => {
  it("gives each archive word the encoder's own vector of it, leaving out words the encoder cannot read", async () => {
    const model = await distillEmbeddings(ARCHIVE, encode, { minCount: 1 });
    expect(model.dims).toBe(512);
    expect(model.words).toContain("vaccine");
    expect(model.words).not.toContain("外交部");
    expect(model.words.length).toBe(model.weights.length);
    expect(model.vectors.length).toBe(model.words.length * 512);
    const row = model.words.indexOf("tariffs");
    const [expected] = await encoder.embed(["tariffs"]);
    expect(Array.from(model.vectors.subarray(row * 512, row * 512 + 8))).toEqual(Array.from(expected!.subarray(0, 8)));
    // "the" is in five texts, "aluminum" in one: the common word counts for less.
    expect(model.weights[model.words.indexOf("the")]).toBeLessThan(model.weights[model.words.indexOf("aluminum")]);
  }, 60_000);

  it("keeps the most frequent words the encoder can read, however many Chinese words are commoner", async () => {
    const chinese = Array.from({ length: 5 }, () => "外交部 发言人 表示 美国 关税");
    const model = await distillEmbeddings([...chinese, ...ARCHIVE], encode, { minCount: 1, maxWords: 3, batch: 2 });
    expect(model.words).toEqual(["the", "and", "on"]);
  }, 60_000);

  it("embeds a text as the weighted mean of its words, close to texts on the same subject", async () => {
    const model = withIndex(await distillEmbeddings(ARCHIVE, encode, { minCount: 1, centre: 0 }));
    const shots = embedText(model, "immunization of teachers and vaccine doses")!;
    const vaccines = embedText(model, ARCHIVE[0])!;
    const steel = embedText(model, ARCHIVE[2])!;
    const bridge = embedText(model, ARCHIVE[4])!;
    expect(cosine(shots, vaccines)).toBeGreaterThan(cosine(shots, steel));
    expect(cosine(shots, vaccines)).toBeGreaterThan(cosine(shots, bridge));
    const alone = embedText(model, "tariffs")!;
    const [expected] = await encoder.embed(["tariffs"]);
    expect(cosine(alone, expected!)).toBeCloseTo(1, 5);
    expect(embedText(model, "zyxwv qqq")).toBeNull();
  }, 60_000);

  it("takes most of the archive's mean out of every text vector: texts spread apart, related ones stay closest", async () => {
    const raw = await distillEmbeddings(ARCHIVE, encode, { minCount: 1, centre: 0 });
    const centred = await distillEmbeddings(ARCHIVE, encode, { minCount: 1, centre: 0.8 });
    expect(raw.center).toBeUndefined();
    const mean = meanTextVector(raw, ARCHIVE);
    expect(Array.from(centred.center!.subarray(0, 8))).toEqual(Array.from(mean.subarray(0, 8), (v) => Math.fround(v * 0.8)));
    const english = ARCHIVE.slice(0, 6);
    const meanPairCosine = (model: typeof raw) => {
      const vectors = english.map((text) => embedText(withIndex(model), text)!);
      let sum = 0;
      for (let a = 0; a < vectors.length; a++) for (let b = a + 1; b < vectors.length; b++) sum += cosine(vectors[a], vectors[b]);
      return sum / ((vectors.length * (vectors.length - 1)) / 2);
    };
    expect(meanPairCosine(centred)).toBeLessThan(meanPairCosine(raw) - 0.2);
    const model = withIndex(centred);
    const shots = embedText(model, "immunization of teachers and vaccine doses")!;
    expect(cosine(shots, shots)).toBeCloseTo(1, 5);
    expect(cosine(shots, embedText(model, ARCHIVE[1])!)).toBeGreaterThan(cosine(shots, embedText(model, ARCHIVE[3])!));
    expect(cosine(shots, embedText(model, ARCHIVE[1])!)).toBeGreaterThan(cosine(shots, embedText(model, ARCHIVE[5])!));
  }, 60_000);

  it("is deterministic and reduces dimensions by PCA when asked", async () => {
    const [a, b] = [await distillEmbeddings(ARCHIVE, encode, { minCount: 1, dims: 8 }), await distillEmbeddings(ARCHIVE, encode, { minCount: 1, dims: 8 })];
    expect(a.dims).toBe(8);
    expect(a.vectors.length).toBe(a.words.length * 8);
    expect(Array.from(a.vectors)).toEqual(Array.from(b.vectors));
    expect(a.words).toEqual(b.words);
  }, 60_000);
});

describe("principalProjection", () => {
  it("keeps the directions of largest variance, centred, with a fixed sign", () => {
    // Points spread along (1, 1, 0) a lot, along (1, -1, 0) a little, constant in z.
    const rows = [-2, -1, 0, 1, 2].flatMap((t) => [-0.1, 0.1].map((s) => Float32Array.from([t + s, t - s, 5])));
    const projected = principalProjection(rows, 2);
    expect(projected.length).toBe(rows.length * 2);
    for (let i = 0; i < rows.length; i++) {
      const along = (rows[i][0] + rows[i][1]) / Math.SQRT2;
      expect(projected[i * 2]).toBeCloseTo(along, 4);
      expect(Math.abs(projected[i * 2 + 1])).toBeCloseTo(Math.abs((rows[i][0] - rows[i][1]) / Math.SQRT2), 4);
    }
  });
});
