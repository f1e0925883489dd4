import type { GoldQuery } from "./gold";
import { MASTER_KEY } from "./services";

// Ablations for tuning (tune half only): the Pressroom index and request with one stage
// changed, to see what each stage of query understanding and re-ranking is worth.

type System = (query: GoldQuery) => Promise<string[]>;

export async function variantSystems(meiliHost: string): Promise<Record<string, System>> {
  const { parseSearchParams } = await import("@/lib/search/params");
  const { buildSearchRequest, PLAN } = await import("@/lib/search/query-request");
  const { searchPairs } = await import("@/lib/search/query");
  const RERANK_DEPTH = PLAN.description.depth;
  const { rerank, terms, mergeCandidates, DEFAULT_WEIGHTS } = await import("@/lib/search/rerank");
  const { queryShape } = await import("@/lib/search/query-shape");
  const { documentFrequencies } = await import("@/lib/search/term-frequency");
  const { queryLocales } = await import("@/lib/search/syntax");
  const headers = { Authorization: `Bearer ${MASTER_KEY}`, "Content-Type": "application/json" };
  const search = async (q: string, change: Record<string, unknown>) => {
    const parsed = parseSearchParams(new URLSearchParams({ q, limit: "10" }));
    if (!parsed.success) throw new Error(q);
    const [main] = buildSearchRequest(parsed.data).queries;
    const body = JSON.stringify({ queries: [{ ...main, ...change }] });
    const response = await fetch(`${meiliHost}/multi-search`, { method: "POST", headers, body });
    const json = (await response.json()) as { results: { hits: { sourceId: string; id: string; question: string; answerText: string }[] }[] };
    if (!response.ok) throw new Error(JSON.stringify(json));
    return json.results[0].hits;
  };
  const ids = (hits: { sourceId: string }[]) => hits.slice(0, 10).map((h) => h.sourceId);
  const reranked = async (q: string, strategy: Record<string, unknown> | "union", weights = DEFAULT_WEIGHTS) => {
    const hits =
      strategy === "union"
        ? mergeCandidates([
            await search(q, { offset: 0, limit: RERANK_DEPTH, matchingStrategy: "frequency" }),
            await search(q, { offset: 0, limit: RERANK_DEPTH, matchingStrategy: "last" }),
          ])
        : await search(q, { offset: 0, limit: RERANK_DEPTH, ...strategy });
    const shape = queryShape(q);
    const text = [...shape.phrases, ...shape.words].join(" ");
    const { frequencies, total } = await documentFrequencies([...new Set(terms(text))], queryLocales(q));
    return ids(
      rerank(
        hits.map((h) => ({ ...h, answer: h.answerText })),
        text,
        frequencies,
        total,
        weights,
      ),
    );
  };
  // With RELEVANCE_PLANS or RELEVANCE_SWEEP set, only those variants run (the ablations below take minutes).
  const systems: Record<string, System> =
    process.env.RELEVANCE_PLANS || process.env.RELEVANCE_SWEEP
      ? {}
      : {
          "variant:last, no rerank": async ({ q }) => ids(await search(q, { matchingStrategy: "last", offset: 0, limit: 10 })),
          "variant:frequency, no rerank": async ({ q }) => ids(await search(q, { matchingStrategy: "frequency", offset: 0, limit: 10 })),
          "variant:shape, no rerank": async ({ q }) => ids(await search(q, { offset: 0, limit: 10 })),
          "variant:frequency + rerank": async ({ q }) => reranked(q, { matchingStrategy: "frequency" }),
          "variant:last + rerank": async ({ q }) => reranked(q, { matchingStrategy: "last" }),
          "variant:union + rerank": async ({ q }) => reranked(q, "union"),
        };
  // RELEVANCE_PLANS='{"shallow": {"description": {"lists": ["frequency", "last"], "depth": 30}}}':
  // searchPairs itself with candidate plans changed (query-request.ts PLAN), per query shape.
  const plans = process.env.RELEVANCE_PLANS;
  if (plans) {
    for (const [name, change] of Object.entries(JSON.parse(plans) as Record<string, Partial<typeof PLAN>>)) {
      systems[`variant:plan ${name}`] = async ({ q }) => {
        const parsed = parseSearchParams(new URLSearchParams({ q, limit: "10" }));
        if (!parsed.success) throw new Error(q);
        return (await searchPairs(parsed.data, undefined, { plans: { ...PLAN, ...change } })).hits.map((h) => h.sourceId ?? "");
      };
    }
  }
  const sweep = process.env.RELEVANCE_SWEEP;
  if (sweep) {
    // RELEVANCE_SWEEP='{"fuse":[2,6,12]}' scores each value of one weight, with searchPairs
    // itself (the production candidate plans, spelling correction included).
    for (const [weight, values] of Object.entries(JSON.parse(sweep) as Record<string, number[]>)) {
      for (const value of values) {
        systems[`variant:rerank ${weight}=${value}`] = async ({ q }) => {
          const parsed = parseSearchParams(new URLSearchParams({ q, limit: "10" }));
          if (!parsed.success) throw new Error(q);
          return (await searchPairs(parsed.data, undefined, { rerankWeights: { ...DEFAULT_WEIGHTS, [weight]: value } })).hits.map((h) => h.sourceId ?? "");
        };
      }
    }
  }
  return systems;
}
