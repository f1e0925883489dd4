import { describe, expect, it } from "vitest";
import { cosine, embedText, withIndex } from "./embed";
import { symmetricEigen } from "./linear-algebra";
import { embeddingTokens } from "./tokens";
import { trainEmbeddings } from "./train";

// A tiny synthetic archive with two topics that never share content words: words of one
// topic must end up closer to each other than to the other topic's, and so must texts.
function syntheticCorpus(): string[] {
  const health = ["vaccine", "hospital", "doctors", "patients", "virus", "infection", "nurses", "clinic"];
  const trade = ["tariffs", "exports", "imports", "customs", "goods", "steel", "duties", "market"];
  const filler = ["the", "we", "and"];
  const texts: string[] = [];
  let seed = 7;
  const pick = <T>(list: T[]) => {
    seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
    return list[Math.floor(seed / 65_536) % list.length];
  };
  for (let i = 0; i < 400; i++) {
    const topic = i % 2 === 0 ? health : trade;
    texts.push(Array.from({ length: 30 }, (_, k) => (k % 3 === 0 ? pick(filler) : pick(topic))).join(" "));
  }
  return texts;
}

describe("embedding tokens", () => {
  it("lowercases words, drops possessives and digits, splits Chinese into bigrams", () => {
    expect(embeddingTokens("The Minister's 2024 plan")).toEqual(["the", "minister", "plan"]);
    expect(embeddingTokens("新冠疫情 和")).toEqual(["新冠", "冠疫", "疫情", "和"]);
  });
});

describe("symmetric eigendecomposition", () => {
  it("finds the eigenvalues of a small symmetric matrix", () => {
    const { values } = symmetricEigen(Float64Array.from([2, 1, 0, 1, 2, 0, 0, 0, 5]), 3);
    expect([...values].sort((a, b) => a - b).map((v) => Math.round(v * 1e6) / 1e6)).toEqual([1, 3, 5]);
  });
});

describe("trainEmbeddings", () => {
  const model = withIndex(trainEmbeddings(syntheticCorpus(), { dims: 8, minCount: 2, oversample: 4 }));
  const word = (w: string) => {
    const row = model.index.get(w)!;
    return model.vectors.slice(row * model.dims, (row + 1) * model.dims);
  };

  it("puts words of the same topic closer than words of different topics", () => {
    expect(cosine(word("vaccine"), word("hospital"))).toBeGreaterThan(cosine(word("vaccine"), word("tariffs")) + 0.2);
    expect(cosine(word("exports"), word("customs"))).toBeGreaterThan(cosine(word("exports"), word("nurses")) + 0.2);
  });

  it("embeds texts that share no word but share a topic close together", () => {
    const a = embedText(model, "the vaccine for patients")!;
    const b = embedText(model, "doctors at the clinic")!;
    const c = embedText(model, "steel tariffs")!;
    expect(cosine(a, b)).toBeGreaterThan(cosine(a, c));
    expect(Math.hypot(...a)).toBeCloseTo(1, 5);
  });

  it("returns null for a text with no known word, and weighs frequent words less", () => {
    expect(embedText(model, "zebra quantum")).toBeNull();
    expect(model.weights[model.index.get("the")!]).toBeLessThan(model.weights[model.index.get("vaccine")!]);
  });
});
