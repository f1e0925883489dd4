import v8 from "node:v8";
import vm from "node:vm";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { QaPairDocument } from "@/lib/search/documents";
import { useTestServices, type TestServices } from "../support/services";

// The importer's memory must not follow its payloads: the documents spooled while writing go to
// Meilisearch streamed from disk, one file per payload. Building each 10,000-document payload
// as a string (its lines, the joined body, the encoded request) took the importer from 363 MB
// without indexing to 690 MB with it at 300k pairs (issue 14).

let services: TestServices;
let pool: pg.Pool;

beforeAll(async () => {
  services = await useTestServices();
  pool = new pg.Pool({ connectionString: services.databaseUrl, max: 1 });
});

afterAll(async () => {
  await pool?.end();
  await services?.cleanup();
});

/** A full garbage collection, without starting the test process with --expose-gc. */
function liveHeapCollector(): () => void {
  v8.setFlagsFromString("--expose-gc");
  return vm.runInNewContext("gc") as () => void;
}

function fakeDocument(i: number): QaPairDocument {
  // About 16 kB each, in a field Meilisearch stores but does not index (quick to index): a
  // whole payload held as strings is tens of megabytes.
  const answer = `Answer ${i}.`;
  return {
    id: `pair-${i}`,
    pairId: i,
    publicId: `p${i}`,
    sourceId: `${i}:`.padEnd(16_000, String.fromCharCode(97 + (i % 26))),
    question: `Question ${i}?`,
    answerText: answer,
    answerTurns: [{ speaker: "Speaker", chars: answer.length }],
    truncated: false,
    answerSpeakers: ["Speaker"],
    questioner: null,
    outlet: null,
    conferenceTitle: "Briefing",
    conferenceSlug: "briefing",
    organizer: null,
    date: null,
    year: null,
    month: null,
    language: "en",
    topics: [],
    url: `/qa/p${i}`,
    updatedAt: 0,
  };
}

describe("import indexing memory", () => {
  it("sends the spooled documents without holding a payload in memory, and indexes every one of them", async () => {
    const { IndexFeed } = await import("@/lib/corpus/index-feed");
    // One document through the same path first: what the first send sets up once for the whole
    // process (about 10 MB, present or not at the start depending on timing) is not a payload.
    const warmUp = await IndexFeed.open({ payloadSize: 1500, mode: "after" });
    await warmUp.add([fakeDocument(0)], []);
    await warmUp.finish(pool);
    const feed = await IndexFeed.open({ payloadSize: 1500, mode: "after" });
    const total = 3200;
    let spooledBytes = 0;
    for (let start = 0; start < total; start += 700) {
      const documents = Array.from({ length: Math.min(700, total - start) }, (_, k) => fakeDocument(start + k));
      spooledBytes += documents.reduce((sum, d) => sum + JSON.stringify(d).length, 0);
      await feed.add(documents, []);
    }
    // What the feed holds, not what it has dropped: heapUsed also counts garbage not yet
    // collected, and the young generation alone can hold more than the limit below (a run once
    // read 13 MB of it), so each sample follows a full collection.
    const collect = liveHeapCollector();
    collect();
    const before = process.memoryUsage().heapUsed;
    let peak = before;
    const sampler = setInterval(() => {
      collect();
      peak = Math.max(peak, process.memoryUsage().heapUsed);
    }, 20);
    const summary = await feed.finish(pool);
    clearInterval(sampler);
    expect(summary).toMatchObject({ documents: total, tasks: 3 });
    // One payload is 1,500 × ~16 kB = ~24 MB of JSON; held as lines and a joined body it was twice that.
    const payloadBytes = (spooledBytes * 1500) / total;
    console.log(`[import-memory] live heap grew ${((peak - before) / 1e6).toFixed(1)} MB while sending; one payload is ${(payloadBytes / 1e6).toFixed(1)} MB`);
    expect(peak - before).toBeLessThan(payloadBytes / 4);

    const { meili } = await import("@/lib/search/client");
    const stats = await meili().index(services.indexUid).getStats();
    expect(stats.numberOfDocuments).toBe(total);
    const sample = await meili().index<QaPairDocument>(services.indexUid).getDocument("pair-3199");
    expect(sample.sourceId).toBe(fakeDocument(3199).sourceId);
  });
});
