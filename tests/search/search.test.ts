import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { useTestServices, type TestServices } from "../support/services";
import { chineseBriefing, englishBriefing, laterBriefing } from "./fixtures";

let services: TestServices;
type SearchModule = typeof import("@/lib/search/query");
type ParamsModule = typeof import("@/lib/search/params");
let search: SearchModule["searchPairs"];
let parse: ParamsModule["parseSearchParams"];
let allExtras: SearchModule["ALL_EXTRAS"];

/** Searches as the /search page does (every facet group and the histogram) unless told otherwise. */
async function find(query: string, extras?: Parameters<SearchModule["searchPairs"]>[1]) {
  const parsed = parse(new URLSearchParams(query));
  if (!parsed.success) throw new Error(parsed.error.message);
  return search(parsed.data, extras ?? allExtras);
}

beforeAll(async () => {
  services = await useTestServices();
  const { publishConference } = await import("@/lib/archive/publish");
  const { drainOutboxOnce } = await import("@/lib/search/worker");
  ({ searchPairs: search, ALL_EXTRAS: allExtras } = await import("@/lib/search/query"));
  ({ parseSearchParams: parse } = await import("@/lib/search/params"));
  for (const conference of [englishBriefing, laterBriefing, chineseBriefing]) await publishConference(conference);
  const drained = await drainOutboxOnce();
  // 6 pairs, and one statements row per conference.
  expect(drained).toMatchObject({ processed: 9, failed: 0 });
});

afterAll(async () => {
  await services?.cleanup();
});

describe("index settings", () => {
  it("applies searchable order, filters, sort, typo rules and Chinese localization before documents", async () => {
    const { meili } = await import("@/lib/search/client");
    const settings = await meili().index(services.indexUid).getSettings();
    expect(settings.searchableAttributes).toEqual(["question", "answerText", "answerSpeakers", "questioner", "outlet", "conferenceTitle", "topics"]);
    expect(settings.sortableAttributes).toEqual(["date"]);
    expect(settings.typoTolerance?.disableOnNumbers).toBe(true);
    expect(settings.typoTolerance?.disableOnAttributes).toEqual(expect.arrayContaining(["publicId", "sourceId"]));
    expect(settings.localizedAttributes?.[0].locales).toEqual(expect.arrayContaining(["cmn"]));
    const flat = JSON.stringify(settings.filterableAttributes);
    for (const attribute of ["answerSpeakers", "outlet", "year", "date", "language"]) expect(flat).toContain(attribute);
  });
});

