import { db, type Tx } from "@/lib/db/client";
import { recordAudit } from "@/lib/audit/record";
import { enqueueSearchSync, enqueueStatementSync } from "@/lib/search/outbox";
import { conferenceSourceFields, findTranslationTarget } from "./conference-fields";
import { conferenceInputSchema, type ConferenceInput, type ConferenceInputParsed } from "./conference-input";
import { newPublicId, slugify } from "./ids";
import { buildTurnRows, participantRoles } from "./turn-rows";

// Re-importing a newer version of a source replaces the conference's text but keeps every
// pair that is still there under its permanent id, so citations keep pointing at the answer.

export interface PairSummary {
  ordinal: number;
  publicId: string | null;
  question: string;
}

export interface ReimportDiff {
  conferenceId: number;
  slug: string;
  added: PairSummary[];
  removed: PairSummary[];
  /** Same pair (question or answers recognisably the same), text corrected: keeps its id. */
  changed: { before: PairSummary; after: PairSummary }[];
  unchanged: PairSummary[];
}

export class ReimportConflictError extends Error {
  constructor() {
    super("The conference changed while the re-import was being prepared; review the diff again and confirm.");
  }
}

interface StoredPair {
  id: number;
  publicId: string;
  ordinal: number;
  version: number;
  question: string;
  answers: string[];
}

type Match = { kind: "unchanged" | "changed"; stored: StoredPair };

/** Text equality that ignores layout: whitespace, width forms (全角) and case. */
export function normaliseText(text: string): string {
  return text.normalize("NFKC").replace(/\s+/g, " ").trim().toLowerCase();
}

const answersKey = (answers: string[]) => answers.map(normaliseText).join("\u241f");
const pairKey = (question: string, answers: string[]) => `${normaliseText(question)}\u241e${answersKey(answers)}`;
const summary = (ordinal: number, publicId: string | null, question: string): PairSummary => ({
  ordinal,
  publicId,
  question: question.length > 240 ? `${question.slice(0, 239)}…` : question,
});

async function storedPairs(tx: Tx, conferenceId: number): Promise<StoredPair[]> {
  const pairs = await tx.qaPair.findMany({
    where: { conferenceId, status: { not: "DELETED" } },
    orderBy: { ordinal: "asc" },
    select: { id: true, publicId: true, ordinal: true, version: true, turns: { orderBy: { position: "asc" }, select: { kind: true, text: true } } },
  });
  return pairs.map((p) => ({
    id: p.id,
    publicId: p.publicId,
    ordinal: p.ordinal,
    version: p.version,
    question: p.turns
      .filter((t) => t.kind === "QUESTION")
      .map((t) => t.text)
      .join("\n\n"),
    answers: p.turns.filter((t) => t.kind === "ANSWER").map((t) => t.text),
  }));
}

/** Pairs the new pairs with stored ones: whole pair first, then question alone, then answers alone. */
function matchPairs(stored: StoredPair[], incoming: ConferenceInputParsed["pairs"]): (Match | null)[] {
  const left = new Set(stored);
  const matches: (Match | null)[] = incoming.map(() => null);
  const passes: { kind: Match["kind"]; storedKey: (p: StoredPair) => string; newKey: (i: number) => string }[] = [
    {
      kind: "unchanged",
      storedKey: (p) => pairKey(p.question, p.answers),
      newKey: (i) =>
        pairKey(
          incoming[i].question.text,
          incoming[i].answers.map((a) => a.text),
        ),
    },
    { kind: "changed", storedKey: (p) => normaliseText(p.question), newKey: (i) => normaliseText(incoming[i].question.text) },
    { kind: "changed", storedKey: (p) => answersKey(p.answers), newKey: (i) => answersKey(incoming[i].answers.map((a) => a.text)) },
  ];
  for (const pass of passes) {
    const byKey = new Map<string, StoredPair[]>();
    for (const p of left) {
      const key = pass.storedKey(p);
      byKey.set(key, [...(byKey.get(key) ?? []), p]);
    }
    incoming.forEach((_, i) => {
      if (matches[i]) return;
      const candidate = byKey.get(pass.newKey(i))?.shift();
      if (!candidate) return;
      left.delete(candidate);
      matches[i] = { kind: pass.kind, stored: candidate };
    });
  }
  return matches;
}

