import { describe, expect, it } from "vitest";
import { englishBriefing, withIndexedArchive } from "./fixtures";

// Index settings must never stay wrong: reset them behind the app's back (as a Meilisearch
// restored from an old dump, or a settings task that failed, would leave them) and the worker
// repairs them; search:check reports the drift meanwhile.

const archive = withIndexedArchive(englishBriefing);

async function resetSettingsToDefaults(): Promise<void> {
  const { meili, waitForSuccess } = await import("@/lib/search/client");
  const task = await meili().index(archive.services.indexUid).resetSettings();
  await waitForSuccess(task.taskUid, "reset settings");
}

describe("index settings drift", () => {
  it("a freshly created index has exactly the declared settings, and never exists under its name without them", async () => {
    const { checkIndexSettings } = await import("@/lib/search/index-setup");
    const { meili } = await import("@/lib/search/client");
    const check = await checkIndexSettings(archive.services.indexUid);
    expect(check.exists).toBe(true);
    expect(check.drift).toEqual([]);
    // The staging index it was built in is gone (renamed into place).
    const { results } = await meili().getRawIndexes({ limit: 1000 });
    expect(results.map((i) => i.uid).filter((uid) => uid.startsWith(`${archive.services.indexUid}__setup_`))).toEqual([]);
  });

  it("search:check reports settings reset to Meilisearch's defaults and is not in sync", async () => {
    await resetSettingsToDefaults();
    const { checkIndex, formatCheckReport } = await import("@/lib/search/check");
    const report = await checkIndex();
    expect(report.missing).toEqual([]);
    expect(report.settingsDrift.map((d) => d.path)).toEqual(expect.arrayContaining(["searchableAttributes", "filterableAttributes", "rankingRules"]));
    expect(report.inSync).toBe(false);
    expect(formatCheckReport(report)).toMatch(/Settings drift: .*filterableAttributes/);
    // A filtered query on the drifted index is refused by Meilisearch: an error of ours with
    // Meilisearch's code, not "the search service is not answering".
    const { handleSearchRequest } = await import("@/lib/search/api");
    const response = await handleSearchRequest(new Request("http://localhost/api/v1/search?q=pipeline&year=2024"));
    expect(response.status).toBe(502);
    expect(await response.json()).toMatchObject({ error: "search_failed", code: "invalid_search_filter" });
    // /api/ready says the same.
    const { checkReadiness } = await import("@/lib/health/readiness");
    const readiness = await checkReadiness();
    expect(readiness.ready).toBe(false);
    expect(readiness.checks.postgres.ok).toBe(true);
    expect(readiness.checks.search.ok).toBe(true);
    expect(readiness.checks.indexSettings.drift).toEqual(expect.arrayContaining(["rankingRules"]));
  });

  it("the worker's start-up check re-applies the declared settings and logs it", async () => {
    await resetSettingsToDefaults();
    const { runOutboxWorker } = await import("@/lib/search/worker");
    const { checkIndexSettings } = await import("@/lib/search/index-setup");
    const lines: string[] = [];
    const controller = new AbortController();
    const started = Date.now();
    const worker = runOutboxWorker({ signal: controller.signal, pollMs: 100, log: (line) => lines.push(line) });
    let repairedAt = 0;
    for (let i = 0; i < 600 && !repairedAt; i++) {
      await new Promise((r) => setTimeout(r, 100));
      if (lines.some((l) => l.includes("repaired"))) repairedAt = Date.now();
    }
    controller.abort();
    await worker;
    console.log(`[figure] settings reset -> repaired by the worker in ${((repairedAt - started) / 1000).toFixed(2)} s`);
    expect(repairedAt).toBeGreaterThan(0);
    expect(lines.join("\n")).toMatch(/settings of index ".*" drifted \(.*rankingRules/);
    expect((await checkIndexSettings(archive.services.indexUid)).drift).toEqual([]);
    const { checkReadiness } = await import("@/lib/health/readiness");
    expect((await checkReadiness()).checks.indexSettings).toEqual({ ok: true, index: archive.services.indexUid });
    // And a filtered search works again (it fails with invalid_search_filter on defaults).
    const { searchPairs } = await import("@/lib/search/query");
    const { searchParamsSchema } = await import("@/lib/search/params");
    const results = await searchPairs(searchParamsSchema.parse({ q: "pipeline", year: ["2024"] }));
    expect(results).toBeTruthy();
  });

  it("a rejected settings update is an error, never taken as applied", async () => {
    const { reconcileIndexSettings, checkIndexSettings } = await import("@/lib/search/index-setup");
    await resetSettingsToDefaults();
    // A key that may search but not change settings: Meilisearch refuses the update.
    const created = await fetch(`${archive.services.meiliHost}/keys`, {
      method: "POST",
      headers: { Authorization: `Bearer ${archive.services.meiliKey}`, "Content-Type": "application/json" },
      body: JSON.stringify({ actions: ["search", "settings.get", "indexes.get"], indexes: ["*"], expiresAt: null }),
    }).then((r) => r.json() as Promise<{ key: string }>);
    process.env.MEILI_MASTER_KEY = created.key;
    try {
      await expect(reconcileIndexSettings(archive.services.indexUid)).rejects.toThrow();
    } finally {
      process.env.MEILI_MASTER_KEY = archive.services.meiliKey;
    }
    expect((await checkIndexSettings(archive.services.indexUid)).drift.length).toBeGreaterThan(0);
    // With the right key the next attempt repairs it.
    expect((await reconcileIndexSettings(archive.services.indexUid)).length).toBeGreaterThan(0);
    expect((await checkIndexSettings(archive.services.indexUid)).drift).toEqual([]);
  });
});
