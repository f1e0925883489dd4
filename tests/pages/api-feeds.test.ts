import { parseDocument } from "htmlparser2";
import { DomUtils } from "htmlparser2";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PublishResult } from "@/lib/archive/publish";
import { useTestServices, type TestServices } from "../support/services";
import { harbourBriefing, harbourBriefingZh, olderBriefing } from "./fixtures";

let services: TestServices;
let harbour: PublishResult;

const ctx = <T extends Record<string, string>>(params: T) => ({ params: Promise.resolve(params) });

/** Parses strictly as XML; throws on anything a feed reader would reject. */
function parseXml(text: string) {
  expect(text.startsWith("<?xml")).toBe(true);
  const errors: string[] = [];
  const doc = parseDocument(text, { xmlMode: true });
  // htmlparser2 is forgiving: also check that every opened element was closed in order.
  const stack: string[] = [];
  for (const match of text.matchAll(/<(\/?)([A-Za-z][\w:.-]*)[^>]*?(\/?)>/g)) {
    const [, closing, name, selfClosing] = match;
    if (selfClosing) continue;
    if (closing) {
      if (stack.pop() !== name) errors.push(`unbalanced </${name}>`);
    } else stack.push(name);
  }
  expect(errors).toEqual([]);
  expect(stack).toEqual([]);
  // Raw "&" not starting an entity or a raw "<" in text would break real XML parsers.
  expect(text.replace(/&(amp|lt|gt|quot|apos);/g, "")).not.toMatch(/&/);
  return doc;
}

beforeAll(async () => {
  services = await useTestServices();
  const { publishConference } = await import("@/lib/archive/publish");
  await publishConference(olderBriefing);
  harbour = await publishConference(harbourBriefing);
  await publishConference(harbourBriefingZh);
  const { drainOutboxOnce } = await import("@/lib/search/worker");
  // 5 pairs, and one statements row per conference.
  expect(await drainOutboxOnce()).toMatchObject({ processed: 8, failed: 0 });
});

afterAll(async () => {
  await services?.cleanup();
});

describe("GET /api/v1/qa/{publicId}", () => {
  it("returns the pair with ETag and Cache-Control, and 304 for a matching If-None-Match", async () => {
    const { GET } = await import("@/app/api/v1/qa/[publicId]/route");
    const id = harbour.pairs[0].publicId;
    const response = await GET(new Request(`http://test/api/v1/qa/${id}`), ctx({ publicId: id }));
    expect(response.status).toBe(200);
    expect(response.headers.get("cache-control")).toMatch(/public/);
    const etag = response.headers.get("etag");
    expect(etag).toMatch(/^".+"$/);
    const body = await response.json();
    expect(body).toMatchObject({
      id,
      ordinal: 1,
      question: "When will the ferry terminal open to passengers & cars?",
      outlet: { name: "Harbour Times", slug: "harbour-times" },
      questioner: { name: "Ana Ruiz" },
      topics: ["ferries"],
      conference: { slug: "harbour-ferry-briefing", date: "2025-03-04", organizer: "Harbour Authority" },
    });
    expect(body.url).toMatch(new RegExp(`/qa/${id}/when-will-the-ferry-terminal-open-to-passengers-cars$`));
    expect(body.answers.map((a: { speaker: string }) => a.speaker)).toEqual(["Director Okafor", "Deputy Lind"]);
    const again = await GET(new Request(`http://test/api/v1/qa/${id}`, { headers: { "If-None-Match": etag! } }), ctx({ publicId: id }));
    expect(again.status).toBe(304);
    expect(again.headers.get("etag")).toBe(etag);
  });

  it("answers 400, 404 and 410 with messages", async () => {
    const { GET } = await import("@/app/api/v1/qa/[publicId]/route");
    const bad = await GET(new Request("http://test/api/v1/qa/x"), ctx({ publicId: "x!" }));
    expect(bad.status).toBe(400);
    expect((await bad.json()).error).toMatch(/8 lowercase/);
    expect((await GET(new Request("http://test/api/v1/qa/zzzzzzzz"), ctx({ publicId: "zzzzzzzz" }))).status).toBe(404);
    const { db } = await import("@/lib/db/client");
    const id = harbour.pairs[2].publicId;
    await db().qaPair.update({ where: { publicId: id }, data: { status: "DELETED", statusReason: "Not said at this conference" } });
    const gone = await GET(new Request(`http://test/api/v1/qa/${id}`), ctx({ publicId: id }));
    expect(gone.status).toBe(410);
    expect(await gone.json()).toMatchObject({ id, reason: "Not said at this conference" });
    await db().qaPair.update({ where: { publicId: id }, data: { status: "PUBLISHED", statusReason: null } });
  });
});

