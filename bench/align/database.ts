import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { corpusDir } from "../corpus-files";

// `npm run bench:align -- --database`: the speed goal end to end. Imports both MFA files into
// a throw-away embedded Postgres (without aligning), then times `runAlignment()` over
// everything (what `npm run align` does) and a second run, which must change nothing.

export interface DatabaseTiming {
  importMs: number;
  firstRun: { ms: number; conferences: number; conferenceLinks: number; pairLinks: number; suggestions: number };
  secondRun: { ms: number; created: number; removed: number; updated: number };
}

export async function timeOnDatabase(): Promise<DatabaseTiming> {
  const { startEmbeddedPostgres } = await import("@/lib/dev-services/postgres");
  const { findFreePort } = await import("@/lib/dev-services/ports");
  const { migrate } = await import("@/lib/db/migrator");
  const dir = await mkdtemp(path.join(os.tmpdir(), "pressroom-align-bench-"));
  const postgres = await startEmbeddedPostgres({ dataDir: path.join(dir, "pg"), port: await findFreePort(), persistent: false });
  try {
    await migrate(postgres.url);
    process.env.DATABASE_URL = postgres.url;
    // The configuration check wants a search server; alignment never talks to it.
    process.env.MEILI_HOST ??= "http://127.0.0.1:7700";
    const { importCorpusFiles } = await import("@/lib/corpus/import");
    const { runAlignment } = await import("@/lib/alignment/run");
    const files = ["mfa_prc_press_conferences_2016_2020_en.jsonl", "mfa_prc_press_conferences_2016_2020_zh.jsonl"].map((f) => path.join(corpusDir, f));
    let started = performance.now();
    await importCorpusFiles(files, { align: false });
    const importMs = performance.now() - started;
    started = performance.now();
    const first = await runAlignment();
    const firstMs = performance.now() - started;
    started = performance.now();
    const second = await runAlignment();
    const secondMs = performance.now() - started;
    const { db } = await import("@/lib/db/client");
    await db().$disconnect();
    return {
      importMs: Math.round(importMs),
      firstRun: {
        ms: Math.round(firstMs),
        conferences: first.conferences,
        conferenceLinks: first.conferenceLinks.created,
        pairLinks: first.pairLinks.created,
        suggestions: first.suggestions,
      },
      secondRun: {
        ms: Math.round(secondMs),
        created: second.pairLinks.created + second.conferenceLinks.created,
        removed: second.pairLinks.removed + second.conferenceLinks.removed,
        updated: second.pairLinks.updated + second.conferenceLinks.updated,
      },
    };
  } finally {
    await postgres.stop();
    await rm(dir, { recursive: true, force: true });
  }
}
