import { createHash } from "node:crypto";
import { z } from "zod";
import { db } from "@/lib/db/client";
import { recordAudit } from "@/lib/audit/record";
import type { Prisma } from "@/lib/generated/prisma/client";
import { publishConference } from "@/lib/archive/publish";
import { previewReimport, reimportConference, type ReimportDiff } from "@/lib/archive/reimport";
import { readTranscriptOffThread } from "@/lib/transcripts/read-off-thread";
import type { ConferenceInput } from "@/lib/archive/conference-input";
import { conferenceInputFromDraft, DraftNotReadyError } from "./conference";
import type { DraftEditInput } from "./edits";
import { editableDraftFrom, editableDraftSchema, type EditableDraft } from "./model";
import { applyDraftEdit } from "./operations";
import { alignPublishedConference } from "@/lib/alignment/window";

// Server-side storage of import drafts. Every function takes the acting user explicitly so
// that server actions stay thin and tests can call the same code without Next.

export interface Actor {
  id: number;
}

/** Someone else saved the draft first; the stale edit is refused rather than overwriting theirs. */
export class DraftConflictError extends Error {
  constructor() {
    super(
      "This draft was changed in another tab or by another editor since you loaded it. Your last change was not saved; the page now shows the current version, so make it again there.",
    );
  }
}

export class DraftNotFoundError extends Error {
  constructor(id: number) {
    super(`Import draft ${id} does not exist.`);
  }
}

export class DraftPublishedError extends Error {
  constructor(slug: string | null) {
    super(`This draft is already published${slug ? ` as /conferences/${slug}` : ""}; start a new import to update it.`);
  }
}

/** The conference already exists; the editor has to confirm the diff before it is replaced. */
export class ReimportConfirmationNeeded extends Error {
  constructor(readonly diff: ReimportDiff & { version: number }) {
    super("A conference from this source is already in the archive; review the changes and confirm the re-import.");
  }
}

export const importSourceSchema = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("text"), text: z.string() }),
  z.object({
    kind: z.literal("file"),
    fileName: z.string().trim().min(1, "The file has no name").max(255, "The file name is too long"),
    bytes: z.instanceof(Uint8Array),
  }),
]);
export type ImportSource = z.infer<typeof importSourceSchema>;

/**
 * Decodes, parses and stores a new draft. Bad input (empty, binary, over 5 MB, undecodable,
 * over the per-import caps, too slow or too large to parse) throws a
 * TranscriptInputError before anything is written. Parsing runs on a worker thread.
 */
export async function createImportDraft(actor: Actor, raw: ImportSource): Promise<{ id: number }> {
  const source = importSourceSchema.parse(raw);
  const { text, format, draft: parsed } = await readTranscriptOffThread(source);
  const fileName = source.kind === "file" ? source.fileName : null;
  const draft = editableDraftFrom(parsed);
  const sha = createHash("sha256").update(text).digest("hex");

  // Only the two writes share the transaction; parsing happened before it, off this thread.
  // The draft is within the per-import caps, so one insert is bounded; the timeout leaves
  // room for a slow disk rather than the 5 s default.
  return db().$transaction(
    async (tx) => {
      const row = await tx.importDraft.create({
        data: {
          title: draft.metadata.title || null,
          fileName,
          format,
          sourceText: text,
          sourceSha256: sha,
          draft: draft as unknown as Prisma.InputJsonValue,
          createdById: actor.id,
        },
        select: { id: true },
      });
      await recordAudit(tx, {
        userId: actor.id,
        action: "import_draft.create",
        targetType: "ImportDraft",
        targetId: row.id,
        summary: `Imported ${fileName ? `"${fileName}"` : "pasted text"}: ${draft.pairs.length} pairs, ${draft.statements.length} statements, ${draft.unassigned.length} unassigned`,
      });
      return row;
    },
    { timeout: 30_000, maxWait: 10_000 },
  );
}

export interface StoredImportDraft {
  id: number;
  version: number;
  fileName: string | null;
  format: string;
  sourceText: string;
  sourceSha256: string;
  draft: EditableDraft;
  publishedAt: Date | null;
  conferenceSlug: string | null;
  updatedAt: Date;
}

export async function loadImportDraft(id: number): Promise<StoredImportDraft> {
  const row = await db().importDraft.findUnique({ where: { id } });
  if (!row) throw new DraftNotFoundError(id);
  const draft = editableDraftSchema.safeParse(row.draft);
  if (!draft.success) throw new Error(`Import draft ${id} is stored in a shape this version cannot read: ${draft.error.issues[0]?.message}`);
  const conference = row.conferenceId ? await db().conference.findUnique({ where: { id: row.conferenceId }, select: { slug: true } }) : null;
  return {
    id: row.id,
    version: row.version,
    fileName: row.fileName,
    format: row.format,
    sourceText: row.sourceText,
    sourceSha256: row.sourceSha256,
    draft: draft.data,
    publishedAt: row.publishedAt,
    conferenceSlug: conference?.slug ?? null,
    updatedAt: row.updatedAt,
  };
}