describe("GET /api/v1/conferences", () => {
  it("pages and filters, and rejects bad parameters with a message", async () => {
    const { GET } = await import("@/app/api/v1/conferences/route");
    const all = await (await GET(new Request("http://test/api/v1/conferences?limit=2"))).json();
    expect(all).toMatchObject({ total: 3, page: 1, limit: 2 });
    expect(all.items.map((c: { slug: string }) => c.slug)).toEqual(["harbour-ferry-briefing-zh", "harbour-ferry-briefing"]);
    const byYear = await (await GET(new Request("http://test/api/v1/conferences?year=2023"))).json();
    expect(byYear.items.map((c: { slug: string }) => c.slug)).toEqual(["harbour-annual-review-2023"]);
    const byLanguage = await (await GET(new Request("http://test/api/v1/conferences?language=zh"))).json();
    expect(byLanguage.items).toHaveLength(1);
    const byOrganizer = await (await GET(new Request(`http://test/api/v1/conferences?organizer=${encodeURIComponent("Harbour Authority")}`))).json();
    expect(byOrganizer.total).toBe(2);
    const badYear = await GET(new Request("http://test/api/v1/conferences?year=twenty"));
    expect(badYear.status).toBe(400);
    expect((await badYear.json()).error).toBe("year: year must be a number such as 2024");
    const badLimit = await GET(new Request("http://test/api/v1/conferences?limit=500"));
    expect((await badLimit.json()).error).toBe("limit: limit must be at most 100");
    const unknown = await GET(new Request("http://test/api/v1/conferences?sort=new"));
    expect((await unknown.json()).error).toMatch(/Unknown parameter: sort/);
  });

  it("returns one conference with its transcript", async () => {
    const { GET } = await import("@/app/api/v1/conferences/[slug]/route");
    const response = await GET(new Request("http://test/api/v1/conferences/harbour-ferry-briefing"), ctx({ slug: "harbour-ferry-briefing" }));
    expect(response.status).toBe(200);
    expect(response.headers.get("etag")).toBeTruthy();
    const body = await response.json();
    expect(body.translation).toMatchObject({ slug: "harbour-ferry-briefing-zh", language: "zh" });
    expect(body.transcript.map((b: { kind: string }) => b.kind)).toEqual(["statement", "pair", "pair", "pair"]);
    expect(body.source.sha256).toMatch(/^[0-9a-f]{64}$/);
    // A retrieval date given with the source is kept; the import time is reported separately.
    expect(body.source.retrievedAt).toBe("2025-03-05T08:00:00.000Z");
    expect(Date.parse(body.source.importedAt)).toBeGreaterThan(Date.parse("2026-01-01"));
    expect((await GET(new Request("http://test/api/v1/conferences/nope"), ctx({ slug: "nope" }))).status).toBe(404);
  });
});

describe("GET /api/v1/export.jsonl", () => {
  async function readLines(url: string, headers: Record<string, string> = {}) {
    const { GET } = await import("@/app/api/v1/export.jsonl/route");
    const response = await GET(new Request(url, { headers }));
    return {
      response,
      lines:
        response.status === 200
          ? (await response.text())
              .split("\n")
              .filter(Boolean)
              .map((l) => JSON.parse(l))
          : [],
    };
  }

  it("streams every published pair as one JSON line, incrementally with updated_since", async () => {
    const { response, lines } = await readLines("http://test/api/v1/export.jsonl");
    expect(response.headers.get("content-type")).toMatch(/ndjson/);
    expect(lines).toHaveLength(5);
    expect(new Set(lines.map((l) => l.id)).size).toBe(5);
    expect(lines[0]).toHaveProperty("conference.slug");
    const etag = response.headers.get("etag")!;
    expect((await readLines("http://test/api/v1/export.jsonl", { "If-None-Match": etag })).response.status).toBe(304);

    const { db } = await import("@/lib/db/client");
    const cutoff = new Date();
    await db().qaPair.update({ where: { publicId: harbour.pairs[1].publicId }, data: { correctionNote: "Figure corrected", correctedAt: new Date() } });
    const since = await readLines(`http://test/api/v1/export.jsonl?updated_since=${cutoff.toISOString()}`);
    expect(since.lines.map((l) => l.id)).toEqual([harbour.pairs[1].publicId]);
    expect(since.lines[0].correctionNote).toBe("Figure corrected");
    // The change must also change the full export's ETag.
    expect((await readLines("http://test/api/v1/export.jsonl", { "If-None-Match": etag })).response.status).toBe(200);
  });

  it("changes the export's ETag when an other-language link is added or removed, without counting pairs", async () => {
    const { exportFingerprint } = await import("@/lib/catalog/api");
    const { db } = await import("@/lib/db/client");
    const [a, b, c] = await db().qaPair.findMany({ orderBy: { id: "asc" }, take: 3, select: { id: true } });
    const link = (pairId: number, counterpartId: number) => db().pairCounterpart.create({ data: { pairId, counterpartId, confidence: 0.9, method: "manual" } });
    const none = await exportFingerprint(null);
    const first = await link(a.id, b.id);
    await link(a.id, c.id);
    const two = await exportFingerprint(null);
    expect(two).not.toBe(none);
    expect(await exportFingerprint(null)).toBe(two);
    // Removing the older link leaves the newest change where it was: only the number moves.
    await db().pairCounterpart.delete({ where: { id: first.id } });
    expect(await exportFingerprint(null)).not.toBe(two);
    await db().pairCounterpart.deleteMany({});
    expect(await exportFingerprint(null)).toBe(none);
  });

  it("keeps batches in order across keyset pages", async () => {
    const { exportLines } = await import("@/lib/catalog/export-lines");
    const chunks: string[] = [];
    for await (const chunk of exportLines(null, 2)) chunks.push(chunk);
    expect(chunks).toHaveLength(3);
    expect(chunks.join("").trim().split("\n")).toHaveLength(5);
  });

  it("rejects a malformed updated_since", async () => {
    const { response } = await readLines("http://test/api/v1/export.jsonl?updated_since=yesterday");
    expect(response.status).toBe(400);
    expect((await response.json()).error).toMatch(/updated_since must be an ISO 8601 date-time/);
  });
});

