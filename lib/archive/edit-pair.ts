import { z } from "zod";
import { db, type Tx } from "@/lib/db/client";
import { recordAudit } from "@/lib/audit/record";
import { enqueueAlertCheck } from "@/lib/alerts/outbox";
import { enqueueSearchSync } from "@/lib/search/outbox";
import { slugify } from "./ids";
import { ConflictError, diffSnapshots, EditError, lastEditOf, recordRevision, summarizeChanges } from "./revisions";

const optionalName = z
  .string()
  .trim()
  .max(200)
  .optional()
  .nullable()
  .transform((v) => v || null);

/** The optional public note shown under "Corrections"; every edit form takes the same one. */
export const correctionNoteSchema = z
  .string()
  .trim()
  .max(1000, "The correction note is longer than 1000 characters")
  .optional()
  .nullable()
  .transform((v) => v || null);

export const pairEditSchema = z.object({
  publicId: z.string().regex(/^[0-9a-z]{8}$/, "Unknown pair id"),
  version: z.coerce.number().int().min(1),
  outlet: optionalName,
  topics: z.array(z.string().trim().min(1).max(120)).max(20).default([]),
  turns: z
    .array(
      z.object({
        turnId: z.coerce.number().int().positive(),
        speaker: optionalName,
        text: z.string().trim().min(1, "A turn's text must not be empty").max(200_000),
      }),
    )
    .min(1)
    .max(500),
  correctionNote: correctionNoteSchema,
});
export type PairEditInput = z.input<typeof pairEditSchema>;

/** What an editor can change on a pair; stored as Revision before/after. */
export type PairSnapshot = {
  outlet: string | null;
  topics: string[];
  correctionNote: string | null;
  turns: { turnId: number; kind: "QUESTION" | "ANSWER"; speaker: string | null; text: string }[];
};

export async function readPairSnapshot(tx: Tx, qaPairId: number): Promise<{ snapshot: PairSnapshot; version: number }> {
  const pair = await tx.qaPair.findUniqueOrThrow({
    where: { id: qaPairId },
    include: {
      outlet: { select: { name: true } },
      topics: { include: { topic: { select: { name: true } } } },
      turns: { orderBy: { position: "asc" }, select: { id: true, kind: true, speakerLabel: true, speaker: { select: { name: true } }, text: true } },
    },
  });
  return {
    version: pair.version,
    snapshot: {
      outlet: pair.outlet?.name ?? null,
      topics: pair.topics.map((t) => t.topic.name).sort((a, b) => a.localeCompare(b)),
      correctionNote: pair.correctionNote,
      turns: pair.turns.map((t) => ({
        turnId: t.id,
        kind: t.kind === "QUESTION" ? "QUESTION" : "ANSWER",
        speaker: t.speakerLabel ?? t.speaker?.name ?? null,
        text: t.text,
      })),
    },
  };
}

export async function loadPairForEdit(publicId: string) {
  const pair = await db().qaPair.findUnique({
    where: { publicId },
    select: {
      id: true,
      publicId: true,
      ordinal: true,
      status: true,
      statusReason: true,
      correctedAt: true,
      conference: { select: { id: true, slug: true, title: true, status: true } },
    },
  });
  if (!pair) return null;
  const { snapshot, version } = await db().$transaction((tx) => readPairSnapshot(tx, pair.id));
  return { ...pair, version, snapshot };
}

/** The row for a speaker, outlet or topic name, created on first use (names are matched by slug). */
export async function upsertNamed(tx: Tx, kind: "speaker" | "outlet" | "topic", name: string): Promise<number> {
  const slug = slugify(name);
  const select = { id: true } as const;
  if (kind === "speaker") return (await tx.speaker.upsert({ where: { slug }, create: { name, slug }, update: {}, select })).id;
  if (kind === "outlet") return (await tx.outlet.upsert({ where: { slug }, create: { name, slug }, update: {}, select })).id;
  return (await tx.topic.upsert({ where: { slug }, create: { name, slug }, update: {}, select })).id;
}

export type EditResult = { version: number; changed: boolean };

/**
 * Saves an editor's changes to a published pair. The version check, turn updates, revision,
 * outbox row and audit event commit together or not at all; a stale version throws
 * ConflictError with the stored values and writes nothing.
 */
