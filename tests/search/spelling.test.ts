import { describe, expect, it } from "vitest";
import { chineseBriefing, englishBriefing, laterBriefing, withIndexedArchive } from "./fixtures";

// Query spelling correction end to end: the vocabulary read from the real Postgres archive, the
// corrected query searched in the real Meilisearch, and what the API says about it.

withIndexedArchive(englishBriefing, laterBriefing, chineseBriefing);

interface Body {
  hits: { sourceId: string }[];
  spelling?: { original: string; corrected: string; changes: { from: string; to: string; reason: string }[]; searchOriginalToo: boolean };
}

async function get(query: string): Promise<Body> {
  const { handleSearchRequest } = await import("@/lib/search/api");
  const response = await handleSearchRequest(new Request(`http://localhost/api/v1/search?${query}`));
  expect(response.status).toBe(200);
  return (await response.json()) as Body;
}

describe("spelling correction", () => {
  it("finds what a short misspelt word means, which Meilisearch's typo rules miss, and says so", async () => {
    // Four letters: Meilisearch allows no typo, so the typed word alone finds nothing.
    const asTyped = await get("q=gird&spell=off");
    expect(asTyped.hits).toEqual([]);
    expect(asTyped.spelling).toBeUndefined();
    const corrected = await get("q=gird");
    expect(corrected.spelling).toEqual({ original: "gird", corrected: "grid", changes: [{ from: "gird", to: "grid", reason: "unknown" }], searchOriginalToo: false });
    expect(corrected.hits.map((h) => h.sourceId).sort()).toEqual(["en-3", "en-5"]);
  });

  it("corrects a name against the speakers' list", async () => {
    const body = await get(`q=${encodeURIComponent("Okafr plant")}`);
    expect(body.spelling?.corrected).toBe("Okafor plant");
    expect(body.hits[0]?.sourceId).toBe("en-1");
  });

  it("leaves quoted phrases, exclusions, known words and Chinese as typed", async () => {
    for (const q of ['"gird"', "grid -gird", "clean energy transition", "海水淡化"]) {
      expect((await get(`q=${encodeURIComponent(q)}`)).spelling, q).toBeUndefined();
    }
    expect((await get(`q=${encodeURIComponent("grid -gird")}`)).hits.map((h) => h.sourceId).sort()).toEqual(["en-3", "en-5"]);
  });

  it("keeps the correction on later pages and answers a bad spell value with 400", async () => {
    const second = await get("q=gird&limit=1&page=2");
    expect(second.spelling?.corrected).toBe("grid");
    expect(second.hits).toHaveLength(1);
    const { handleSearchRequest } = await import("@/lib/search/api");
    const bad = await handleSearchRequest(new Request("http://localhost/api/v1/search?q=gird&spell=maybe"));
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { message: string }).message).toMatch(/spell must be off/);
  });
});