describe("feeds and discovery", () => {
  it("serves the newest conferences as Atom", async () => {
    const { GET } = await import("@/app/feed.xml/route");
    const response = await GET(new Request("http://test/feed.xml"));
    expect(response.headers.get("content-type")).toMatch(/application\/atom\+xml/);
    const doc = parseXml(await response.text());
    const entries = DomUtils.getElementsByTagName("entry", doc);
    expect(entries.map((e) => DomUtils.textContent(DomUtils.getElementsByTagName("title", e)[0]))).toEqual([
      "港务局新渡轮码头新闻发布会",
      "Harbour Authority briefing on the new ferry terminal",
      "Harbour Authority annual review",
    ]);
    expect(DomUtils.getElementsByTagName("link", entries[1])[0].attribs.href).toMatch(/\/conferences\/harbour-ferry-briefing$/);
  });

  it("serves any search as Atom, newest first, with text escaped", async () => {
    const { GET } = await import("@/app/search/feed.xml/route");
    const response = await GET(new Request("http://test/search/feed.xml?q=ferry+terminal&sort=oldest"));
    expect(response.status).toBe(200);
    const text = await response.text();
    const doc = parseXml(text);
    const entries = DomUtils.getElementsByTagName("entry", doc);
    const titles = entries.map((e) => DomUtils.textContent(DomUtils.getElementsByTagName("title", e)[0]));
    expect(titles.at(-1)).toBe("Is the ferry terminal project on schedule?");
    expect(titles).toContain("When will the ferry terminal open to passengers & cars?");
    const updated = entries.map((e) => DomUtils.textContent(DomUtils.getElementsByTagName("updated", e)[0]));
    expect([...updated].sort().reverse()).toEqual(updated);
    const bad = await GET(new Request("http://test/search/feed.xml?sort=sideways"));
    expect(bad.status).toBe(400);
  });

  it("lists sitemap chunks in an index, and each chunk parses with the right URLs", async () => {
    const { GET: index } = await import("@/app/sitemap.xml/route");
    const { GET: chunk } = await import("@/app/sitemaps/[n]/route");
    const doc = parseXml(await (await index(new Request("http://test/sitemap.xml"))).text());
    const locs = DomUtils.getElementsByTagName("loc", doc).map((l) => DomUtils.textContent(l));
    expect(locs.map((l) => l.replace(/^.*\/sitemaps\//, ""))).toEqual(["pages-0.xml", "conferences-0.xml", "qa-0.xml", "people-0.xml", "outlets-0.xml", "topics-0.xml"]);
    const qa = parseXml(await (await chunk(new Request("http://test/sitemaps/qa-0.xml"), ctx({ n: "qa-0.xml" }))).text());
    const urls = DomUtils.getElementsByTagName("loc", qa).map((l) => DomUtils.textContent(l));
    expect(urls).toHaveLength(5);
    const { publicBaseUrl } = await import("@/lib/env");
    expect(urls).toContain(`${publicBaseUrl()}/qa/${harbour.pairs[0].publicId}/when-will-the-ferry-terminal-open-to-passengers-cars`);
    expect((await chunk(new Request("http://test/sitemaps/qa-9.xml"), ctx({ n: "bogus.xml" }))).status).toBe(404);
  });
});

describe("related pairs", () => {
  it("finds pairs on the same topics in other conferences only", async () => {
    const { relatedPairs } = await import("@/lib/catalog/related");
    const related = await relatedPairs({ publicId: "none", question: "When will the ferry terminal open?", topics: ["ferries"], conferenceSlug: "harbour-ferry-briefing" });
    expect(related?.map((r) => r.conferenceSlug)).toEqual(["harbour-annual-review-2023"]);
  });

  it("returns null instead of failing when search is down", async () => {
    const { relatedPairs } = await import("@/lib/catalog/related");
    const host = process.env.MEILI_HOST;
    process.env.MEILI_HOST = "http://127.0.0.1:9";
    try {
      expect(await relatedPairs({ publicId: "none", question: "ferry", topics: [], conferenceSlug: "x" })).toBeNull();
    } finally {
      process.env.MEILI_HOST = host;
    }
  });
});
