import { spawn } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ConferenceInput } from "@/lib/archive/conference-input";
import { startLocalMeilisearch, type LocalMeilisearch } from "@/lib/dev-services/meilisearch";
import { findFreePort, waitFor } from "@/lib/dev-services/ports";
import { useTestServices, type TestServices } from "../support/services";

// Two real Meilisearch instances fed from one outbox (MEILI_TARGETS): each with its own
// position, several workers at once, a worker killed mid-batch, a lost instance rebuilt, and
// queries routed to a healthy, caught-up instance.

const root = path.resolve(import.meta.dirname, "../..");
const masterKey = "targets-test-master-key-0123456789";
let services: TestServices;
let dir: string;
const instances: { name: string; port: number; meili?: LocalMeilisearch }[] = [
  { name: "one", port: 0 },
  { name: "two", port: 0 },
];
const targets = () => instances.map((i) => ({ name: i.name, host: `http://127.0.0.1:${i.port}` }));

function pairs(prefix: string, count: number): ConferenceInput {
  return {
    metadata: { title: `Targets briefing ${prefix}`, heldOn: "2022-06-01", language: "en", sourceName: "test" },
    pairs: Array.from({ length: count }, (_, i) => ({
      question: { speaker: `Reporter ${i % 5}`, outlet: `Outlet ${i % 3}`, text: `Question ${prefix} ${i} on ferry timetables and port fees.` },
      answers: [{ speaker: "Spokesperson Vale", text: `Answer ${prefix} ${i}: `.concat("the timetable is under review. ".repeat(15)) }],
      sourceCorpus: "targets",
      sourceId: `${prefix}-${i}`,
    })),
  };
}

async function start(instance: (typeof instances)[number], wipe = false) {
  const dbPath = path.join(dir, instance.name);
  if (wipe) await rm(dbPath, { recursive: true, force: true });
  instance.meili = await startLocalMeilisearch({ dbPath, port: instance.port, masterKey });
}

beforeAll(async () => {
  services = await useTestServices();
  dir = await mkdtemp(path.join(os.tmpdir(), "pressroom-targets-"));
  for (const instance of instances) {
    instance.port = await findFreePort();
    await start(instance);
  }
  process.env.MEILI_HOST = targets()[0].host;
  process.env.MEILI_MASTER_KEY = masterKey;
  process.env.MEILI_TARGETS = targets()
    .map((t) => `${t.name}=${t.host}`)
    .join(",");
  const { registerTargets } = await import("@/lib/search/targets");
  await registerTargets(targets());
});

afterAll(async () => {
  for (const instance of instances) await instance.meili?.stop();
  delete process.env.MEILI_TARGETS;
  await services?.cleanup();
  if (dir) await rm(dir, { recursive: true, force: true });
});

async function indexedIds(host: string): Promise<string[]> {
  const { meili, withMeiliHost, liveIndexUid } = await import("@/lib/search/client");
  return withMeiliHost(host, async () => {
    const ids: string[] = [];
    for (let offset = 0; ; offset += 1000) {
      const page = await meili()
        .index(liveIndexUid())
        .getDocuments({ fields: ["id"], limit: 1000, offset });
      ids.push(...page.results.map((d) => String(d.id)));
      if (page.results.length < 1000) return ids.sort();
    }
  });
}

async function visibleIds(): Promise<string[]> {
  const { db } = await import("@/lib/db/client");
  const { visiblePairWhere } = await import("@/lib/search/documents");
  const rows = await db().qaPair.findMany({ where: visiblePairWhere, select: { publicId: true } });
  return rows.map((r) => r.publicId).sort();
}

/** Runs every target until nothing is left to send, with `workers` deliveries at once per target. */
async function deliverAll(workers = 1): Promise<{ delivered: number; lockedOut: number }> {
  const { deliverToTargetOnce } = await import("@/lib/search/delivery");
  let delivered = 0;
  let lockedOut = 0;
  for (let round = 0; round < 100; round += 1) {
    const results = await Promise.all(targets().flatMap((target) => Array.from({ length: workers }, () => deliverToTargetOnce(target, { batchSize: 50 }))));
    for (const result of results) {
      if (result.error) throw new Error(result.error);
      if (!result.locked) lockedOut += 1;
      delivered += result.delivered;
    }
    // Done when a round did nothing (the deliveries locked out by another one do nothing either).
    if (results.every((r) => r.delivered === 0 && r.rebuilt === undefined)) return { delivered, lockedOut };
  }
  throw new Error("delivery did not finish in 100 rounds");
}

