import { z } from "zod";
import { recordAudit } from "@/lib/audit/record";
import { db, type Tx } from "@/lib/db/client";

// Editors review the aligner's pair links: confirm one, remove one (remembered, so a re-run
// never makes it again), or link a pair to another by its public id (which replaces the
// pair's links into that language). Every change is audited in the same transaction.

export class AlignmentEditError extends Error {}

const publicId = z
  .string()
  .trim()
  .regex(/^[0-9a-z]{8}$/, "A pair id is 8 letters and digits, as in its /qa/ address");

export const linkEditSchema = z.discriminatedUnion("action", [
  z.object({ action: z.literal("confirm"), pair: publicId, counterpart: publicId }),
  z.object({ action: z.literal("remove"), pair: publicId, counterpart: publicId }),
  z.object({ action: z.literal("link"), pair: publicId, counterpart: publicId }),
]);
export type LinkEditInput = z.input<typeof linkEditSchema>;

export interface Actor {
  userId: number;
  ip?: string | null;
}

type PairRow = { id: number; publicId: string; status: string; conference: { language: string } };

async function pairByPublicId(tx: Tx, id: string, role: string): Promise<PairRow> {
  const pair = await tx.qaPair.findUnique({ where: { publicId: id }, select: { id: true, publicId: true, status: true, conference: { select: { language: true } } } });
  if (!pair || pair.status === "DELETED") throw new AlignmentEditError(`No ${role} pair has the id ${id}`);
  return pair;
}

const ordered = (a: number, b: number) => (a < b ? { pairId: a, counterpartId: b } : { pairId: b, counterpartId: a });

/** Applies one editor decision; returns a sentence saying what changed. */
export async function editPairLink(raw: LinkEditInput, actor: Actor): Promise<string> {
  const parsed = linkEditSchema.safeParse(raw);
  if (!parsed.success) throw new AlignmentEditError(parsed.error.issues[0].message);
  const input = parsed.data;
  return db().$transaction(async (tx) => {
    const pair = await pairByPublicId(tx, input.pair, "such");
    const counterpart = await pairByPublicId(tx, input.counterpart, "counterpart");
    if (pair.id === counterpart.id) throw new AlignmentEditError("A pair cannot be its own counterpart");
    if (pair.conference.language === counterpart.conference.language)
      throw new AlignmentEditError(`Both pairs are in the same language (${pair.conference.language}): a counterpart must be the same exchange in another language`);
    const where = { pairId_counterpartId: ordered(pair.id, counterpart.id) };
    const existing = await tx.pairCounterpart.findUnique({ where });
    const audit = (action: string, summary: string, before: unknown) =>
      recordAudit(tx, {
        userId: actor.userId,
        ip: actor.ip,
        action,
        targetType: "QaPair",
        targetId: pair.publicId,
        summary,
        diff: { counterpart: counterpart.publicId, before, after: action.endsWith("remove") ? "removed" : "linked, confirmed" },
      });
    const before = existing ? { status: existing.status, confirmed: existing.confirmed, method: existing.method, confidence: existing.confidence } : null;

    if (input.action === "confirm" || input.action === "remove") {
      if (!existing || existing.status !== "LINKED") throw new AlignmentEditError(`Pair ${pair.publicId} is not linked to ${counterpart.publicId}`);
      if (input.action === "confirm") {
        await tx.pairCounterpart.update({ where, data: { confirmed: true, updatedAt: new Date() } });
        await audit("pair.counterpart.confirm", `Confirmed ${pair.publicId} ↔ ${counterpart.publicId}`, before);
        return `Confirmed the link to ${counterpart.publicId}.`;
      }
      await tx.pairCounterpart.update({ where, data: { status: "REJECTED", confirmed: true, updatedAt: new Date() } });
      await audit("pair.counterpart.remove", `Removed ${pair.publicId} ↔ ${counterpart.publicId}`, before);
      return `Removed the link to ${counterpart.publicId}; the aligner will not make it again.`;
    }

    if (existing?.status === "LINKED") throw new AlignmentEditError(`Pair ${pair.publicId} is already linked to ${counterpart.publicId}`);
    // The counterpart must not already be the confirmed version of another pair in this pair's language.
    const taken = await tx.pairCounterpart.findFirst({
      where: {
        status: "LINKED",
        confirmed: true,
        OR: [
          { pairId: counterpart.id, counterpart: { id: { not: pair.id }, conference: { language: pair.conference.language } } },
          { counterpartId: counterpart.id, pair: { id: { not: pair.id }, conference: { language: pair.conference.language } } },
        ],
      },
      select: { pair: { select: { publicId: true } }, counterpart: { select: { publicId: true } } },
    });
    if (taken) {
      const other = taken.pair.publicId === counterpart.publicId ? taken.counterpart.publicId : taken.pair.publicId;
      throw new AlignmentEditError(`Pair ${counterpart.publicId} is already linked to ${other} (confirmed); remove that link first`);
    }
    // Linking replaces this pair's other links into the counterpart's language.
    const replaced = await tx.pairCounterpart.findMany({
      where: {
        status: "LINKED",
        OR: [
          { pairId: pair.id, counterpart: { conference: { language: counterpart.conference.language } } },
          { counterpartId: pair.id, pair: { conference: { language: counterpart.conference.language } } },
        ],
      },
      select: { id: true },
    });
    if (replaced.length)
      await tx.pairCounterpart.updateMany({ where: { id: { in: replaced.map((r) => r.id) } }, data: { status: "REJECTED", confirmed: true, updatedAt: new Date() } });
    await tx.pairCounterpart.upsert({
      where,
      create: { ...ordered(pair.id, counterpart.id), status: "LINKED", confidence: 1, confirmed: true, method: "editor" },
      update: { status: "LINKED", confidence: 1, confirmed: true, method: "editor", updatedAt: new Date() },
    });
    await audit("pair.counterpart.link", `Linked ${pair.publicId} ↔ ${counterpart.publicId}${replaced.length ? ` (replacing ${replaced.length})` : ""}`, before);
    return `Linked to ${counterpart.publicId}${replaced.length ? `, replacing ${replaced.length} earlier link${replaced.length > 1 ? "s" : ""}` : ""}.`;
  });
}
