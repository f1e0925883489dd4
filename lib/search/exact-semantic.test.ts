import { describe, expect, it } from "vitest";
import type { Embedder } from "@/lib/embeddings/embedder";
import { candidateVectors, cosineOrder, exactSemanticOrder } from "./exact-semantic";

const unit = (...values: number[]) => {
  const norm = Math.hypot(...values);
  return Float32Array.from(values, (v) => v / norm);
};

describe("cosineOrder", () => {
  it("orders candidates by cosine to the query, best first, and leaves out those without a vector", () => {
    const order = cosineOrder(unit(1, 0), [
      { item: "far", vector: unit(0, 1) },
      { item: "none", vector: null },
      { item: "near", vector: unit(1, 0.1) },
      { item: "middle", vector: unit(1, 1) },
    ]);
    expect(order).toEqual(["near", "middle", "far"]);
  });

  it("keeps the given order on ties and ignores a vector of another width", () => {
    const order = cosineOrder(unit(1, 0), [
      { item: "a", vector: unit(1, 1) },
      { item: "wrong width", vector: unit(1, 0, 0) },
      { item: "b", vector: unit(1, 1) },
    ]);
    expect(order).toEqual(["a", "b"]);
  });
});

describe("exactSemanticOrder with a word-table model", () => {
  // A word-table model embeds in-process: "flood" words point one way, "budget" words the other.
  const texts: string[][] = [];
  const model: Embedder = {
    description: "test table",
    id: "static:test",
    dims: 2,
    embed: async (batch) => {
      texts.push(batch);
      return batch.map((text) => (!text ? null : /flood/.test(text) ? unit(1, 0.2) : /budget/.test(text) ? unit(0, 1) : unit(1, 1)));
    },
  };

  it("ranks every candidate by its question's vector, computed as indexing does (first 40 words)", async () => {
    const long = `${"budget ".repeat(50)}flood`;
    const order = await exactSemanticOrder(model, unit(1, 0), [
      { id: "budget", question: "What is in the budget?" },
      { id: "statement" },
      { id: "flood", question: "Will the flood barriers be finished?" },
      { id: "long", question: long },
      { id: "other", question: "Anything else?" },
    ]);
    // "long" mentions flood only after word 40: indexing never saw it, so neither does this.
    expect(order.map((hit) => hit.id)).toEqual(["flood", "other", "budget", "long"]);
    expect(texts.at(-1)?.[3].split(" ")).toHaveLength(40);
  });

  it("asks nothing of Postgres for a word-table model", async () => {
    expect(await candidateVectors(model, [undefined, ""])).toEqual([null, null]);
  });
});
