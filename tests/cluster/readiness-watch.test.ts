import { afterAll, describe, expect, it } from "vitest";
import { englishBriefing, withIndexedArchive } from "../search/fixtures";

// /api/ready under load, against real Postgres and Meilisearch: with the app's connection pool
// busy (every connection in a 4 s query, as under a flood of visitors), the checks run on the
// request path (the old design) miss their 3 s bound and say "not ready", while the background
// verdict (readiness-watch.ts, its own connection) still answers at once, and ready.

const archive = withIndexedArchive(englishBriefing);

afterAll(async () => {
  const { stopReadinessWatch } = await import("@/lib/health/readiness-watch");
  await stopReadinessWatch();
});

describe("readiness answered from the background verdict", () => {
  it("is ready from the first answer when everything is fine", async () => {
    expect(archive.services.databaseUrl).toBeTruthy();
    const { startReadinessWatch, currentReadiness } = await import("@/lib/health/readiness-watch");
    startReadinessWatch(250);
    const answer = await currentReadiness();
    expect(answer.ready).toBe(true);
    expect(answer.checks.postgres).toEqual({ ok: true });
    expect(answer.checks.indexSettings).toEqual({ ok: true, index: archive.services.indexUid });
  });

  it("stays ready and answers at once while the app's pool is saturated; the on-request check does not", async () => {
    const { currentReadiness } = await import("@/lib/health/readiness-watch");
    const { checkReadiness } = await import("@/lib/health/readiness");
    const { db } = await import("@/lib/db/client");
    // The pool holds 10 connections (lib/db/client.ts): fill all of them for 4 s (and queue two more).
    // (.then: a Prisma query runs only once something waits for it.)
    const busy = Array.from({ length: 12 }, () => db().$queryRaw`SELECT 1 AS slept FROM pg_sleep(4)`.then(() => undefined));
    await new Promise((r) => setTimeout(r, 300));
    const onRequest = checkReadiness();
    // A few refreshes happen while the pool is full.
    await new Promise((r) => setTimeout(r, 1500));
    const asked = Date.now();
    const answer = await currentReadiness();
    expect(Date.now() - asked).toBeLessThan(100);
    expect(answer.ready).toBe(true);
    expect(answer.checks.postgres).toEqual({ ok: true });
    expect(answer.ageMs).toBeLessThan(1000);
    // The control: the same checks through the busy pool.
    expect((await onRequest).checks.postgres).toEqual({ ok: false, error: "no answer within 3000 ms" });
    await Promise.all(busy);
  }, 30_000);
});