describe("searching", () => {
  it("finds a Chinese pair by a two-character word", async () => {
    const results = await find("q=淡化");
    expect(results.hits.map((h) => h.sourceId)).toEqual(["zh-1"]);
    expect(results.hits[0]._formatted.question).toContain("<mark>");
  });

  it("matches quoted phrases only in that order", async () => {
    const loose = await find("q=clean transition");
    expect(loose.hits.map((h) => h.sourceId).sort()).toEqual(["en-3", "en-4"]);
    const phrase = await find(`q=${encodeURIComponent('"clean transition"')}`);
    expect(phrase.hits.map((h) => h.sourceId)).toEqual(["en-4"]);
  });

  it("excludes -words", async () => {
    const all = await find("q=grid");
    expect(all.hits.map((h) => h.sourceId).sort()).toEqual(["en-3", "en-5"]);
    const without = await find("q=grid -letters -letter");
    expect(without.hits.map((h) => h.sourceId)).toEqual(["en-3"]);
  });

  it("filters by facet values and counts the other values of the same facet", async () => {
    const results = await find("outlet=Harbour+Times&speaker=Minister+Okafor");
    expect(results.hits.map((h) => h.sourceId)).toEqual(["en-1"]);
    const outlets = Object.fromEntries((results.facets.outlet ?? []).map((f) => [f.value, f.count]));
    // Counted without the outlet filter but with the speaker filter: Okafor answered Harbour Times and Daily Ledger.
    expect(outlets).toEqual({ "Harbour Times": 1, "Daily Ledger": 1 });
    expect(results.facets.outlet?.find((f) => f.value === "Harbour Times")?.selected).toBe(true);
  });

  it("counts only the facet groups asked for, and the histogram only when asked", async () => {
    const bare = await find("outlet=Harbour+Times", { facets: [], histogram: false });
    expect(bare.hits.length).toBeGreaterThan(0);
    expect(bare.facets).toEqual({});
    expect(bare.histogram).toBeNull();
    const some = await find("outlet=Harbour+Times&speaker=Minister+Okafor", { facets: ["outlet", "lang"], histogram: true });
    expect(Object.keys(some.facets).sort()).toEqual(["lang", "outlet"]);
    // Still disjunctive when only that group is asked for.
    expect(Object.fromEntries((some.facets.outlet ?? []).map((f) => [f.value, f.count]))).toEqual({ "Harbour Times": 1, "Daily Ledger": 1 });
    expect(some.histogram?.granularity).toBe("year");
  });

  it("filters by language, year and date range", async () => {
    expect((await find("lang=zh")).hits.map((h) => h.sourceId)).toEqual(["zh-1"]);
    expect((await find("year=2024")).hits.map((h) => h.sourceId).sort()).toEqual(["en-4", "en-5"]);
    expect((await find("from=2019-01-01&to=2023-12-31")).estimatedTotalHits).toBe(4);
    const histogram = (await find("q=transition")).histogram;
    expect(histogram).toEqual({
      granularity: "year",
      buckets: [
        { key: "2023", count: 1 },
        { key: "2024", count: 1 },
      ],
    });
    expect((await find("year=2023")).histogram).toEqual({ granularity: "month", buckets: [{ key: "2023-03", count: 3 }] });
  });

  it("escapes values with quotes in filters instead of breaking the filter", async () => {
    const results = await find(`outlet=${encodeURIComponent('Harbour "Times" \\ x')}`);
    expect(results.hits).toEqual([]);
  });

  it("sorts newest or oldest, and browses newest first without a query", async () => {
    const newest = await find("q=transition&sort=newest");
    expect(newest.hits.map((h) => h.sourceId)).toEqual(["en-4", "en-3"]);
    const oldest = await find("q=transition&sort=oldest");
    expect(oldest.hits.map((h) => h.sourceId)).toEqual(["en-3", "en-4"]);
    const browse = await find("");
    expect(browse.estimatedTotalHits).toBe(6);
    expect(browse.hits[0].conference.date).toBe("2024-11-02");
    expect(browse.hits.at(-1)?.conference.date).toBe("2019-06-20");
  });

  it("does not let 2024 match 2025 by typo", async () => {
    const results = await find("q=2025");
    expect(results.hits).toEqual([]);
    expect((await find("q=2026")).hits.map((h) => h.sourceId)).toEqual(["en-3"]);
  });

  it("never turns a <script> in the text into HTML", async () => {
    const results = await find("q=script letter");
    const hit = results.hits.find((h) => h.sourceId === "en-5")!;
    expect(hit._formatted.question).not.toMatch(/<script|<\/script/);
    expect(hit._formatted.question.replace(/<\/?mark>/g, "")).toContain("&lt;script&gt;");
    expect(hit._formatted.question).toContain("<mark>letter</mark>");
    expect(hit._formatted.answer).toContain("&lt;b&gt;");
    expect(hit._formatted.question.replace(/<\/?mark>/g, "")).not.toMatch(/<[a-z]/i);
  });

  it("reads a hit from Postgres when its document cannot show the full text, and skips it if hidden there", async () => {
    const { db } = await import("@/lib/db/client");
    const { liveIndex, waitForSuccess } = await import("@/lib/search/client");
    const [hit] = (await find("q=desalination+plant")).hits;
    const pair = await db().qaPair.findUniqueOrThrow({ where: { publicId: hit.id } });
    // As if the text had been cut at the indexing limit: the index copy is not the whole answer.
    const task = await liveIndex().updateDocuments([{ id: hit.id, truncated: true, answerText: "The desalination plant …" }]);
    await waitForSuccess(task.taskUid, "mark truncated");
    try {
      const [fromPostgres] = (await find("q=desalination+plant")).hits;
      expect(fromPostgres.id).toBe(hit.id);
      expect(fromPostgres.answers).toEqual([{ speaker: "Minister Okafor", text: "The desalination plant opens next spring, after the pipeline tests." }]);
      expect(fromPostgres.conference).toEqual(hit.conference);
      await db().qaPair.update({ where: { id: pair.id }, data: { status: "UNPUBLISHED" } });
      expect((await find("q=desalination+plant")).hits.map((h) => h.id)).not.toContain(hit.id);
    } finally {
      await db().qaPair.update({ where: { id: pair.id }, data: { status: "PUBLISHED" } });
      const restore = await liveIndex().updateDocuments([{ id: hit.id, truncated: false, answerText: hit.answers[0].text }]);
      await waitForSuccess(restore.taskUid, "restore");
    }
  });

  it("returns hits with sourceId, answers and conference", async () => {
    const [hit] = (await find("q=desalination+plant")).hits;
    expect(hit).toMatchObject({
      sourceId: "en-1",
      url: `/qa/${hit.id}`,
      answers: [{ speaker: "Minister Okafor", text: expect.stringContaining("desalination") }],
      conference: { title: "Ministry of Water briefing on desalination", date: "2023-03-14" },
    });
  });
});
