import { mkdtemp, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { useTestServices, type TestServices } from "../support/services";

// Corpus sync: a new snapshot of a file where records changed and vanished.

let services: TestServices;
let dir: string;

beforeAll(async () => {
  services = await useTestServices();
  dir = await mkdtemp(path.join(os.tmpdir(), "pressroom-sync-"));
});
afterAll(async () => {
  await services?.cleanup();
  if (dir) await rm(dir, { recursive: true, force: true });
});

const record = (n: number, answer = `Answer ${n} as first published.`) =>
  JSON.stringify({
    id: `wh-sync-${n}`,
    date: "2022-02-02",
    conference: "Sync briefing",
    organizer: "The White House",
    answerers: ["MS. PSAKI"],
    questioner: null,
    question: `Question ${n} about ferries?`,
    answer,
    lang: "en",
    seq: n,
    topic: null,
    url: "https://example.org/sync",
    flags: [],
    source: "example/wh@abcdef1:sync.jsonl",
  });

async function file(name: string, lines: string[]) {
  const target = path.join(dir, name);
  await writeFile(target, `${lines.join("\n")}\n`);
  return target;
}

describe("corpus sync", () => {
  it("updates changed records with a revision, withdraws vanished ones with a note, and plans without writing", async () => {
    const { importCorpusFiles } = await import("@/lib/corpus/import");
    const { planCorpusSync, withdrawVanished, WITHDRAWN_NOTE } = await import("@/lib/corpus/sync");
    const { db } = await import("@/lib/db/client");
    await importCorpusFiles([
      await file(
        "v1.jsonl",
        [1, 2, 3, 4].map((n) => record(n)),
      ),
    ]);

    const next = await file("v2.jsonl", [record(1), record(2, "Answer 2, corrected by the source."), record(4), record(5)]);
    const before = await db().qaPair.findMany({ orderBy: { id: "asc" }, select: { id: true, version: true, status: true } });
    const plan = await planCorpusSync([next]);
    expect(plan.families).toHaveLength(1);
    expect(plan.families[0]).toMatchObject({ family: "wh", inFile: 4, fresh: ["wh-sync-5"], changed: ["wh-sync-2"], unchanged: 2 });
    expect(plan.families[0].vanished.map((v) => v.sourceId)).toEqual(["wh-sync-3"]);
    // Planning (the dry run) writes nothing.
    expect(await db().qaPair.findMany({ orderBy: { id: "asc" }, select: { id: true, version: true, status: true } })).toEqual(before);

    const summary = await importCorpusFiles([next]);
    expect(summary).toMatchObject({ pairsInserted: 1, pairsUpdated: 1, pairsUnchanged: 2 });
    expect(await withdrawVanished(plan)).toBe(1);

    const changed = await db().qaPair.findFirstOrThrow({ where: { sourceId: "wh-sync-2" }, include: { revisions: true, turns: { orderBy: { position: "asc" } } } });
    expect(changed.turns.at(-1)?.text).toBe("Answer 2, corrected by the source.");
    expect(changed.revisions).toHaveLength(1);
    expect(JSON.stringify(changed.revisions[0].before)).toContain("Answer 2 as first published.");
    expect(changed.revisions[0].version).toBe(changed.version);

    const gone = await db().qaPair.findFirstOrThrow({ where: { sourceId: "wh-sync-3" }, include: { revisions: true } });
    expect(gone).toMatchObject({ status: "UNPUBLISHED", statusReason: WITHDRAWN_NOTE, version: 2 });
    expect(gone.revisions[0]).toMatchObject({ publicNote: WITHDRAWN_NOTE });
    expect(await db().searchOutbox.count({ where: { qaPairId: gone.id, op: "DELETE" } })).toBe(1);
    expect(await db().auditEvent.count({ where: { action: "corpus.withdraw", targetId: "wh" } })).toBe(1);

    // Running the same sync again changes nothing.
    const again = await planCorpusSync([next]);
    expect(again.families[0]).toMatchObject({ fresh: [], changed: [], unchanged: 4, vanished: [] });
  });

  it("refuses to withdraw while lines fail validation", async () => {
    const { planCorpusSync, withdrawVanished } = await import("@/lib/corpus/sync");
    const plan = await planCorpusSync([await file("broken.jsonl", [record(1), "{not json"])]);
    expect(plan.invalidLines).toBe(1);
    await expect(withdrawVanished(plan)).rejects.toThrow(/1 lines failed validation/);
  });

  it("prints the plan for --sync --dry-run and changes nothing", async () => {
    const { runCorpusImport } = await import("@/scripts/import-corpus");
    const { db } = await import("@/lib/db/client");
    const before = await db().qaPair.count({ where: { status: "PUBLISHED" } });
    const log = vi.spyOn(console, "log").mockImplementation(() => {});
    try {
      expect(await runCorpusImport([await file("v3.jsonl", [record(1)]), "--sync", "--dry-run"])).toBe(0);
      const printed = log.mock.calls.map((c) => String(c[0])).join("\n");
      expect(printed).toContain("Dry run: nothing was written. A sync would change:");
      expect(printed).toMatch(/wh: 1 records in the file; 0 new, 0 changed, 1 unchanged, 3 vanished/);
      expect(printed).toContain("wh-sync-2");
    } finally {
      log.mockRestore();
    }
    expect(await db().qaPair.count({ where: { status: "PUBLISHED" } })).toBe(before);
  });
});
