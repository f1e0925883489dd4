import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ConferenceInput } from "@/lib/archive/conference-input";
import { startLocalMeilisearch, type LocalMeilisearch } from "@/lib/dev-services/meilisearch";
import { findFreePort, waitFor } from "@/lib/dev-services/ports";
import { useTestServices, type TestServices } from "../support/services";

// The outbox against a Meilisearch of our own, so we can kill and restart it mid-batch.

let services: TestServices;
let meili: LocalMeilisearch;
let dir: string;
let port: number;
const masterKey = "outbox-test-master-key-0123456789";

function manyPairs(prefix: string, count: number): ConferenceInput {
  return {
    metadata: { title: `Outbox briefing ${prefix}`, heldOn: "2022-05-01", language: "en", sourceName: "test" },
    pairs: Array.from({ length: count }, (_, i) => ({
      question: { speaker: `Reporter ${i % 7}`, outlet: `Outlet ${i % 5}`, text: `Question ${prefix} number ${i} about harbour dredging and tariffs.` },
      answers: [{ speaker: "Spokesperson Vale", text: `Answer ${prefix} ${i}: `.concat("we will publish the figures in due course. ".repeat(20)) }],
      sourceCorpus: "outbox",
      sourceId: `${prefix}-${i}`,
    })),
  };
}

async function startMeili() {
  meili = await startLocalMeilisearch({ dbPath: path.join(dir, "meili"), port, masterKey });
}

beforeAll(async () => {
  services = await useTestServices();
  dir = await mkdtemp(path.join(os.tmpdir(), "pressroom-outbox-"));
  port = await findFreePort();
  await startMeili();
  process.env.MEILI_HOST = meili.host;
  process.env.MEILI_MASTER_KEY = masterKey;
});

afterAll(async () => {
  await meili?.stop();
  await services?.cleanup();
  if (dir) await rm(dir, { recursive: true, force: true });
});

async function allIndexedIds(): Promise<string[]> {
  const { liveIndex } = await import("@/lib/search/client");
  const ids: string[] = [];
  for (let offset = 0; ; offset += 1000) {
    const page = await liveIndex().getDocuments({ fields: ["id"], limit: 1000, offset });
    ids.push(...page.results.map((d) => d.id));
    if (page.results.length < 1000) return ids;
  }
}

