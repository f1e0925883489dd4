import { db, type Tx } from "@/lib/db/client";
import { recordAudit } from "@/lib/audit/record";
import { enqueueSearchSync, enqueueStatementSync } from "@/lib/search/outbox";
import { enqueueAlertCheck } from "@/lib/alerts/outbox";
import { DraftEditError } from "@/lib/drafts/operations";
import { upsertNamed } from "./edit-pair";
import { newPublicId } from "./ids";
import { ConflictError, diffSnapshots, EditError, lastEditOf, recordRevision } from "./revisions";
import { describeTranscriptOp, transcriptEditSchema, type TranscriptEditInput } from "./transcript-edits";
import { applyPublishedOp, type PublishedLayout } from "./transcript-layout";
import { dbRoleOf, draftRoleOf, pairKey, readStoredTranscript, turnKey, type DbKind, type DbRole, type StoredTranscript, type StoredTurn } from "./transcript-draft";

/** One turn as a revision records it: enough to put a deleted turn back by hand. */
type TurnEntry = { pair: string | null; kind: DbKind; speaker: string | null; role: DbRole | null; text: string };
type PlannedTurn = { key: string; pairKey: string | null; kind: DbKind; speaker: string | null; role: DbRole | null; text: string; stored: StoredTurn | null };

const PLACE_KIND = { statement: "STATEMENT", question: "QUESTION", answer: "ANSWER" } as const;

/** The conference's turns in their new order, each with where it now belongs. */
function planTurns(stored: StoredTranscript, layout: PublishedLayout, survivorOf: Map<string, string>): PlannedTurn[] {
  const after = layout.draft;
  const byKey = new Map(stored.turns.map((t) => [turnKey(t.id), t]));
  const placeBefore = new Map<string, keyof typeof PLACE_KIND>();
  for (const t of [...stored.draft.statements, ...[...stored.interludes.values()].flat()]) placeBefore.set(t.id, "statement");
  for (const p of stored.draft.pairs) {
    placeBefore.set(p.question.id, "question");
    for (const a of p.answers) placeBefore.set(a.id, "answer");
  }
  const plan: PlannedTurn[] = [];
  const add = (turn: { id: string; speaker: string | null; role: Parameters<typeof dbRoleOf>[0]; text: string }, pair: string | null, place: keyof typeof PLACE_KIND) => {
    const old = byKey.get(turn.id) ?? null;
    // Keep what the draft cannot express (a second QUESTION turn, role OTHER) unless the edit changed it.
    const kind = old && placeBefore.get(turn.id) === place ? old.kind : PLACE_KIND[place];
    const role = old && draftRoleOf(old.role) === turn.role ? old.role : dbRoleOf(turn.role);
    plan.push({ key: turn.id, pairKey: pair, kind, speaker: turn.speaker, role, text: turn.text, stored: old });
  };
  const interludesOf = (key: string) => [...layout.interludes].filter(([owner]) => (survivorOf.get(owner) ?? owner) === key).flatMap(([, turns]) => turns);
  for (const t of after.statements) add(t, null, "statement");
  for (const pair of after.pairs) {
    add(pair.question, pair.id, "question");
    for (const a of pair.answers) add(a, pair.id, "answer");
    for (const t of interludesOf(pair.id)) add(t, null, "statement");
  }
  return plan;
}

export type TranscriptEditResult = { version: number; changed: boolean; message: string };

/**
 * Applies one turn operation to a published (or unpublished) conference. The conference's
 * version is checked and bumped first, which also serialises transcript edits; every pair whose
 * turns change gets its version bumped with a check, a revision and a search outbox row, and the
 * conference gets one revision with every changed turn (a deleted turn's text stays there) and
 * one audit event. A pair merged into another keeps its row with mergedIntoId, so its permalink
 * redirects; a split keeps the original publicId on the first part.
 */