export async function listImportDrafts(limit = 50) {
  return db().importDraft.findMany({
    orderBy: { updatedAt: "desc" },
    take: limit,
    select: { id: true, title: true, fileName: true, updatedAt: true, publishedAt: true, version: true },
  });
}

/**
 * Applies one edit against the version the editor saw. The write only happens if nobody
 * saved in between (compare-and-set on ImportDraft.version), so a stale tab never wins.
 */
export async function editImportDraft(actor: Actor, id: number, expectedVersion: number, edit: DraftEditInput): Promise<{ version: number }> {
  const current = await loadImportDraft(id);
  if (current.publishedAt) throw new DraftPublishedError(current.conferenceSlug);
  if (current.version !== expectedVersion) throw new DraftConflictError();
  const next = applyDraftEdit(current.draft, edit);
  const saved = await db().importDraft.updateMany({
    where: { id, version: expectedVersion, publishedAt: null },
    data: { draft: next as unknown as Prisma.InputJsonValue, title: next.metadata.title || null, version: { increment: 1 } },
  });
  if (saved.count !== 1) throw new DraftConflictError();
  void actor; // edits are frequent; the audit trail records creation and publishing
  return { version: expectedVersion + 1 };
}

/** The publish input, with the checks that need the database (translation target exists). */
async function publishableInput(stored: StoredImportDraft): Promise<ConferenceInput> {
  const input = conferenceInputFromDraft(stored.draft, { sourceText: stored.sourceText });
  const slug = stored.draft.metadata.translationOfSlug;
  if (slug && !(await db().conference.findUnique({ where: { slug }, select: { id: true } }))) {
    throw new DraftNotReadyError([`"translation of" names /conferences/${slug}, which does not exist`]);
  }
  return input;
}

export type PublishPlan = { kind: "new" } | { kind: "reimport"; diff: ReimportDiff & { version: number } };

/** What publishing would do now: create a conference, or update the one from the same source. */
export async function planPublish(id: number): Promise<PublishPlan> {
  const input = await publishableInput(await loadImportDraft(id));
  if (!input.metadata.sourceKey) return { kind: "new" };
  const existing = await db().conference.findUnique({ where: { sourceKey: input.metadata.sourceKey }, select: { id: true } });
  return existing ? { kind: "reimport", diff: await previewReimport(input) } : { kind: "new" };
}

/**
 * Publishes the draft in one transaction with its outbox rows and marks the draft published.
 * When the source is already in the archive, it re-imports instead, but only with
 * confirmedConferenceVersion set to the version whose diff the editor approved.
 */
export async function publishImportDraft(
  actor: Actor,
  id: number,
  expectedVersion: number,
  options: { confirmedConferenceVersion?: number } = {},
): Promise<{ slug: string; conferenceId: number; reimport: ReimportDiff | null }> {
  const stored = await loadImportDraft(id);
  if (stored.publishedAt) throw new DraftPublishedError(stored.conferenceSlug);
  if (stored.version !== expectedVersion) throw new DraftConflictError();
  const input = await publishableInput(stored);
  const sourceKey = input.metadata.sourceKey;
  const existing = sourceKey ? await db().conference.findUnique({ where: { sourceKey }, select: { id: true } }) : null;
  if (existing && options.confirmedConferenceVersion === undefined) throw new ReimportConfirmationNeeded(await previewReimport(input));

  const published = await db().$transaction(
    async (tx) => {
      let result: { slug: string; conferenceId: number; reimport: ReimportDiff | null };
      if (existing) {
        const diff = await reimportConference(input, { userId: actor.id, expectedVersion: options.confirmedConferenceVersion, tx });
        result = { slug: diff.slug, conferenceId: diff.conferenceId, reimport: diff };
      } else {
        const published = await publishConference(input, { userId: actor.id, tx });
        result = { slug: published.slug, conferenceId: published.conferenceId, reimport: null };
      }
      const marked = await tx.importDraft.updateMany({
        where: { id, version: expectedVersion, publishedAt: null },
        data: { publishedAt: new Date(), conferenceId: result.conferenceId, version: { increment: 1 } },
      });
      // Rolls the whole publish back: a second tab published or edited in the meantime.
      if (marked.count !== 1) throw new DraftConflictError();
      await recordAudit(tx, {
        userId: actor.id,
        action: "import_draft.publish",
        targetType: "ImportDraft",
        targetId: id,
        summary: `${existing ? "Re-imported" : "Published"} as /conferences/${result.slug}`,
      });
      return result;
    },
    { timeout: 120_000, maxWait: 20_000 },
  );
  // After the commit: a briefing published in its second language is linked to the first at once.
  await alignPublishedConference(published.conferenceId);
  return published;
}
