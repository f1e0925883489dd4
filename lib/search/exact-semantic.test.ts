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

  const semantic = (vector: Float32Array) => ({
    model,
    vector: Array.from(vector),
    text: "what did they say",
    options: { source: "list" as const, ratio: 1, depth: 40, fusion: 0.75, exact: "indexed" as const },
  });

  it("ranks every candidate by its question's vector, computed as indexing does (first 40 words)", async () => {
    const long = `${"budget ".repeat(50)}flood`;
    const order = await exactSemanticOrder(semantic(unit(1, 0)), [
      { id: "budget", question: "What is in the budget?" },
      { id: "statement" },
      { id: "flood", question: "Will the flood barriers be finished?" },
      { id: "long", question: long },
      { id: "other", question: "Anything else?" },
    ]);
    // "long" mentions flood only after word 40: indexing never saw it, so neither does this.
    expect(order?.map((hit) => hit.id)).toEqual(["flood", "other", "budget", "long"]);
    expect(texts.at(-1)?.[3].split(" ")).toHaveLength(40);
  });

  it("orders by a centred table's raw vectors when asked, embedding the query again with them", async () => {
    // The raw table reads every question the other way round: "budget" is now nearest.
    const raw: Embedder = { ...model, id: "static:test:uncentred", embed: async (batch) => batch.map((text) => (/budget|what did/.test(text) ? unit(1, 0) : unit(0, 1))) };
    const candidates = [
      { id: "flood", question: "Will the flood barriers be finished?" },
      { id: "budget", question: "What is in the budget?" },
    ];
    const query = { ...semantic(unit(1, 0)), model: { ...model, uncentred: raw } };
    expect((await exactSemanticOrder(query, candidates))?.map((hit) => hit.id)).toEqual(["flood", "budget"]);
    const asked = { ...query, options: { ...query.options, exact: "uncentred" as const } };
    expect((await exactSemanticOrder(asked, candidates))?.map((hit) => hit.id)).toEqual(["budget", "flood"]);
  });

  it("leaves the order to Meilisearch when raw vectors are asked of a model without them", async () => {
    const asked = semantic(unit(1, 0));
    expect(await exactSemanticOrder({ ...asked, options: { ...asked.options, exact: "uncentred" } }, [{ id: "a", question: "flood" }])).toBeNull();
  });

  it("asks nothing of Postgres for a word-table model", async () => {
    expect(await candidateVectors(model, [undefined, ""])).toEqual([null, null]);
  });
});