export async function editTranscript(raw: TranscriptEditInput, actor: { userId: number; ip?: string | null }): Promise<TranscriptEditResult> {
  const input = transcriptEditSchema.parse(raw);
  return db().$transaction(async (tx) => {
    const conference = await tx.conference.findUnique({ where: { slug: input.slug }, select: { id: true, status: true } });
    if (!conference) throw new EditError("This conference does not exist");
    if (conference.status === "DRAFT") throw new EditError("This conference is not published; edit its import instead");
    const conflict = async (): Promise<never> => {
      const now = await tx.conference.findUniqueOrThrow({ where: { id: conference.id }, select: { version: true } });
      throw new ConflictError({ version: now.version }, now.version, await lastEditOf(tx, { conferenceId: conference.id }));
    };
    const locked = await tx.conference.updateMany({
      where: { id: conference.id, version: input.version },
      data: { version: { increment: 1 }, correctedAt: new Date() },
    });
    if (locked.count === 0) await conflict();

    const stored = (await readStoredTranscript(tx, input.slug))!;
    let after: PublishedLayout;
    try {
      after = applyPublishedOp({ draft: stored.draft, interludes: stored.interludes }, input.edit);
    } catch (error) {
      if (error instanceof DraftEditError) throw new EditError(error.message);
      throw error;
    }
    const written = await writeTranscript(tx, stored, after, input.correctionNote, actor.userId);
    if (!written.changed) throw new EditError("Nothing changed, so nothing was saved.");
    const newVersion = input.version + 1;
    await recordRevision(tx, {
      entityType: "Conference",
      conferenceId: conference.id,
      version: newVersion,
      userId: actor.userId,
      before: written.before,
      after: written.after,
      changes: written.changes,
      publicNote: input.correctionNote,
    });
    const summary = `${describeTranscriptOp(input.edit)} (${written.pairsTouched} pair${written.pairsTouched === 1 ? "" : "s"} changed)`;
    await recordAudit(tx, {
      userId: actor.userId,
      action: `conference.transcript.${input.edit.op}`,
      targetType: "Conference",
      targetId: conference.id,
      summary,
      diff: written.changes,
      ip: actor.ip,
    });
    return { version: newVersion, changed: true, message: summary };
  });
}

