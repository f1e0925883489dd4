import { z } from "zod";
import { db } from "@/lib/db/client";
import { recordAudit } from "@/lib/audit/record";
import { enqueueSearchSync, enqueueStatementSync } from "@/lib/search/outbox";
import { ConflictError, diffSnapshots, EditError, lastEditOf, recordRevision } from "./revisions";

export const statusChangeSchema = z
  .object({
    action: z.enum(["unpublish", "delete", "restore"]),
    version: z.coerce.number().int().min(1),
    reason: z
      .string()
      .trim()
      .max(1000, "The reason is longer than 1000 characters")
      .optional()
      .nullable()
      .transform((v) => v || null),
  })
  .refine((v) => v.action === "restore" || v.reason, { message: "Give a reason; it is shown on the public page", path: ["reason"] });
export type StatusChangeInput = z.input<typeof statusChangeSchema>;

type Status = "PUBLISHED" | "UNPUBLISHED" | "DELETED" | "DRAFT";
const TARGET: Record<"unpublish" | "delete" | "restore", "UNPUBLISHED" | "DELETED" | "PUBLISHED"> = {
  unpublish: "UNPUBLISHED",
  delete: "DELETED",
  restore: "PUBLISHED",
};
const ALLOWED_FROM: Record<"unpublish" | "delete" | "restore", Status[]> = {
  unpublish: ["PUBLISHED"],
  delete: ["PUBLISHED", "UNPUBLISHED"],
  restore: ["UNPUBLISHED", "DELETED"],
};

/**
 * Unpublish (reversible), soft delete and restore of one pair. The row stays, so its public URL
 * can answer 410 Gone with the reason; the index entry is removed through the outbox.
 */
export async function changePairStatus(publicId: string, raw: StatusChangeInput, actor: { userId: number; ip?: string | null }) {
  const input = statusChangeSchema.parse(raw);
  return db().$transaction(async (tx) => {
    const pair = await tx.qaPair.findUnique({
      where: { publicId },
      select: { id: true, conferenceId: true, status: true, statusReason: true, version: true, mergedIntoId: true, conference: { select: { status: true } } },
    });
    if (!pair) throw new EditError("This pair does not exist");
    // Its turns now belong to the pair it was merged into; restoring it would publish an empty pair.
    if (pair.mergedIntoId !== null) throw new EditError("This pair was merged into another pair, which now holds its text; it cannot be restored on its own.");
    const before = { status: pair.status, statusReason: pair.statusReason };
    const conflict = async (): Promise<never> => {
      const now = await tx.qaPair.findUniqueOrThrow({ where: { id: pair.id }, select: { status: true, statusReason: true, version: true } });
      throw new ConflictError({ status: now.status, statusReason: now.statusReason }, now.version, await lastEditOf(tx, { qaPairId: pair.id }));
    };
    if (pair.version !== input.version) await conflict();
    if (!ALLOWED_FROM[input.action].includes(pair.status)) throw new EditError(`A ${pair.status.toLowerCase()} pair cannot be ${input.action}d`);

    const after = { status: TARGET[input.action], statusReason: input.action === "restore" ? null : input.reason };
    const updated = await tx.qaPair.updateMany({ where: { id: pair.id, version: input.version }, data: { ...after, version: { increment: 1 } } });
    if (updated.count === 0) await conflict();

    const changes = diffSnapshots(before, after);
    await recordRevision(tx, {
      entityType: "QaPair",
      qaPairId: pair.id,
      conferenceId: pair.conferenceId,
      version: input.version + 1,
      userId: actor.userId,
      before,
      after,
      changes,
    });
    if (after.status === "PUBLISHED") {
      if (pair.conference.status === "PUBLISHED") await enqueueSearchSync(tx, [pair.id], "UPSERT");
    } else {
      await enqueueSearchSync(tx, [pair.id], "DELETE");
    }
    await recordAudit(tx, {
      userId: actor.userId,
      action: `pair.${input.action}`,
      targetType: "QaPair",
      targetId: publicId,
      summary: `${input.action === "restore" ? "Restored" : input.action === "delete" ? "Deleted" : "Unpublished"} pair${input.reason ? `: ${input.reason}` : ""}`,
      diff: changes,
      ip: actor.ip,
    });
    return { version: input.version + 1, status: after.status };
  });
}

/** The same for a whole conference: all its pairs leave (or re-enter) the index. */
export async function changeConferenceStatus(slug: string, raw: StatusChangeInput, actor: { userId: number; ip?: string | null }) {
  const input = statusChangeSchema.parse(raw);
  return db().$transaction(async (tx) => {
    const conference = await tx.conference.findUnique({ where: { slug }, select: { id: true, status: true, statusReason: true, version: true } });
    if (!conference) throw new EditError("This conference does not exist");
    const before = { status: conference.status, statusReason: conference.statusReason };
    const conflict = async (): Promise<never> => {
      const now = await tx.conference.findUniqueOrThrow({ where: { id: conference.id }, select: { status: true, statusReason: true, version: true } });
      throw new ConflictError({ status: now.status, statusReason: now.statusReason }, now.version, await lastEditOf(tx, { conferenceId: conference.id }));
    };
    if (conference.version !== input.version) await conflict();
    if (!ALLOWED_FROM[input.action].includes(conference.status)) {
      throw new EditError(`A ${conference.status.toLowerCase()} conference cannot be ${input.action}d`);
    }
    const after = { status: TARGET[input.action], statusReason: input.action === "restore" ? null : input.reason };
    const updated = await tx.conference.updateMany({
      where: { id: conference.id, version: input.version },
      data: { ...after, version: { increment: 1 }, ...(after.status === "PUBLISHED" ? { publishedAt: new Date() } : {}) },
    });
    if (updated.count === 0) await conflict();

    const changes = diffSnapshots(before, after);
    await recordRevision(tx, { entityType: "Conference", conferenceId: conference.id, version: input.version + 1, userId: actor.userId, before, after, changes });
    const pairs = await tx.qaPair.findMany({
      where: { conferenceId: conference.id, ...(after.status === "PUBLISHED" ? { status: "PUBLISHED" as const } : {}) },
      select: { id: true },
    });
    await enqueueSearchSync(
      tx,
      pairs.map((p) => p.id),
      after.status === "PUBLISHED" ? "UPSERT" : "DELETE",
    );
    await enqueueStatementSync(tx, [conference.id]);
    await recordAudit(tx, {
      userId: actor.userId,
      action: `conference.${input.action}`,
      targetType: "Conference",
      targetId: conference.id,
      summary: `${input.action === "restore" ? "Restored" : input.action === "delete" ? "Deleted" : "Unpublished"} conference (${pairs.length} pairs)${input.reason ? `: ${input.reason}` : ""}`,
      diff: changes,
      ip: actor.ip,
    });
    return { version: input.version + 1, status: after.status };
  });
}