function diffOf(conference: { id: number; slug: string }, stored: StoredPair[], incoming: ConferenceInputParsed["pairs"], matches: (Match | null)[]): ReimportDiff {
  const matched = new Set(matches.filter((m): m is Match => m !== null).map((m) => m.stored.id));
  const diff: ReimportDiff = { conferenceId: conference.id, slug: conference.slug, added: [], removed: [], changed: [], unchanged: [] };
  incoming.forEach((pair, i) => {
    const match = matches[i];
    const after = summary(i + 1, match?.stored.publicId ?? null, pair.question.text);
    if (!match) diff.added.push(after);
    else if (match.kind === "unchanged") diff.unchanged.push(after);
    else diff.changed.push({ before: summary(match.stored.ordinal, match.stored.publicId, match.stored.question), after });
  });
  for (const p of stored) if (!matched.has(p.id)) diff.removed.push(summary(p.ordinal, p.publicId, p.question));
  return diff;
}

async function findTarget(tx: Tx, sourceKey: string) {
  return tx.conference.findUnique({ where: { sourceKey }, select: { id: true, slug: true, version: true, title: true, heldOn: true, sourceSha256: true, retrievedAt: true } });
}

/** The conference this input would update, or null when it is new to the archive. */
export async function findReimportTarget(raw: ConferenceInput): Promise<{ id: number; slug: string } | null> {
  const key = conferenceInputSchema.parse(raw).metadata.sourceKey;
  if (!key) return null;
  return db().conference.findUnique({ where: { sourceKey: key }, select: { id: true, slug: true } });
}

/** What a re-import would do, without writing anything. */
export async function previewReimport(raw: ConferenceInput): Promise<ReimportDiff & { version: number }> {
  const input = conferenceInputSchema.parse(raw);
  if (!input.metadata.sourceKey) throw new Error("Only a conference with a source URL or key can be re-imported");
  const tx = db() as unknown as Tx;
  const target = await findTarget(tx, input.metadata.sourceKey);
  if (!target) throw new Error("No conference from this source is in the archive yet");
  const stored = await storedPairs(tx, target.id);
  return { ...diffOf(target, stored, input.pairs, matchPairs(stored, input.pairs)), version: target.version };
}

/**
 * Applies the re-import in one transaction: conference text and metadata, pairs (kept ids for
 * unchanged and corrected pairs, new ids for added ones, removed ones marked DELETED), turns,
 * participants, outbox rows, revisions and an audit event.
 * expectedVersion is the conference version the editor confirmed the diff against.
 */
export async function reimportConference(raw: ConferenceInput, options: { userId: number | null; expectedVersion?: number; tx?: Tx }): Promise<ReimportDiff> {
  const input = conferenceInputSchema.parse(raw);
  const run = (tx: Tx) => applyReimport(tx, input, options);
  if (options.tx) return run(options.tx);
  return db().$transaction(run, { timeout: 120_000, maxWait: 20_000 });
}

