import { z } from "zod";
import { httpUrlSchema } from "@/lib/urls/http-url";
import { db, type Tx } from "@/lib/db/client";
import { recordAudit } from "@/lib/audit/record";
import { enqueueSearchSync, enqueueStatementSync } from "@/lib/search/outbox";
import { ConflictError, diffSnapshots, EditError, lastEditOf, recordRevision, summarizeChanges } from "./revisions";

const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .optional()
    .nullable()
    .transform((v) => v || null);

export const conferenceEditSchema = z.object({
  slug: z.string().min(1).max(200),
  version: z.coerce.number().int().min(1),
  title: z.string().trim().min(1, "Title must not be empty").max(500),
  heldOn: z
    .string()
    .trim()
    .regex(/^(\d{4}-\d{2}-\d{2})?$/, "Date must be YYYY-MM-DD")
    .optional()
    .nullable()
    .transform((v) => v || null),
  organizer: optionalText(300),
  location: optionalText(300),
  language: z
    .string()
    .trim()
    .regex(/^[a-z]{2,3}(-[A-Za-z0-9]+)*$/, "Language must be a code such as en or zh"),
  sourceUrl: z
    .string()
    .trim()
    .max(2000)
    .optional()
    .nullable()
    .transform((v) => v || null)
    .pipe(httpUrlSchema.nullable()),
  sourceName: optionalText(300),
  correctionNote: optionalText(1000),
});
export type ConferenceEditInput = z.input<typeof conferenceEditSchema>;

// The slug is deliberately not editable here: conference URLs are cited and must not move.
export type ConferenceSnapshot = {
  title: string;
  heldOn: string | null;
  organizer: string | null;
  location: string | null;
  language: string;
  sourceUrl: string | null;
  sourceName: string | null;
  correctionNote: string | null;
};

export async function readConferenceSnapshot(tx: Tx, conferenceId: number): Promise<{ snapshot: ConferenceSnapshot; version: number }> {
  const c = await tx.conference.findUniqueOrThrow({ where: { id: conferenceId } });
  return {
    version: c.version,
    snapshot: {
      title: c.title,
      heldOn: c.heldOn ? c.heldOn.toISOString().slice(0, 10) : null,
      organizer: c.organizer,
      location: c.location,
      language: c.language,
      sourceUrl: c.sourceUrl,
      sourceName: c.sourceName,
      correctionNote: c.correctionNote,
    },
  };
}

export async function loadConferenceForEdit(slug: string) {
  const conference = await db().conference.findUnique({
    where: { slug },
    select: { id: true, slug: true, status: true, statusReason: true, correctedAt: true, _count: { select: { pairs: true } } },
  });
  if (!conference) return null;
  const { snapshot, version } = await db().$transaction((tx) => readConferenceSnapshot(tx, conference.id));
  return { ...conference, version, snapshot };
}

/** Same contract as editPair: version-checked UPDATE, revision, outbox and audit in one transaction. */
export async function editConference(raw: ConferenceEditInput, actor: { userId: number; ip?: string | null }) {
  const input = conferenceEditSchema.parse(raw);
  return db().$transaction(async (tx) => {
    const conference = await tx.conference.findUnique({ where: { slug: input.slug }, select: { id: true, status: true } });
    if (!conference) throw new EditError("This conference does not exist");
    const { snapshot: before, version } = await readConferenceSnapshot(tx, conference.id);
    const conflict = async (): Promise<never> => {
      const now = await readConferenceSnapshot(tx, conference.id);
      throw new ConflictError(now.snapshot, now.version, await lastEditOf(tx, { conferenceId: conference.id }));
    };
    if (version !== input.version) await conflict();

    const { slug: _slug, version: _version, ...after } = input;
    const changes = diffSnapshots(before, after);
    if (changes.length === 0) return { version, changed: false };

    const updated = await tx.conference.updateMany({
      where: { id: conference.id, version: input.version },
      data: {
        ...after,
        heldOn: after.heldOn ? new Date(`${after.heldOn}T00:00:00Z`) : null,
        version: { increment: 1 },
        correctedAt: new Date(),
      },
    });
    if (updated.count === 0) await conflict();

    const newVersion = input.version + 1;
    await recordRevision(tx, {
      entityType: "Conference",
      conferenceId: conference.id,
      version: newVersion,
      userId: actor.userId,
      before,
      after,
      changes,
      publicNote: after.correctionNote,
    });
    // Conference metadata (title, date, organizer) is part of every pair's search document.
    if (conference.status === "PUBLISHED") {
      const pairs = await tx.qaPair.findMany({ where: { conferenceId: conference.id, status: "PUBLISHED" }, select: { id: true } });
      await enqueueSearchSync(
        tx,
        pairs.map((p) => p.id),
        "UPSERT",
      );
      await enqueueStatementSync(tx, [conference.id]);
    }
    await recordAudit(tx, {
      userId: actor.userId,
      action: "conference.edit",
      targetType: "Conference",
      targetId: conference.id,
      summary: summarizeChanges(changes),
      diff: changes,
      ip: actor.ip,
    });
    return { version: newVersion, changed: true };
  });
}
