import { describe, expect, it } from "vitest";
import { findFreePort } from "@/lib/dev-services/ports";
import { englishBriefing, laterBriefing, withIndexedArchive } from "./fixtures";

const archive = withIndexedArchive(englishBriefing);

async function searchIds(q: string): Promise<string[]> {
  const { searchPairs } = await import("@/lib/search/query");
  const { searchParamsSchema } = await import("@/lib/search/params");
  const results = await searchPairs(searchParamsSchema.parse({ q }));
  return results.hits.map((h) => h.sourceId ?? "");
}

describe("reindex", () => {
  it("keeps answering while it rebuilds, then swaps the new documents in", async () => {
    const { publishConference } = await import("@/lib/archive/publish");
    const { db } = await import("@/lib/db/client");
    const { reindexAll } = await import("@/lib/search/reindex");
    const { meili } = await import("@/lib/search/client");
    // Published without the worker running: only the rebuild can bring these in.
    await publishConference(laterBriefing);
    await db().searchOutbox.updateMany({ where: { processedAt: null }, data: { processedAt: new Date() } });
    expect(await searchIds("winter")).toEqual([]);

    let searching = true;
    const answers: string[][] = [];
    const during = (async () => {
      while (searching) answers.push(await searchIds("pipeline"));
    })();
    const progress: number[] = [];
    const result = await reindexAll({ batchSize: 2, onProgress: ({ indexed }) => progress.push(indexed) });
    searching = false;
    await during;

    expect(result.documents).toBe(5);
    expect(progress.at(-1)).toBe(5);
    expect(answers.length).toBeGreaterThan(0);
    for (const ids of answers) expect(ids).toEqual(["en-1"]);
    expect(await searchIds("winter")).toEqual(["en-4"]);
    // The temporary index is gone; only the live one remains.
    const { results } = await meili().getRawIndexes({ limit: 1000 });
    expect(results.map((i) => i.uid).filter((uid) => uid.startsWith(archive.services.indexUid))).toEqual([archive.services.indexUid]);
    // Changes made during the rebuild are re-queued for the worker.
    expect(await db().searchOutbox.count({ where: { processedAt: null } })).toBeGreaterThan(0);
  });
});

describe("editor search settings", () => {
  it("saves while Meilisearch is down and applies synonyms by rebuilding once it is back", async () => {
    const { parseSettingsForm, saveSearchSettings, rebuildIfRequested, rebuildRequestedAt } = await import("@/lib/search/editor-settings");
    const { db } = await import("@/lib/db/client");
    const { drainOutboxOnce } = await import("@/lib/search/worker");
    await drainOutboxOnce();
    expect(await searchIds("seawater")).toEqual([]);

    const parsed = parseSettingsForm({ synonyms: "seawater, pipeline\n", stopWords: "um, uh" });
    expect(parsed.success).toBe(true);
    const realHost = process.env.MEILI_HOST;
    process.env.MEILI_HOST = `http://127.0.0.1:${await findFreePort()}`;
    try {
      await saveSearchSettings(parsed.data!, null);
      await expect(rebuildIfRequested()).rejects.toThrow();
    } finally {
      process.env.MEILI_HOST = realHost;
    }
    expect(await rebuildRequestedAt()).not.toBeNull();
    expect(await db().auditEvent.count({ where: { action: "search.settings_update" } })).toBe(1);

    expect(await rebuildIfRequested()).toBe(true);
    expect(await rebuildRequestedAt()).toBeNull();
    expect(await searchIds("seawater")).toEqual(["en-1"]);
  });
});

