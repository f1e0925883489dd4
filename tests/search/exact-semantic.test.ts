import { describe, expect, it } from "vitest";
import type { Embedder } from "@/lib/embeddings/embedder";
import { chineseBriefing, englishBriefing, withIndexedArchive } from "./fixtures";

// Exact re-scoring (lib/search/exact-semantic.ts) with the packaged sentence encoder, on a real
// Postgres: the candidates' vectors are the ones indexing kept (stored-vectors.ts), read only,
// never computed at query time (the encoder would cost ~10 ms a question).

Object.assign(process.env, { PRESSROOM_SEARCH_MODE: "hybrid" });
delete process.env.PRESSROOM_EMBEDDING_MODEL;

const archive = withIndexedArchive(englishBriefing, chineseBriefing);

describe("exact re-scoring with a sentence encoder", () => {
  it("orders the candidates by their kept vectors without running the model, leaving out those without one", async () => {
    expect(archive.services).toBeDefined();
    const { activeEmbedder } = await import("@/lib/embeddings/runtime");
    const { exactSemanticOrder } = await import("@/lib/search/exact-semantic");
    const model = (await activeEmbedder())!;
    const english = englishBriefing.pairs.map((pair, i) => ({ id: `en-${i}`, question: pair.question.text }));
    // The query is the second English question's own vector: that pair must come first.
    const [query] = await model.embed([english[1].question]);
    const silent: Embedder = {
      ...model,
      embed: async () => {
        throw new Error("the model ran at query time");
      },
    };
    const candidates = [
      ...english,
      { id: "zh-0", question: chineseBriefing.pairs[0].question.text },
      { id: "never-indexed", question: "A question no pair ever asked" },
      { id: "statement" },
    ];
    const order = await exactSemanticOrder(
      { model: silent, vector: Array.from(query!), text: "", options: { source: "list", ratio: 1, depth: 40, fusion: 1, exact: "indexed" } },
      candidates,
    );
    expect(order?.[0]).toEqual({ id: "en-1" });
    // Chinese (kept as "nothing to say"), text indexing never saw, and statements get no rank.
    expect(order?.map((hit) => hit.id).sort()).toEqual(english.map((hit) => hit.id).sort());
  });
});
