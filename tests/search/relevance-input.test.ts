import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { useTestServices, type TestServices } from "../support/services";
import { chineseBriefing, englishBriefing, laterBriefing } from "./fixtures";

// Query understanding end to end (real Postgres and Meilisearch): long descriptive queries,
// did-you-mean, and bad input that must answer 200 or a clear 400, never 500.

let services: TestServices;
let handle: typeof import("@/lib/search/api").handleSearchRequest;

async function get(q: string) {
  const response = await handle(new Request(`http://localhost/api/v1/search?q=${encodeURIComponent(q)}`));
  return {
    status: response.status,
    body: (await response.json()) as { hits?: { sourceId: string }[]; notice?: { missingWords: string[]; suggestion: string | null }; message?: string },
  };
}

beforeAll(async () => {
  services = await useTestServices();
  const { publishConference } = await import("@/lib/archive/publish");
  const { drainOutboxOnce } = await import("@/lib/search/worker");
  ({ handleSearchRequest: handle } = await import("@/lib/search/api"));
  for (const conference of [englishBriefing, laterBriefing, chineseBriefing]) await publishConference(conference);
  expect(await drainOutboxOnce()).toMatchObject({ failed: 0 });
});

afterAll(async () => {
  await services?.cleanup();
});

describe("query understanding", () => {
  it("finds a pair from a long description that starts with a word no pair holds", async () => {
    // Meilisearch alone ("last") never drops the first word, and finds nothing here.
    const { status, body } = await get("xylophonist asking when the plant in the north opens for desalination");
    expect(status).toBe(200);
    expect(body.hits?.[0]?.sourceId).toBe("en-1");
    expect(body.notice?.missingWords).toEqual(expect.arrayContaining(["xylophonist"]));
  });

  it("says which words no result holds and suggests a spelling from the archive", async () => {
    const partial = await get("desalination xylophonist");
    expect(partial.body.hits?.[0]?.sourceId).toBe("en-1");
    expect(partial.body.notice?.missingWords).toEqual(["xylophonist"]);
    const misspelt = await get("desalnaiton");
    expect(misspelt.body.notice?.suggestion).toBe("desalination");
    const fine = await get("desalination");
    expect(fine.body.notice).toBeUndefined();
  });

  it("keeps phrases and exclusions working", async () => {
    const phrase = await get('"clean transition"');
    expect(phrase.body.hits?.map((h) => h.sourceId)).toEqual(["en-4"]);
    const excluded = await get("energy -winter");
    expect(excluded.body.hits?.map((h) => h.sourceId)).not.toContain("en-4");
  });
});

describe("bad input", () => {
  it("answers a 10 KB query with a clear 400", async () => {
    const { status, body } = await get("desalination ".repeat(800));
    expect(status).toBe(400);
    expect(body.message).toMatch(/q is longer than 500 characters/);
  });

  it.each([
    ["only stop words", "the of and to a in"],
    ["only punctuation", "!!! ??? ... ,,, ;;; ---"],
    ["lone quote and minus", '" - "" --'],
    ["mixed scripts", "能源 energy transition énergie энергия"],
    ["emoji and symbols", "🚰💧 ©®™ <script>alert(1)</script>"],
    ["control characters", "water\u0000\u0007\u001b price"],
    ["a 500-character word", "a".repeat(500)],
  ])("answers %s with 200", async (_, q) => {
    const { status, body } = await get(q);
    expect(status).toBe(200);
    expect(Array.isArray(body.hits)).toBe(true);
  });
});

// A re-ranked description's candidate lists are sent side by side when the search is alone and
// in one multi-search when others are waiting (lib/search/query.ts): either way the same answer.
describe("candidate lists", () => {
  const description = "reporter asking when the new desalination plant in the north of the country opens";

  async function body(query: string) {
    const response = await handle(new Request(`http://localhost/api/v1/search?${query}`));
    expect(response.status).toBe(200);
    return (await response.json()) as { hits: { sourceId: string; question: string; answers: { text: string }[] }[]; facets: Record<string, unknown> };
  }

  it("gives a description the same answer alone and among other searches", async () => {
    const query = `q=${encodeURIComponent(description)}&lang=en&facets=lang,speaker`;
    const alone = await body(query);
    expect(alone.hits[0]?.sourceId).toBe("en-1");
    // Every hit shows its text, whichever list found it.
    for (const hit of alone.hits) expect(hit.question.length + hit.answers.map((a) => a.text).join("").length).toBeGreaterThan(0);
    expect(Object.keys(alone.facets).sort()).toEqual(["lang", "speaker"]);
    // Searched together, they overlap while waiting on Meilisearch: the later ones send one request.
    const crowded = await Promise.all([body(query), body(query), body("q=energy+transition"), body(query), body(query)]);
    for (const i of [0, 1, 3, 4]) expect(crowded[i]).toEqual(alone);
  });
});
