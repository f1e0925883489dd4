import { z } from "zod";
import { db } from "@/lib/db/client";
import { reindexAll } from "./reindex";
import { loadEditorSearchSettings, searchSettingsSchema, type EditorSearchSettings } from "./settings";

// Editors keep synonyms and stop words in Postgres. Saving writes them and a "rebuild
// requested" marker in one transaction; a worker then rebuilds into a fresh index and swaps it
// in. So a save succeeds even while Meilisearch is down, and the rebuild happens when it is back.

const REBUILD_KEY = "rebuildRequestedAt";
// Advisory lock id so that only one process rebuilds at a time.
const REBUILD_LOCK = 770_001;

/** The form's text: one synonym group per line ("car, automobile, auto"), stop words separated by commas or lines. */
export const searchSettingsFormSchema = z.object({
  synonyms: z.string().max(100_000, "Synonyms are longer than 100,000 characters"),
  stopWords: z.string().max(20_000, "Stop words are longer than 20,000 characters"),
});

export function parseSettingsForm(form: z.infer<typeof searchSettingsFormSchema>): z.ZodSafeParseResult<EditorSearchSettings> {
  const synonyms: Record<string, string[]> = {};
  for (const line of form.synonyms.split(/\r?\n/)) {
    const words = [
      ...new Set(
        line
          .split(/[,，]/)
          .map((w) => w.trim().toLowerCase())
          .filter(Boolean),
      ),
    ];
    if (words.length < 2) continue;
    // Each word of a group finds the others (Meilisearch synonyms are one-way otherwise).
    for (const word of words) synonyms[word] = [...new Set([...(synonyms[word] ?? []), ...words.filter((w) => w !== word)])];
  }
  const stopWords = [
    ...new Set(
      form.stopWords
        .split(/[,，\n\r]+/)
        .map((w) => w.trim().toLowerCase())
        .filter(Boolean),
    ),
  ];
  return searchSettingsSchema.safeParse({ synonyms, stopWords });
}

/** The settings back as form text: synonym groups, one per line. */
export function settingsToForm(settings: EditorSearchSettings): { synonyms: string; stopWords: string } {
  const seen = new Set<string>();
  const lines: string[] = [];
  for (const [word, others] of Object.entries(settings.synonyms)) {
    if (seen.has(word)) continue;
    const group = [word, ...others];
    group.forEach((w) => seen.add(w));
    lines.push(group.join(", "));
  }
  return { synonyms: lines.join("\n"), stopWords: settings.stopWords.join(", ") };
}

export async function saveSearchSettings(settings: EditorSearchSettings, userId: number | null): Promise<void> {
  const before = await loadEditorSearchSettings();
  await db().$transaction(async (tx) => {
    for (const [key, value] of [
      ["synonyms", settings.synonyms],
      ["stopWords", settings.stopWords],
      [REBUILD_KEY, new Date().toISOString()],
    ] as const) {
      await tx.searchSetting.upsert({ where: { key }, create: { key, value, updatedById: userId }, update: { value, updatedById: userId } });
    }
    await tx.auditEvent.create({
      data: {
        userId,
        action: "search.settings_update",
        targetType: "SearchSetting",
        targetId: "synonyms,stopWords",
        summary: `Search settings saved: ${Object.keys(settings.synonyms).length} synonym entries, ${settings.stopWords.length} stop words; index rebuild requested`,
        diff: { before, after: settings },
      },
    });
  });
}

export async function rebuildRequestedAt(): Promise<string | null> {
  const row = await db().searchSetting.findUnique({ where: { key: REBUILD_KEY } });
  return typeof row?.value === "string" ? row.value : null;
}

/**
 * Rebuilds and swaps the index if an editor asked for it. Returns true when it rebuilt. The
 * marker is removed only if no newer save came in meanwhile, so a second save triggers a
 * second rebuild.
 */
export async function rebuildIfRequested(log: (line: string) => void = () => {}): Promise<boolean> {
  const requested = await rebuildRequestedAt();
  if (!requested) return false;
  // A transaction-level lock: a session lock could be released on another pooled connection.
  // The transaction only holds the lock; the rebuild itself runs outside it.
  return db().$transaction(
    async (tx) => {
      const [{ locked }] = await tx.$queryRaw<{ locked: boolean }[]>`SELECT pg_try_advisory_xact_lock(${REBUILD_LOCK}::bigint) AS locked`;
      if (!locked) return false;
      log(`rebuilding the index with new search settings (requested ${requested})`);
      const result = await reindexAll();
      log(`rebuilt ${result.documents} documents and swapped them in`);
      await db().$executeRaw`DELETE FROM "SearchSetting" WHERE key = ${REBUILD_KEY} AND value = ${JSON.stringify(requested)}::jsonb`;
      return true;
    },
    { timeout: 3_600_000, maxWait: 30_000 },
  );
}
