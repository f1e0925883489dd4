import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { useTestServices, type TestServices } from "../support/services";
import { chineseBriefing, englishBriefing, laterBriefing } from "./fixtures";

// A re-ranked description's candidate lists (real Postgres and Meilisearch) are sent side by
// side when the search is alone and in one multi-search when others are waiting
// (lib/search/query.ts): either way the same hits, with the text they display, the same facets.

let services: TestServices;
let handle: typeof import("@/lib/search/api").handleSearchRequest;

const DESCRIPTION = "reporter asking when the new desalination plant in the north of the country opens";

async function body(query: string) {
  const response = await handle(new Request(`http://localhost/api/v1/search?${query}`));
  expect(response.status).toBe(200);
  return (await response.json()) as { hits: { sourceId: string; question: string; answers: { text: string }[] }[]; facets: Record<string, unknown> };
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

describe("candidate lists", () => {
  it("gives a description the same answer alone and among other searches", async () => {
    const query = `q=${encodeURIComponent(DESCRIPTION)}&lang=en&facets=lang,speaker`;
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