describe("outbox delivery to several search instances", () => {
  it("feeds both instances from empty, with several workers per instance never sending a batch twice at once", async () => {
    const { publishConference } = await import("@/lib/archive/publish");
    const { db } = await import("@/lib/db/client");
    await publishConference(pairs("a", 120));
    const first = await deliverAll(3);
    // The first step on each instance builds the missing index from Postgres (a rebuild).
    await publishConference(pairs("b", 80));
    const second = await deliverAll(3);
    // Per instance: the 80 pairs plus the one row that resends the conference's statements.
    expect(second.delivered).toBe(2 * (80 + 1));
    // Three deliveries per instance per round: the other two found the target taken.
    expect(first.lockedOut + second.lockedOut).toBeGreaterThan(0);
    const expected = await visibleIds();
    expect(expected).toHaveLength(200);
    for (const target of targets()) expect(await indexedIds(target.host)).toEqual(expected);
    // Every row has been through both instances, so it is marked processed.
    expect(await db().searchOutbox.count({ where: { processedAt: null } })).toBe(0);
  });

  it("never skips a row committed late: a position waits for the older open transaction", async () => {
    const { publishConference } = await import("@/lib/archive/publish");
    const { db } = await import("@/lib/db/client");
    const conf = await publishConference(pairs("c", 2));
    await deliverAll();
    const pair = conf.pairs[0];
    // An editor's transaction takes its id first and commits last.
    const slow = new pg.Client({ connectionString: services.databaseUrl });
    await slow.connect();
    try {
      await slow.query("BEGIN");
      await slow.query(`UPDATE "Turn" SET text = 'Late committed question about lighthouses' WHERE "qaPairId" = $1 AND kind = 'QUESTION'`, [pair.id]);
      await slow.query(`INSERT INTO "SearchOutbox" ("qaPairId", op) VALUES ($1, 'UPSERT')`, [pair.id]);
      // Meanwhile a later transaction commits new pairs, and the workers run.
      const later = await publishConference(pairs("d", 3));
      await deliverAll();
      const ids = await indexedIds(targets()[0].host);
      // The later rows wait too (their txid is above the open one's), so nothing can be passed over.
      for (const p of later.pairs) expect(ids).not.toContain(p.publicId);
      await slow.query("COMMIT");
      await deliverAll();
      for (const target of targets()) {
        const { withMeiliHost, meili, liveIndexUid } = await import("@/lib/search/client");
        const doc = await withMeiliHost(target.host, () => meili().index(liveIndexUid()).getDocument(pair.publicId));
        expect(doc.question).toContain("lighthouses");
        const all = await indexedIds(target.host);
        for (const p of later.pairs) expect(all).toContain(p.publicId);
      }
    } finally {
      await slow.end();
    }
    expect(await db().searchOutbox.count({ where: { processedAt: null } })).toBe(0);
  });

  it("redoes the batch of a worker killed mid-batch", async () => {
    const { publishConference } = await import("@/lib/archive/publish");
    const { db } = await import("@/lib/db/client");
    await publishConference(pairs("e", 600));
    const before = await db().$queryRaw<{ name: string; id: bigint }[]>`SELECT name, "positionId" AS id FROM "SearchTarget" ORDER BY name`;
    // A real worker process, killed with SIGKILL as soon as it holds a target (mid-batch).
    const child = spawn(process.execPath, ["--import", "tsx", path.join(root, "scripts", "search-worker.ts")], {
      cwd: root,
      env: { ...process.env, PRESSROOM_SETTINGS_CHECK_MS: "600000" },
      stdio: "ignore",
    });
    await waitFor(
      async () => {
        const held = await db().$queryRaw<{ n: bigint }[]>`
          SELECT count(*) AS n FROM pg_locks WHERE locktype = 'advisory' AND classid = 7701 AND granted
            AND database = (SELECT oid FROM pg_database WHERE datname = current_database())`;
        return Number(held[0].n) > 0;
      },
      "the worker to take a target",
      60_000,
      10,
    );
    child.kill("SIGKILL");
    await new Promise((resolve) => child.once("exit", resolve));
    const after = await db().$queryRaw<{ name: string; id: bigint }[]>`SELECT name, "positionId" AS id FROM "SearchTarget" ORDER BY name`;
    // It was killed inside its first batch (600 rows, one batch): no position moved.
    expect(after).toEqual(before);
    await deliverAll();
    const expected = await visibleIds();
    for (const target of targets()) {
      const ids = await indexedIds(target.host);
      expect(new Set(ids).size).toBe(ids.length);
      expect(ids).toEqual(expected);
    }
  });

  it("routes queries to a caught-up instance, fails over when one dies, and rebuilds a lost one from Postgres", async () => {
    const { publishConference } = await import("@/lib/archive/publish");
    const { refreshReadRouting } = await import("@/lib/search/read-routing");
    const { deliverToTargetOnce } = await import("@/lib/search/delivery");
    const { db } = await import("@/lib/db/client");
    let state = await refreshReadRouting(targets());
    expect(state.chosen).toBe(targets()[0].host);
    expect(state.caughtUp).toBe(true);

    // Instance one falls behind (rows older than the lag bound it has not been sent): not read from.
    await publishConference(pairs("f", 5));
    await db().$executeRaw`UPDATE "SearchOutbox" SET "createdAt" = now() - interval '1 minute' WHERE "processedAt" IS NULL`;
    // Five pairs and the conference's statements row.
    expect((await deliverToTargetOnce(targets()[1])).delivered).toBe(5 + 1);
    state = await refreshReadRouting(targets(), state);
    expect(state.chosen).toBe(targets()[1].host);
    await deliverAll();
    state = await refreshReadRouting(targets(), state);
    // Caught up again; the current choice is kept rather than flapping back.
    expect(state.chosen).toBe(targets()[1].host);

    // Instance two dies: queries move to one within one refresh.
    const two = instances[1];
    const diedAt = Date.now();
    await two.meili!.stop();
    state = await refreshReadRouting(targets(), state);
    expect(state.chosen).toBe(targets()[0].host);
    expect(Date.now() - diedAt).toBeLessThan(3000);

    // It comes back empty (its disk lost) while editors keep publishing: rebuilt from Postgres.
    await start(two, true);
    state = await refreshReadRouting(targets(), state);
    expect(state.instances.find((i) => i.name === "two")?.healthy).toBe(false); // answers, but no index
    await publishConference(pairs("g", 4));
    const rebuilt = await deliverToTargetOnce(targets()[1]);
    // Everything visible, the pairs published while it was away included.
    expect(rebuilt.rebuilt).toBe((await visibleIds()).length);
    await deliverAll();
    const expected = await visibleIds();
    for (const target of targets()) expect(await indexedIds(target.host)).toEqual(expected);
    state = await refreshReadRouting(targets(), state);
    expect(state.instances.every((i) => i.healthy && !i.rebuilding && i.lagSeconds === 0)).toBe(true);
  });
});