describe("search outbox", () => {
  it("survives Meilisearch being killed during a batch: every document present, none duplicated", async () => {
    const { publishConference } = await import("@/lib/archive/publish");
    const { enqueueSearchSync } = await import("@/lib/search/outbox");
    const { drainOutboxOnce } = await import("@/lib/search/worker");
    const { db } = await import("@/lib/db/client");

    const first = await publishConference(manyPairs("a", 150));
    const second = await publishConference(manyPairs("b", 150));
    const allPairIds = [...first.pairs, ...second.pairs].map((p) => p.id);
    // Duplicates collapse: every pair queued a second time.
    await db().$transaction((tx) => enqueueSearchSync(tx, allPairIds));
    // A pair unpublished after being queued must end up absent, whatever its queued ops said.
    const hidden = second.pairs[0];
    await db().$transaction(async (tx) => {
      await tx.qaPair.update({ where: { id: hidden.id }, data: { status: "UNPUBLISHED" } });
      await enqueueSearchSync(tx, [hidden.id], "DELETE");
    });

    const firstBatch = await drainOutboxOnce({ batchSize: 200 });
    expect(firstBatch).toMatchObject({ processed: 200, failed: 0 });

    // 300 upserts + 300 duplicates + 1 delete were queued, and one statements row per
    // conference; 200 are done (the first conference's statements row among them).
    const remaining = await db().searchOutbox.count({ where: { processedAt: null } });
    expect(remaining).toBe(403);
    // Freeze Meilisearch, let the worker claim a batch and send it, then kill Meilisearch.
    process.kill(meili.process.pid!, "SIGSTOP");
    let settled = false;
    const draining = drainOutboxOnce({ batchSize: 1000 }).finally(() => {
      settled = true;
    });
    // Watch the worker's pair locks in pg_locks: polling the rows with FOR UPDATE SKIP LOCKED
    // would itself lock them for an instant and could make the worker skip them.
    const pairsLeft = await db().$queryRaw<{ n: bigint }[]>`SELECT count(DISTINCT "qaPairId") AS n FROM "SearchOutbox" WHERE "processedAt" IS NULL`;
    await waitFor(
      async () => {
        if (settled) return true;
        const held = await db().$queryRaw<{ n: bigint }[]>`
        SELECT count(*) AS n FROM pg_locks
        WHERE locktype = 'advisory' AND classid = 7700 AND granted
          AND database = (SELECT oid FROM pg_database WHERE datname = current_database())`;
        return Number(held[0].n) === Number(pairsLeft[0].n); // the worker holds the whole batch
      },
      "the worker to claim the batch",
      60_000,
      20,
    );
    await new Promise((r) => setTimeout(r, 300));
    process.kill(meili.process.pid!, "SIGKILL");
    const failedBatch = await draining;
    expect(failedBatch.processed).toBe(0);
    expect(failedBatch.failed).toBe(remaining);

    const rescheduled = await db().searchOutbox.findMany({ where: { processedAt: null } });
    expect(rescheduled).toHaveLength(remaining);
    for (const row of rescheduled) {
      expect(row.attempts).toBe(1);
      expect(row.lastError).toBeTruthy();
      expect(row.availableAt.getTime()).toBeGreaterThan(Date.now());
    }
    // While Meilisearch is down nothing is due yet (backoff), and nothing is lost.
    expect(await drainOutboxOnce()).toMatchObject({ processed: 0 });

    await startMeili();
    // Let the backoff elapse instead of sleeping through it.
    await db().$executeRaw`UPDATE "SearchOutbox" SET "availableAt" = now() WHERE "processedAt" IS NULL`;
    let rounds = 0;
    while ((await drainOutboxOnce({ batchSize: 200 })).processed > 0) rounds += 1;
    expect(rounds).toBeGreaterThan(0);
    expect(await db().searchOutbox.count({ where: { processedAt: null } })).toBe(0);

    const ids = await allIndexedIds();
    expect(new Set(ids).size).toBe(ids.length);
    const visible = [...first.pairs, ...second.pairs]
      .filter((p) => p.id !== hidden.id)
      .map((p) => p.publicId)
      .sort();
    expect([...ids].sort()).toEqual(visible);
    expect(ids).not.toContain(hidden.publicId);

    const { checkIndex } = await import("@/lib/search/check");
    const report = await checkIndex();
    expect(report).toMatchObject({ inSync: true, missing: [], extra: [], stale: [], postgresVisible: 299 });
  });

  it("lets several workers drain concurrently without sending a row twice", async () => {
    const { publishConference } = await import("@/lib/archive/publish");
    const { drainOutboxOnce } = await import("@/lib/search/worker");
    const { db } = await import("@/lib/db/client");
    const third = await publishConference(manyPairs("c", 120));
    const pending = await db().searchOutbox.count({ where: { processedAt: null } });
    expect(pending).toBe(121); // and the conference's statements
    let processed = 0;
    for (let round = 0; round < 20 && processed < pending; round += 1) {
      const results = await Promise.all([1, 2, 3].map(() => drainOutboxOnce({ batchSize: 25 })));
      processed += results.reduce((sum, r) => sum + r.processed, 0);
    }
    expect(processed).toBe(pending);
    expect(await db().searchOutbox.count({ where: { processedAt: null } })).toBe(0);
    const ids = await allIndexedIds();
    for (const pair of third.pairs) expect(ids).toContain(pair.publicId);
  });

  it("removes the document when a conference is unpublished", async () => {
    const { publishConference } = await import("@/lib/archive/publish");
    const { enqueueSearchSync } = await import("@/lib/search/outbox");
    const { drainOutboxOnce } = await import("@/lib/search/worker");
    const { db } = await import("@/lib/db/client");
    const conf = await publishConference(manyPairs("d", 3));
    await drainOutboxOnce();
    expect(await allIndexedIds()).toContain(conf.pairs[0].publicId);
    await db().$transaction(async (tx) => {
      await tx.conference.update({ where: { id: conf.conferenceId }, data: { status: "UNPUBLISHED" } });
      await enqueueSearchSync(
        tx,
        conf.pairs.map((p) => p.id),
        "DELETE",
      );
    });
    expect(await drainOutboxOnce()).toMatchObject({ processed: 3 });
    const ids = await allIndexedIds();
    for (const pair of conf.pairs) expect(ids).not.toContain(pair.publicId);
  });
});
