import { db, type Tx } from "@/lib/db/client";
import { labelRef, prismaRunner, resolveIdentities, type IdentityKind } from "@/lib/people/resolve";
import { enqueueSearchSync, enqueueStatementSync } from "@/lib/search/outbox";
import { conferenceSourceFields, findTranslationTarget } from "./conference-fields";
import { conferenceInputSchema, type ConferenceInput } from "./conference-input";
import { newPublicId, slugify } from "./ids";
import { buildTurnRows, participantRoles } from "./turn-rows";

export class ConferenceExistsError extends Error {
  constructor(readonly slug: string) {
    super(`A conference from this source is already in the archive (/conferences/${slug}). Open it to edit, or re-import it to update it.`);
  }
}

export interface PublishResult {
  conferenceId: number;
  slug: string;
  pairs: { id: number; publicId: string; ordinal: number }[];
}

/**
 * Writes a whole conference (turns, pairs, speakers, outlets, topics) and its outbox rows in
 * one transaction: either everything is in the archive and queued for indexing, or nothing is.
 */
export async function publishConference(raw: ConferenceInput, options: { userId?: number | null; status?: "PUBLISHED" | "DRAFT"; tx?: Tx } = {}): Promise<PublishResult> {
  const input = conferenceInputSchema.parse(raw);
  const run = (tx: Tx) => writeConference(tx, input, options);
  if (options.tx) return run(options.tx);
  return db().$transaction(run, { timeout: 120_000, maxWait: 20_000 });
}

type ParsedInput = ReturnType<typeof conferenceInputSchema.parse>;

async function writeConference(tx: Tx, input: ParsedInput, options: { userId?: number | null; status?: "PUBLISHED" | "DRAFT" }): Promise<PublishResult> {
  const meta = input.metadata;
  if (meta.sourceKey) {
    const existing = await tx.conference.findUnique({ where: { sourceKey: meta.sourceKey }, select: { slug: true } });
    if (existing) throw new ConferenceExistsError(existing.slug);
  }
  const translationOfId = await findTranslationTarget(tx, meta.translationOfSlug);

  const speakerIds = await resolveSpeakers(tx, input);
  const outletIds = await resolveLabels(
    tx,
    "outlet",
    input.pairs.map((p) => p.question.outlet),
    null,
  );
  const topicIds = await resolveTopics(
    tx,
    input.pairs.flatMap((p) => p.topics),
  );

  const status = options.status ?? "PUBLISHED";
  const slug = await uniqueConferenceSlug(tx, meta.slug ?? slugify(`${meta.heldOn ?? ""} ${meta.title}`));
  const conference = await tx.conference.create({
    data: {
      slug,
      ...conferenceSourceFields(meta),
      sourceKey: meta.sourceKey,
      status,
      publishedAt: status === "PUBLISHED" ? new Date() : null,
      translationOfId,
    },
  });

  const pairs = await tx.qaPair.createManyAndReturn({
    data: input.pairs.map((pair, index) => ({
      publicId: pair.publicId ?? newPublicId(),
      conferenceId: conference.id,
      ordinal: index + 1,
      questionerId: pair.question.speaker ? (speakerIds.get(pair.question.speaker) ?? null) : null,
      outletId: pair.question.outlet ? (outletIds.get(pair.question.outlet) ?? null) : null,
      sourceCorpus: pair.sourceCorpus,
      sourceId: pair.sourceId,
      flags: pair.flags,
    })),
    select: { id: true, publicId: true, ordinal: true },
  });
  pairs.sort((a, b) => a.ordinal - b.ordinal);

  const turns = buildTurnRows(
    conference.id,
    input,
    pairs.map((p) => p.id),
    speakerIds,
  );
  await tx.turn.createMany({ data: turns });

  const topicLinks = input.pairs.flatMap((pair, index) => [...new Set(pair.topics)].map((topic) => ({ qaPairId: pairs[index].id, topicId: topicIds.get(topic)! })));
  if (topicLinks.length) await tx.qaPairTopic.createMany({ data: topicLinks, skipDuplicates: true });

  const roleOf = participantRoles(turns);
  if (roleOf.size) {
    await tx.conferenceParticipant.createMany({
      data: [...roleOf].map(([speakerId, role]) => ({ conferenceId: conference.id, speakerId, role })),
    });
  }

  if (status === "PUBLISHED") {
    await enqueueSearchSync(
      tx,
      pairs.map((p) => p.id),
    );
    await enqueueStatementSync(tx, [conference.id]);
  }
  await tx.auditEvent.create({
    data: {
      userId: options.userId ?? null,
      action: status === "PUBLISHED" ? "conference.publish" : "conference.create_draft",
      targetType: "Conference",
      targetId: String(conference.id),
      summary: `${status === "PUBLISHED" ? "Published" : "Created"} "${meta.title}" with ${pairs.length} pairs`,
    },
  });
  return { conferenceId: conference.id, slug, pairs };
}

async function resolveSpeakers(tx: Tx, input: ParsedInput): Promise<Map<string, number>> {
  const labels = [...input.statements.map((s) => s.speaker), ...input.pairs.flatMap((p) => [p.question.speaker, ...p.answers.map((a) => a.speaker)])];
  return resolveLabels(tx, "speaker", labels, input.metadata.organizer ?? null);
}

/**
 * Printed labels to people or outlets through their aliases (lib/people): "MS. PSAKI" and
 * "PRESS SECRETARY PSAKI" of the same organizer are one person; "Reuters" and "REUTERS" one outlet.
 */
async function resolveLabels(tx: Tx, kind: IdentityKind, labels: (string | null | undefined)[], scope: string | null): Promise<Map<string, number>> {
  const unique = [...new Set(labels.filter((n): n is string => Boolean(n)))];
  const resolved = await resolveIdentities(
    prismaRunner(tx),
    kind,
    unique.map((label) => ({ label, scope })),
  );
  const byLabel = new Map<string, number>();
  for (const label of unique) {
    const found = resolved.get(labelRef(kind, label, scope));
    if (found) byLabel.set(label, found.id);
  }
  return byLabel;
}

/** Finds or creates topics by slug, so "Trade" and "trade" are one topic. */
async function resolveTopics(tx: Tx, names: string[]): Promise<Map<string, number>> {
  const byName = new Map<string, number>();
  for (const name of new Set(names.filter(Boolean))) {
    const slug = slugify(name);
    const row = await tx.topic.upsert({ where: { slug }, create: { name, slug }, update: {}, select: { id: true } });
    byName.set(name, row.id);
  }
  return byName;
}

async function uniqueConferenceSlug(tx: Tx, base: string): Promise<string> {
  const taken = new Set((await tx.conference.findMany({ where: { slug: { startsWith: base } }, select: { slug: true } })).map((c) => c.slug));
  const redirects = await tx.slugRedirect.findMany({ where: { kind: "CONFERENCE", oldSlug: { startsWith: base } }, select: { oldSlug: true } });
  for (const r of redirects) taken.add(r.oldSlug);
  if (!taken.has(base)) return base;
  for (let n = 2; ; n++) if (!taken.has(`${base}-${n}`)) return `${base}-${n}`;
}