describe("GET /api/v1/search", () => {
  it("answers 400 with a message on bad parameters", async () => {
    const { handleSearchRequest } = await import("@/lib/search/api");
    for (const query of ["limit=500", "page=0", "sort=loudest", "from=2024-13-01", "year=abc", "from=2024-02-01&to=2024-01-01"]) {
      const response = await handleSearchRequest(new Request(`http://localhost/api/v1/search?${query}`));
      expect(response.status, query).toBe(400);
      const body = (await response.json()) as { message: string };
      expect(body.message.length, query).toBeGreaterThan(5);
    }
    const response = await handleSearchRequest(new Request("http://localhost/api/v1/search?limit=500"));
    expect(((await response.json()) as { message: string }).message).toMatch(/limit/);
  });

  it("returns hits with sourceId, answers, conference and facets; empty q browses newest first", async () => {
    const { handleSearchRequest } = await import("@/lib/search/api");
    const response = await handleSearchRequest(new Request("http://localhost/api/v1/search?q=&limit=100&facets=outlet,year&facets=lang"));
    expect(response.status).toBe(200);
    expect(response.headers.get("cache-control")).toMatch(/public/);
    const body = (await response.json()) as {
      hits: { id: string; sourceId: string; url: string; answers: unknown[]; conference: { date: string }; _formatted: { question: string } }[];
      facets: Record<string, { value: string; count: number }[]>;
      estimatedTotalHits: number;
      page: number;
      limit: number;
    };
    expect(body).toMatchObject({ page: 1, limit: 100, estimatedTotalHits: 5 });
    expect(body.hits[0].conference.date).toBe("2024-11-02");
    expect(body.hits[0].url).toBe(`/qa/${body.hits[0].id}`);
    expect(body.hits.every((h) => h.sourceId && h.answers.length > 0 && typeof h._formatted.question === "string")).toBe(true);
    expect(body.facets.outlet.find((f) => f.value === "Harbour Times")?.count).toBe(3);
    expect(Object.keys(body.facets).sort()).toEqual(["lang", "outlet", "year"]);
  });

  it("computes no facets and no histogram unless asked, and rejects unknown facet groups", async () => {
    const { handleSearchRequest } = await import("@/lib/search/api");
    const bare = (await (await handleSearchRequest(new Request("http://localhost/api/v1/search?q=pipeline"))).json()) as Record<string, unknown>;
    expect(bare.facets).toEqual({});
    expect(bare).not.toHaveProperty("histogram");
    const withHistogram = (await (await handleSearchRequest(new Request("http://localhost/api/v1/search?q=&histogram=true"))).json()) as { histogram: { granularity: string } };
    expect(withHistogram.histogram.granularity).toBe("year");
    const bad = await handleSearchRequest(new Request("http://localhost/api/v1/search?facets=speaker,colour"));
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { message: string }).message).toMatch(/facets/);
  });

  it("answers 503 with a message when Meilisearch is down", async () => {
    const { handleSearchRequest } = await import("@/lib/search/api");
    const realHost = process.env.MEILI_HOST;
    process.env.MEILI_HOST = `http://127.0.0.1:${await findFreePort()}`;
    try {
      const response = await handleSearchRequest(new Request("http://localhost/api/v1/search?q=grid"));
      expect(response.status).toBe(503);
      expect(((await response.json()) as { message: string }).message).toMatch(/unavailable/);
    } finally {
      process.env.MEILI_HOST = realHost;
    }
  });

  it("serves an OpenAPI 3.1 document describing the search API", async () => {
    const { openApiDocument } = await import("@/lib/api/openapi");
    const document = openApiDocument("http://localhost:3000");
    expect(document.openapi).toBe("3.1.0");
    expect(Object.keys(document.paths)).toContain("/api/v1/search");
    expect(JSON.stringify(document)).toContain("sourceId");
    // Read API paths are merged in, and every schema reference resolves.
    const { readApiPaths } = await import("@/lib/api/openapi-read");
    const readPaths = (readApiPaths as { paths?: Record<string, unknown> }).paths ?? readApiPaths;
    for (const path of Object.keys(readPaths)) expect(document.paths).toHaveProperty([path]);
    const refs = [...JSON.stringify(document).matchAll(/"\$ref":"#\/components\/schemas\/([^"]+)"/g)].map((m) => m[1]);
    expect(refs.length).toBeGreaterThan(0);
    for (const ref of new Set(refs)) expect(document.components.schemas, ref).toHaveProperty([ref]);
    expect(JSON.stringify(document.paths["/api/v1/search" as keyof typeof document.paths])).toContain('"maximum":100');
  });
});