async function writeTranscript(tx: Tx, stored: StoredTranscript, layout: PublishedLayout, note: string | null, userId: number) {
  const after = layout.draft;
  const conferenceId = stored.conference.id;
  const beforePairs = new Map(stored.pairs.map((p) => [pairKey(p.id), p]));
  const afterPairKeys = new Set(after.pairs.map((p) => p.id));
  const pairOfTurn = new Map(after.pairs.flatMap((p) => [[p.question.id, p.id], ...p.answers.map((a) => [a.id, p.id] as const)]));
  // A pair that left the draft was merged, and lives on in the pair that now holds its
  // question, or became statements, and lives on where its question now stands.
  const survivorOf = new Map<string, string>();
  const becameStatements: string[] = [];
  for (const p of stored.draft.pairs) {
    if (afterPairKeys.has(p.id)) continue;
    const survivor = pairOfTurn.get(p.question.id);
    if (survivor) survivorOf.set(p.id, survivor);
    else becameStatements.push(p.id);
  }
  for (const key of becameStatements) {
    // An unpublished pair's text is not public; as statements it would be.
    if (beforePairs.get(key)!.status !== "PUBLISHED")
      throw new EditError("This pair is unpublished: as statements its text would be public. Publish it first, or leave it as it is.");
  }

  // New pairs (a split) take the status of the pair their question came from.
  const publicIdOf = new Map([...beforePairs].map(([key, p]) => [key, p.publicId]));
  const idOf = new Map([...beforePairs].map(([key, p]) => [key, p.id]));
  const statusOf = new Map([...beforePairs].map(([key, p]) => [key, p.status]));
  const sourcePair = new Map(stored.turns.map((t) => [turnKey(t.id), t.qaPairId === null ? null : pairKey(t.qaPairId)]));
  for (const [index, pair] of after.pairs.entries()) {
    if (beforePairs.has(pair.id)) continue;
    const from = sourcePair.get(pair.question.id);
    const status = (from && beforePairs.get(from)?.status) || "PUBLISHED";
    const created = await tx.qaPair.create({ data: { conferenceId, publicId: newPublicId(), ordinal: index + 1, status }, select: { id: true, publicId: true } });
    publicIdOf.set(pair.id, created.publicId);
    statusOf.set(pair.id, status);
    idOf.set(pair.id, created.id);
  }

  const plan = planTurns(stored, layout, survivorOf);
  const entryBefore = (t: StoredTurn): TurnEntry => ({
    pair: t.qaPairId === null ? null : (publicIdOf.get(pairKey(t.qaPairId)) ?? null),
    kind: t.kind,
    speaker: t.speakerLabel ?? t.speakerName,
    role: t.role,
    text: t.text,
  });
  const entryAfter = (t: PlannedTurn): TurnEntry => ({ pair: t.pairKey ? publicIdOf.get(t.pairKey)! : null, kind: t.kind, speaker: t.speaker, role: t.role, text: t.text });
  const beforeTurns: Record<string, TurnEntry> = {};
  const afterTurns: Record<string, TurnEntry | null> = {};
  const touchedPairs = new Set<string>();
  const touch = (entry: TurnEntry | null) => entry?.pair && touchedPairs.add(entry.pair);

  const plannedKeys = new Set(plan.map((t) => t.key));
  for (const t of stored.turns) {
    if (plannedKeys.has(turnKey(t.id))) continue;
    beforeTurns[turnKey(t.id)] = entryBefore(t);
    afterTurns[turnKey(t.id)] = null;
    touch(entryBefore(t));
    await tx.turn.delete({ where: { id: t.id } });
  }

  const positions: { id: number; position: number }[] = [];
  for (const [index, t] of plan.entries()) {
    const position = index + 1;
    const next = entryAfter(t);
    const old = t.stored ? entryBefore(t.stored) : null;
    const speakerChanged = !old || old.speaker !== next.speaker;
    const speakerId = speakerChanged ? (next.speaker ? await upsertNamed(tx, "speaker", next.speaker) : null) : t.stored!.speakerId;
    if (speakerId && speakerChanged) {
      const role: DbRole = next.kind === "QUESTION" ? "JOURNALIST" : (next.role ?? "OTHER");
      await tx.conferenceParticipant.createMany({ data: [{ conferenceId, speakerId, role }], skipDuplicates: true });
    }
    const fields = {
      qaPairId: t.pairKey ? idOf.get(t.pairKey)! : null,
      kind: next.kind,
      role: next.role,
      text: next.text,
      ...(speakerChanged ? { speakerLabel: next.speaker, speakerId } : {}),
    };
    if (!t.stored) {
      await tx.turn.create({ data: { conferenceId, position, speakerLabel: next.speaker, speakerId, ...fields } });
    } else if (JSON.stringify(old) !== JSON.stringify(next)) {
      await tx.turn.update({ where: { id: t.stored.id }, data: fields });
    }
    if (t.stored && t.stored.position !== position) positions.push({ id: t.stored.id, position });
    if (JSON.stringify(old) !== JSON.stringify(next)) {
      if (old) beforeTurns[t.key] = old;
      afterTurns[t.key] = next;
      touch(old);
      touch(next);
    }
  }
  if (positions.length) {
    await tx.$executeRaw`UPDATE "Turn" AS t SET position = v.position FROM unnest(${positions.map((p) => p.id)}::int[], ${positions.map((p) => p.position)}::int[]) AS v(id, position) WHERE t.id = v.id`;
  }

  // Pairs: renumber, point merged ones at their survivor, and version, revise and reindex touched ones.
  const now = new Date();
  const outletOf = new Map(after.pairs.map((p) => [p.id, p.question.outlet]));
  const questionerOf = new Map(after.pairs.map((p) => [p.id, p.question.speaker]));
  const beforePairsSnapshot: Record<string, unknown> = {};
  const afterPairsSnapshot: Record<string, unknown> = {};
  const upserts: number[] = [];
  // Pairs whose words changed: new ones (a split) alert as new, changed ones as corrections.
  const added: number[] = [];
  const corrected: number[] = [];
  const deletes: number[] = [];
  for (const [key, survivor] of survivorOf) {
    const pair = beforePairs.get(key)!;
    const target = publicIdOf.get(survivor)!;
    const merged = await tx.qaPair.updateMany({
      where: { id: pair.id, version: pair.version },
      data: { status: "DELETED", statusReason: `Merged into question ${target}`, mergedIntoId: idOf.get(survivor)!, version: { increment: 1 }, correctedAt: now },
    });
    if (merged.count === 0) throw new ConflictError({ pair: pair.publicId }, pair.version, null);
    beforePairsSnapshot[pair.publicId] = { status: pair.status, mergedInto: null };
    afterPairsSnapshot[pair.publicId] = { status: "DELETED", mergedInto: target };
    touchedPairs.delete(pair.publicId);
    deletes.push(pair.id);
  }
  for (const key of becameStatements) {
    const pair = beforePairs.get(key)!;
    const question = stored.draft.pairs.find((p) => p.id === key)!.question.id;
    const gone = await tx.qaPair.updateMany({
      where: { id: pair.id, version: pair.version },
      data: {
        status: "DELETED",
        statusReason: "An editor turned this question into statements of the transcript",
        statementTurnId: Number(question.slice(1)),
        version: { increment: 1 },
        correctedAt: now,
      },
    });
    if (gone.count === 0) throw new ConflictError({ pair: pair.publicId }, pair.version, null);
    beforePairsSnapshot[pair.publicId] = { status: pair.status, statementTurn: null };
    afterPairsSnapshot[pair.publicId] = { status: "DELETED", statementTurn: question };
    touchedPairs.delete(pair.publicId);
    deletes.push(pair.id);
  }
  const visible = stored.conference.status === "PUBLISHED";
  for (const [index, pair] of after.pairs.entries()) {
    const ordinal = index + 1;
    const old = beforePairs.get(pair.id);
    const publicId = publicIdOf.get(pair.id)!;
    const id = idOf.get(pair.id)!;
    const outletId = outletOf.get(pair.id) ? await upsertNamed(tx, "outlet", outletOf.get(pair.id)!) : null;
    const speaker = questionerOf.get(pair.id);
    const questionerId = speaker ? await upsertNamed(tx, "speaker", speaker) : null;
    const touched = touchedPairs.has(publicId) || !old || old.outletId !== outletId;
    if (!old) {
      afterPairsSnapshot[publicId] = { status: "new", splitFrom: publicIdOf.get(sourcePair.get(pair.question.id) ?? "") ?? null };
      await tx.qaPair.update({ where: { id }, data: { outletId, questionerId } });
    } else if (touched) {
      const updated = await tx.qaPair.updateMany({
        where: { id, version: old.version },
        data: { ordinal, outletId, questionerId, version: { increment: 1 }, correctedAt: now },
      });
      if (updated.count === 0) throw new ConflictError({ pair: publicId }, old.version, null);
    } else if (old.ordinal !== ordinal) {
      await tx.qaPair.update({ where: { id }, data: { ordinal } });
    }
    if (touched) {
      const mine = (entries: Record<string, TurnEntry | null>, other: Record<string, TurnEntry | null>) =>
        Object.fromEntries(
          Object.keys(entries)
            .filter((k) => entries[k]?.pair === publicId || other[k]?.pair === publicId)
            .map((k) => [k, entries[k] ?? null]),
        );
      const pairBefore = { outlet: old?.outletName ?? null, turns: mine(beforeTurns, afterTurns) };
      const pairAfter = { outlet: outletOf.get(pair.id) ?? null, turns: mine(afterTurns, beforeTurns) };
      await recordRevision(tx, {
        entityType: "QaPair",
        qaPairId: id,
        conferenceId: stored.conference.id,
        version: old ? old.version + 1 : 1,
        userId,
        before: pairBefore,
        after: pairAfter,
        changes: diffSnapshots(pairBefore, pairAfter),
        publicNote: note,
      });
    }
    const status = statusOf.get(pair.id);
    if (visible && status === "PUBLISHED" && (touched || old?.ordinal !== ordinal)) upserts.push(id);
    if (visible && status === "PUBLISHED" && touched) (old ? corrected : added).push(id);
  }
  await enqueueSearchSync(tx, deletes, "DELETE");
  await enqueueSearchSync(tx, upserts, "UPSERT");
  // Statements are cheap to resend whole; the worker drops them again if nothing is public.
  if (visible) await enqueueStatementSync(tx, [stored.conference.id]);
  await enqueueAlertCheck(tx, added, "NEW");
  await enqueueAlertCheck(tx, corrected, "CORRECTION");

  const before = { turns: beforeTurns, pairs: beforePairsSnapshot };
  const afterSnapshot = { turns: afterTurns, pairs: afterPairsSnapshot };
  const changes = diffSnapshots(before, afterSnapshot);
  return { changed: changes.length > 0, before, after: afterSnapshot, changes, pairsTouched: touchedPairs.size + deletes.length };
}