export async function editPair(raw: PairEditInput, actor: { userId: number; ip?: string | null }): Promise<EditResult> {
  const input = pairEditSchema.parse(raw);
  return db().$transaction(async (tx) => {
    const pair = await tx.qaPair.findUnique({
      where: { publicId: input.publicId },
      select: { id: true, conferenceId: true, status: true, conference: { select: { status: true } } },
    });
    if (!pair) throw new EditError("This pair does not exist");
    const { snapshot: before, version } = await readPairSnapshot(tx, pair.id);

    const conflict = async (): Promise<never> => {
      const now = await readPairSnapshot(tx, pair.id);
      throw new ConflictError(now.snapshot, now.version, await lastEditOf(tx, { qaPairId: pair.id }));
    };
    if (version !== input.version) await conflict();

    const known = new Map(before.turns.map((t) => [t.turnId, t]));
    if (input.turns.length !== known.size || input.turns.some((t) => !known.has(t.turnId))) {
      throw new EditError("The turns in the form do not match this pair; reload the page");
    }
    const after: PairSnapshot = {
      outlet: input.outlet,
      topics: [...new Set(input.topics)].sort((a, b) => a.localeCompare(b)),
      correctionNote: input.correctionNote,
      turns: input.turns.map((t) => ({ turnId: t.turnId, kind: known.get(t.turnId)!.kind, speaker: t.speaker, text: t.text })),
    };
    const changes = diffSnapshots(before, after);
    if (changes.length === 0) return { version, changed: false };

    // The version check is the UPDATE itself: of two concurrent saves the second blocks on the
    // row lock, then matches zero rows because the first bumped the version.
    const outletId = after.outlet ? await upsertNamed(tx, "outlet", after.outlet) : null;
    const firstQuestion = after.turns.find((t) => t.kind === "QUESTION");
    const questionerId = firstQuestion?.speaker ? await upsertNamed(tx, "speaker", firstQuestion.speaker) : null;
    const now = new Date();
    const updated = await tx.qaPair.updateMany({
      where: { id: pair.id, version: input.version },
      data: { version: { increment: 1 }, correctedAt: now, correctionNote: after.correctionNote, outletId, questionerId },
    });
    if (updated.count === 0) await conflict();

    for (const turn of after.turns) {
      const old = known.get(turn.turnId)!;
      if (old.text === turn.text && old.speaker === turn.speaker) continue;
      const speakerId = turn.speaker ? await upsertNamed(tx, "speaker", turn.speaker) : null;
      await tx.turn.update({ where: { id: turn.turnId }, data: { text: turn.text, speakerLabel: turn.speaker, speakerId } });
      if (speakerId) {
        await tx.conferenceParticipant.createMany({
          data: [{ conferenceId: pair.conferenceId, speakerId, role: turn.kind === "QUESTION" ? "JOURNALIST" : "OFFICIAL" }],
          skipDuplicates: true,
        });
      }
    }
    if (JSON.stringify(before.topics) !== JSON.stringify(after.topics)) {
      await tx.qaPairTopic.deleteMany({ where: { qaPairId: pair.id } });
      const topicIds = [];
      for (const name of after.topics) topicIds.push(await upsertNamed(tx, "topic", name));
      if (topicIds.length) await tx.qaPairTopic.createMany({ data: [...new Set(topicIds)].map((topicId) => ({ qaPairId: pair.id, topicId })), skipDuplicates: true });
    }

    const newVersion = input.version + 1;
    await recordRevision(tx, {
      entityType: "QaPair",
      qaPairId: pair.id,
      conferenceId: pair.conferenceId,
      version: newVersion,
      userId: actor.userId,
      before,
      after,
      changes,
      publicNote: after.correctionNote,
    });
    if (pair.status === "PUBLISHED" && pair.conference.status === "PUBLISHED") {
      await enqueueSearchSync(tx, [pair.id], "UPSERT");
      await enqueueAlertCheck(tx, [pair.id], "CORRECTION");
    }
    await recordAudit(tx, {
      userId: actor.userId,
      action: "pair.edit",
      targetType: "QaPair",
      targetId: input.publicId,
      summary: summarizeChanges(changes),
      diff: changes,
      ip: actor.ip,
    });
    return { version: newVersion, changed: true };
  });
}
