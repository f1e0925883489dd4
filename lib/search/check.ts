import { db } from "@/lib/db/client";
import { indexExists, liveIndexUid, meili } from "./client";
import { allVisibleSearchDocuments } from "./reindex";
import { checkIndexSettings } from "./index-setup";
import { describeDrift, type SettingsDifference } from "./settings-drift";
import { outboxBacklog } from "./worker";

export interface IndexCheckReport {
  index: string;
  indexExists: boolean;
  postgresVisible: number;
  indexDocuments: number;
  /** Visible in Postgres, absent from the index. */
  missing: string[];
  /** In the index, not visible in Postgres (unpublished, deleted, or unknown). */
  extra: string[];
  /** In both, but the index holds an older state of the pair or its conference. */
  stale: string[];
  outbox: { pending: number; failing: number; oldestPendingAt: Date | null };
  /** Declared settings (settings.ts) the live index does not have. */
  settingsDrift: SettingsDifference[];
  inSync: boolean;
}

/** Compares every visible pair and statement with the index document of the same id. Read-only. */
export async function checkIndex(): Promise<IndexCheckReport> {
  const uid = liveIndexUid();
  const exists = await indexExists(uid);
  const indexed = new Map<string, number>();
  if (exists) {
    const index = meili().index(uid);
    const limit = 5000;
    for (let offset = 0; ; offset += limit) {
      const page = await index.getDocuments<{ id: string; updatedAt: number }>({ fields: ["id", "updatedAt"], limit, offset });
      for (const doc of page.results) indexed.set(doc.id, doc.updatedAt);
      if (page.results.length < limit) break;
    }
  }
  const missing: string[] = [];
  const stale: string[] = [];
  const seen = new Set<string>();
  let postgresVisible = 0;
  for await (const documents of allVisibleSearchDocuments(5000)) {
    for (const doc of documents) {
      postgresVisible += 1;
      seen.add(doc.id);
      const indexedAt = indexed.get(doc.id);
      if (indexedAt === undefined) missing.push(doc.id);
      else if (indexedAt !== doc.updatedAt) stale.push(doc.id);
    }
  }
  const extra = [...indexed.keys()].filter((id) => !seen.has(id));
  const outbox = await outboxBacklog();
  const settings = exists ? await checkIndexSettings(uid) : { drift: [] };
  return {
    index: uid,
    indexExists: exists,
    postgresVisible,
    indexDocuments: indexed.size,
    missing,
    extra,
    stale,
    outbox,
    settingsDrift: settings.drift,
    inSync: exists && missing.length === 0 && extra.length === 0 && stale.length === 0 && settings.drift.length === 0,
  };
}

export function formatCheckReport(report: IndexCheckReport): string {
  const sample = (ids: string[]) => (ids.length ? ` (${ids.slice(0, 20).join(", ")}${ids.length > 20 ? ", …" : ""})` : "");
  const lines = [
    `Index "${report.index}"${report.indexExists ? "" : " does not exist"}`,
    `  Postgres visible:       ${report.postgresVisible} (pairs and statements)`,
    `  Index documents:        ${report.indexDocuments}`,
    `  Missing from index:     ${report.missing.length}${sample(report.missing)}`,
    `  Extra in index:         ${report.extra.length}${sample(report.extra)}`,
    `  Stale in index:         ${report.stale.length}${sample(report.stale)}`,
    `  Outbox pending:         ${report.outbox.pending} (${report.outbox.failing} retrying)${report.outbox.oldestPendingAt ? `, oldest ${report.outbox.oldestPendingAt.toISOString()}` : ""}`,
    `  Settings drift:         ${report.settingsDrift.length ? describeDrift(report.settingsDrift) : "none"}`,
    report.inSync
      ? "In sync."
      : report.settingsDrift.length
        ? "Differences found. The index settings differ from the declared ones: the search worker re-applies them within minutes, or run `npm run search:reindex` now."
        : "Differences found. Pending outbox rows explain recent ones; otherwise run `npm run search:reindex`.",
  ];
  return lines.join("\n");
}

// Kept here so scripts disconnect cleanly.
export async function closeConnections(): Promise<void> {
  await db().$disconnect();
}