async function applyReimport(tx: Tx, input: ConferenceInputParsed, options: { userId: number | null; expectedVersion?: number }): Promise<ReimportDiff> {
  const meta = input.metadata;
  if (!meta.sourceKey) throw new Error("Only a conference with a source URL or key can be re-imported");
  const target = await findTarget(tx, meta.sourceKey);
  if (!target) throw new Error("No conference from this source is in the archive yet");
  if (options.expectedVersion !== undefined && options.expectedVersion !== target.version) throw new ReimportConflictError();

  const stored = await storedPairs(tx, target.id);
  const matches = matchPairs(stored, input.pairs);
  const diff = diffOf(target, stored, input.pairs, matches);

  const translationOfId = await findTranslationTarget(tx, meta.translationOfSlug);
  if (translationOfId === target.id) throw new Error("A conference cannot be a translation of itself");

  const now = new Date();
  const note = `Re-imported from a newer version of the source: ${diff.added.length} added, ${diff.changed.length} corrected, ${diff.removed.length} removed`;
  const updated = await tx.conference.updateMany({
    where: { id: target.id, version: target.version },
    data: {
      // A new upload is not a retrieval date: keep the one an editor or a file header gave, if any.
      ...conferenceSourceFields(meta, target.retrievedAt),
      translationOfId,
      version: { increment: 1 },
      correctedAt: now,
      correctionNote: note,
    },
  });
  if (updated.count !== 1) throw new ReimportConflictError();

  const speakerIds = await resolveNames(tx, "speaker", [
    ...input.statements.map((s) => s.speaker),
    ...input.pairs.flatMap((p) => [p.question.speaker, ...p.answers.map((a) => a.speaker)]),
  ]);
  const outletIds = await resolveNames(
    tx,
    "outlet",
    input.pairs.map((p) => p.question.outlet),
  );
  const topicIds = await resolveNames(
    tx,
    "topic",
    input.pairs.flatMap((p) => p.topics),
  );

  // Removed pairs keep their turns (their permanent links still explain what was there), moved
  // past the end so they never interleave with the new transcript.
  const removedIds = stored.filter((p) => !matches.some((m) => m?.stored.id === p.id)).map((p) => p.id);
  await tx.turn.deleteMany({ where: { conferenceId: target.id, OR: [{ qaPairId: null }, { qaPairId: { notIn: removedIds } }] } });
  if (removedIds.length) {
    await tx.qaPair.updateMany({ where: { id: { in: removedIds } }, data: { status: "DELETED", statusReason: "Removed from the source in a re-import", correctedAt: now } });
    await tx.turn.updateMany({ where: { qaPairId: { in: removedIds }, position: { lt: 1_000_000 } }, data: { position: { increment: 1_000_000 } } });
  }

  const pairIds: number[] = [];
  for (const [index, pair] of input.pairs.entries()) {
    const match = matches[index];
    const fields = {
      ordinal: index + 1,
      questionerId: pair.question.speaker ? (speakerIds.get(pair.question.speaker) ?? null) : null,
      outletId: pair.question.outlet ? (outletIds.get(pair.question.outlet) ?? null) : null,
      flags: pair.flags,
    };
    if (!match) {
      const created = await tx.qaPair.create({
        data: { ...fields, publicId: newPublicId(), conferenceId: target.id, sourceCorpus: pair.sourceCorpus, sourceId: pair.sourceId },
        select: { id: true, publicId: true },
      });
      diff.added.find((a) => a.ordinal === index + 1)!.publicId = created.publicId;
      pairIds.push(created.id);
      continue;
    }
    const corrected = match.kind === "changed";
    await tx.qaPair.update({
      where: { id: match.stored.id },
      data: { ...fields, ...(corrected ? { version: { increment: 1 }, correctedAt: now, correctionNote: "Text corrected from a newer version of the source" } : {}) },
    });
    if (corrected) {
      await tx.revision.create({
        data: {
          entityType: "QaPair",
          conferenceId: target.id,
          qaPairId: match.stored.id,
          version: match.stored.version + 1,
          userId: options.userId,
          before: { question: match.stored.question, answers: match.stored.answers },
          after: { question: pair.question.text, answers: pair.answers.map((a) => a.text) },
          diff: { reason: "reimport" },
          publicNote: "Text corrected from a newer version of the source",
        },
      });
    }
    pairIds.push(match.stored.id);
  }

  await tx.qaPairTopic.deleteMany({ where: { qaPairId: { in: pairIds } } });
  const topicLinks = input.pairs.flatMap((pair, i) => [...new Set(pair.topics)].map((t) => ({ qaPairId: pairIds[i], topicId: topicIds.get(t)! })));
  if (topicLinks.length) await tx.qaPairTopic.createMany({ data: topicLinks, skipDuplicates: true });

  const turns = buildTurnRows(target.id, input, pairIds, speakerIds);
  await tx.turn.createMany({ data: turns });
  await tx.conferenceParticipant.deleteMany({ where: { conferenceId: target.id } });
  const participants = participantRoles(turns);
  if (participants.size) {
    await tx.conferenceParticipant.createMany({ data: [...participants].map(([speakerId, role]) => ({ conferenceId: target.id, speakerId, role })) });
  }

  await enqueueSearchSync(tx, pairIds, "UPSERT");
  await enqueueSearchSync(tx, removedIds, "DELETE");
  await enqueueStatementSync(tx, [target.id]);
  await tx.revision.create({
    data: {
      entityType: "Conference",
      conferenceId: target.id,
      version: target.version + 1,
      userId: options.userId,
      before: { title: target.title, heldOn: target.heldOn?.toISOString().slice(0, 10) ?? null, sourceSha256: target.sourceSha256 },
      after: { title: meta.title, heldOn: meta.heldOn ?? null, sourceSha256: conferenceSourceFields(meta).sourceSha256 },
      diff: JSON.parse(JSON.stringify(diff)),
      publicNote: note,
    },
  });
  await recordAudit(tx, {
    userId: options.userId,
    action: "conference.reimport",
    targetType: "Conference",
    targetId: target.id,
    summary: `Re-imported "${meta.title}": ${note.split(": ")[1]}, ${diff.unchanged.length} unchanged`,
    diff: { added: diff.added.length, changed: diff.changed.length, removed: diff.removed.length, unchanged: diff.unchanged.length },
  });
  return diff;
}

async function resolveNames(tx: Tx, kind: "speaker" | "outlet" | "topic", names: (string | null | undefined)[]): Promise<Map<string, number>> {
  const ids = new Map<string, number>();
  for (const name of new Set(names.filter((n): n is string => Boolean(n)))) {
    const slug = slugify(name);
    const args = { where: { slug }, create: { name, slug }, update: {}, select: { id: true } };
    const row = kind === "speaker" ? await tx.speaker.upsert(args) : kind === "outlet" ? await tx.outlet.upsert(args) : await tx.topic.upsert(args);
    ids.set(name, row.id);
  }
  return ids;
}
