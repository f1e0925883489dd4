import { z } from "zod";
import { db, type Tx } from "@/lib/db/client";
import type { Prisma } from "@/lib/generated/prisma/client";
import { recordAudit } from "@/lib/audit/record";
import { EditError } from "@/lib/archive/revisions";
import { createIdentity, IDENTITY_TABLES, identityKey, prismaRunner, type IdentityKind } from "./resolve";
import { freeSlug, nameSlug } from "./slug";
import { affectedPairsSql, moveParticipantsSql } from "./sql";

// Editor changes to identities: merge two people (or outlets), split aliases off into a new
// one, rename. Each is one transaction that also writes the Revision and AuditEvent rows, the
// SearchOutbox rows of every pair whose displayed name changes, and SlugRedirect rows so old
// URLs keep working. Bulk statements are set-based, so a merge of 10,000 answers is a handful
// of UPDATEs (tests/people/merge-speed.test.ts).

export const identityKindSchema = z.enum(["speaker", "outlet"]);
const id = z.coerce.number().int().positive();
const name = z.string().trim().min(1, "The name cannot be empty.").max(200, "Keep the name under 200 characters.");

export const mergeInputSchema = z.object({ kind: identityKindSchema, fromId: id, intoId: id });
export const splitInputSchema = z.object({
  kind: identityKindSchema,
  id,
  labels: z.array(z.string().min(1)).min(1, "Choose at least one label to move to the new entry."),
  name: name.optional(),
});
export const renameInputSchema = z.object({ kind: identityKindSchema, id, name, version: z.coerce.number().int().positive().optional() });

export type ChangeResult = { id: number; slug: string; name: string; pairsQueued: number };

type Row = { id: number; name: string; slug: string; mergedIntoId: number | null; version: number };
const WHAT: Record<IdentityKind, string> = { speaker: "person", outlet: "outlet" };
const ENTITY: Record<IdentityKind, string> = { speaker: "Speaker", outlet: "Outlet" };

function transaction<T>(work: (tx: Tx) => Promise<T>): Promise<T> {
  return db().$transaction(work, { timeout: 120_000, maxWait: 20_000 });
}

/** Locks the rows in id order (two merges of the same pair cannot deadlock) and checks they exist. */
async function lockRows(tx: Tx, kind: IdentityKind, ids: number[]): Promise<Map<number, Row>> {
  const t = IDENTITY_TABLES[kind];
  const rows = await tx.$queryRawUnsafe<Row[]>(`SELECT id, name, slug, "mergedIntoId", version FROM ${t.table} WHERE id = ANY($1::int[]) ORDER BY id FOR UPDATE`, [
    ...new Set(ids),
  ]);
  const byId = new Map(rows.map((r) => [r.id, r]));
  for (const wanted of ids) if (!byId.has(wanted)) throw new EditError(`There is no ${WHAT[kind]} with id ${wanted}.`);
  return byId;
}

async function aliasLabels(tx: Tx, kind: IdentityKind, ownerId: number): Promise<string[]> {
  const t = IDENTITY_TABLES[kind];
  const rows = await tx.$queryRawUnsafe<{ label: string }[]>(`SELECT DISTINCT label FROM ${t.alias} WHERE ${t.owner} = $1 ORDER BY label`, ownerId);
  return rows.map((r) => r.label);
}

async function snapshot(tx: Tx, kind: IdentityKind, row: Row) {
  return { name: row.name, slug: row.slug, mergedIntoId: row.mergedIntoId, aliases: await aliasLabels(tx, kind, row.id) };
}

const json = (value: unknown) => JSON.parse(JSON.stringify(value)) as Prisma.InputJsonValue;

async function recordChange(
  tx: Tx,
  kind: IdentityKind,
  input: { action: string; targetId: number; version: number; userId: number | null; before: unknown; after: unknown; summary: string },
) {
  await tx.revision.create({
    data: { entityType: ENTITY[kind], version: input.version, userId: input.userId, before: json(input.before), after: json(input.after), diff: json({ action: input.action }) },
  });
  await recordAudit(tx, {
    userId: input.userId,
    action: `${kind}.${input.action}`,
    targetType: ENTITY[kind],
    targetId: input.targetId,
    summary: input.summary,
    diff: { before: input.before, after: input.after },
  });
}

/** Queues every pair the identity appears in for reindexing; returns how many. */
async function queuePairsOf(tx: Tx, kind: IdentityKind, ownerId: number): Promise<number> {
  // A speaker's statements show their name too (lib/search/statement-documents.ts).
  if (kind === "speaker")
    await tx.$executeRaw`
      INSERT INTO "SearchOutbox" ("statementsOfConferenceId", op)
      SELECT DISTINCT "conferenceId", 'UPSERT'::"OutboxOp" FROM "Turn" WHERE "speakerId" = ${ownerId} AND kind = 'STATEMENT'`;
  return tx.$executeRawUnsafe(
    `INSERT INTO "SearchOutbox" ("qaPairId", op, "availableAt", "createdAt")
     SELECT id, 'UPSERT', timezone('UTC', now()), timezone('UTC', now()) FROM (${affectedPairsSql(kind)}) AS pairs(id)`,
    ownerId,
  );
}

/**
 * Merges `fromId` into `intoId`: turns, questions, participations and aliases move to the
 * survivor; the merged row stays, pointing at it, and its URL redirects there.
 */
export async function mergeIdentities(raw: z.input<typeof mergeInputSchema>, userId: number | null): Promise<ChangeResult> {
  const { kind, fromId, intoId } = mergeInputSchema.parse(raw);
  if (fromId === intoId) throw new EditError(`A ${WHAT[kind]} cannot be merged into itself.`);
  const t = IDENTITY_TABLES[kind];
  return transaction(async (tx) => {
    const rows = await lockRows(tx, kind, [fromId, intoId]);
    const from = rows.get(fromId)!;
    const into = rows.get(intoId)!;
    for (const row of [from, into]) {
      if (row.mergedIntoId !== null) throw new EditError(`"${row.name}" was already merged into another ${WHAT[kind]} (id ${row.mergedIntoId}); merge with that one instead.`);
    }
    const before = { from: await snapshot(tx, kind, from), into: await snapshot(tx, kind, into) };
    // Queued before the rows move: afterwards they are indistinguishable from the survivor's own.
    const pairsQueued = await queuePairsOf(tx, kind, fromId);
    if (kind === "speaker") {
      await tx.$executeRawUnsafe(`UPDATE "Turn" SET "speakerId" = $2 WHERE "speakerId" = $1`, fromId, intoId);
      await tx.$executeRawUnsafe(`UPDATE "QaPair" SET "questionerId" = $2 WHERE "questionerId" = $1`, fromId, intoId);
      await tx.$executeRawUnsafe(moveParticipantsSql, fromId, intoId);
    } else {
      await tx.$executeRawUnsafe(`UPDATE "QaPair" SET "outletId" = $2 WHERE "outletId" = $1`, fromId, intoId);
    }
    await tx.$executeRawUnsafe(`UPDATE ${t.alias} SET ${t.owner} = $2 WHERE ${t.owner} = $1`, fromId, intoId);
    // Earlier merges into the merged row now point at the survivor: one hop, never a chain.
    await tx.$executeRawUnsafe(`UPDATE ${t.table} SET "mergedIntoId" = $2 WHERE "mergedIntoId" = $1`, fromId, intoId);
    await tx.$executeRawUnsafe(
      `UPDATE ${t.table} SET "mergedIntoId" = $2, slug = $3, version = version + 1, "updatedAt" = timezone('UTC', now()) WHERE id = $1`,
      fromId,
      intoId,
      `_merged-${fromId}`,
    );
    await tx.$executeRawUnsafe(`UPDATE ${t.table} SET version = version + 1, "updatedAt" = timezone('UTC', now()) WHERE id = $1`, intoId);
    await tx.$executeRawUnsafe(`UPDATE "SlugRedirect" SET "targetId" = $2 WHERE kind = '${t.slugKind}' AND "targetId" = $1`, fromId, intoId);
    await addRedirect(tx, kind, from.slug, intoId);
    const after = { ...before.into, aliases: await aliasLabels(tx, kind, intoId) };
    await recordChange(tx, kind, {
      action: "merge",
      targetId: intoId,
      version: into.version + 1,
      userId,
      before,
      after,
      summary: `Merged "${from.name}" (/${from.slug}) into "${into.name}"; ${pairsQueued} pairs queued for reindexing`,
    });
    return { id: intoId, slug: into.slug, name: into.name, pairsQueued };
  });
}

/** Moves the chosen aliases, and the turns or questions printed with them, to a new entry. */
export async function splitIdentity(raw: z.input<typeof splitInputSchema>, userId: number | null): Promise<ChangeResult> {
  const { kind, id: sourceId, labels, name: newName } = splitInputSchema.parse(raw);
  const t = IDENTITY_TABLES[kind];
  return transaction(async (tx) => {
    const source = (await lockRows(tx, kind, [sourceId])).get(sourceId)!;
    if (source.mergedIntoId !== null) throw new EditError(`"${source.name}" was merged into another ${WHAT[kind]}; split that one instead.`);
    const owned = await aliasLabels(tx, kind, sourceId);
    const unknown = labels.filter((label) => !owned.includes(label));
    if (unknown.length) throw new EditError(`Not a label of "${source.name}": ${unknown.join(", ")}.`);
    if (labels.length === owned.length) throw new EditError(`Leave at least one label with "${source.name}"; to change its name, rename it.`);
    const before = await snapshot(tx, kind, source);
    const created = await createIdentity(prismaRunner(tx), kind, newName ?? labels[0]);
    await tx.$executeRawUnsafe(`UPDATE ${t.alias} SET ${t.owner} = $2 WHERE ${t.owner} = $1 AND label = ANY($3::text[])`, sourceId, created.id, labels);
    // A question turn's label can carry the outlet after the name ("Felix Belair, New York Times").
    const printed = `(t."speakerLabel" = ANY($3::text[]) OR split_part(t."speakerLabel", ', ', 1) = ANY($3::text[]) OR (strpos(t."speakerLabel", ', ') > 0 AND substr(t."speakerLabel", strpos(t."speakerLabel", ', ') + 2) = ANY($3::text[])))`;
    let moved: { qaPairId: number | null }[];
    if (kind === "speaker") {
      moved = await tx.$queryRawUnsafe(`UPDATE "Turn" t SET "speakerId" = $2 WHERE t."speakerId" = $1 AND ${printed} RETURNING t."qaPairId"`, sourceId, created.id, labels);
      await tx.$executeRawUnsafe(
        `UPDATE "QaPair" p SET "questionerId" = $2 WHERE p."questionerId" = $1
           AND EXISTS (SELECT 1 FROM "Turn" t WHERE t."qaPairId" = p.id AND t.kind = 'QUESTION' AND t."speakerId" = $2)`,
        sourceId,
        created.id,
      );
      await rebuildParticipants(tx, [sourceId, created.id]);
    } else {
      moved = await tx.$queryRawUnsafe(
        `UPDATE "QaPair" p SET "outletId" = $2 WHERE p."outletId" = $1
           AND EXISTS (SELECT 1 FROM "Turn" t WHERE t."qaPairId" = p.id AND t.kind = 'QUESTION' AND ${printed}) RETURNING p.id AS "qaPairId"`,
        sourceId,
        created.id,
        labels,
      );
    }
    const pairIds = [...new Set(moved.map((m) => m.qaPairId).filter((x): x is number => x !== null))];
    if (pairIds.length) await tx.searchOutbox.createMany({ data: pairIds.map((qaPairId) => ({ qaPairId, op: "UPSERT" as const })) });
    await tx.$executeRawUnsafe(`UPDATE ${t.table} SET version = version + 1, "updatedAt" = timezone('UTC', now()) WHERE id = $1`, sourceId);
    const after = { source: { ...before, aliases: await aliasLabels(tx, kind, sourceId) }, created: { name: created.name, slug: created.slug, aliases: labels } };
    await recordChange(tx, kind, {
      action: "split",
      targetId: sourceId,
      version: source.version + 1,
      userId,
      before,
      after,
      summary: `Split ${labels.map((l) => `"${l}"`).join(", ")} off "${source.name}" into "${created.name}" (/${created.slug}); ${pairIds.length} pairs moved`,
    });
    return { id: created.id, slug: created.slug, name: created.name, pairsQueued: pairIds.length };
  });
}

/** Renames; a new slug leaves a redirect from the old one. */
export async function renameIdentity(raw: z.input<typeof renameInputSchema>, userId: number | null): Promise<ChangeResult> {
  const { kind, id: targetId, name: newName, version } = renameInputSchema.parse(raw);
  const t = IDENTITY_TABLES[kind];
  return transaction(async (tx) => {
    const row = (await lockRows(tx, kind, [targetId])).get(targetId)!;
    if (row.mergedIntoId !== null) throw new EditError(`"${row.name}" was merged into another ${WHAT[kind]}; rename that one instead.`);
    if (version !== undefined && version !== row.version) throw new EditError(`"${row.name}" was changed by someone else since you loaded the page. Reload and try again.`);
    if (newName === row.name) return { id: row.id, slug: row.slug, name: row.name, pairsQueued: 0 };
    const base = nameSlug(newName);
    const taken = await tx.$queryRawUnsafe<{ slug: string }[]>(
      `SELECT slug FROM ${t.table} WHERE id <> $1 AND (slug = $2 OR slug LIKE $3)
       UNION SELECT "oldSlug" FROM "SlugRedirect" WHERE kind = '${t.slugKind}' AND "targetId" <> $1 AND ("oldSlug" = $2 OR "oldSlug" LIKE $3)`,
      targetId,
      base,
      `${base.replace(/[\\%_]/g, "\\$&")}-%`,
    );
    const slug = row.slug === base ? base : freeSlug(base, new Set(taken.map((r) => r.slug)));
    const before = await snapshot(tx, kind, row);
    await tx.$executeRawUnsafe(`DELETE FROM "SlugRedirect" WHERE kind = '${t.slugKind}' AND "oldSlug" = $1`, slug);
    if (slug !== row.slug) await addRedirect(tx, kind, row.slug, targetId);
    await tx.$executeRawUnsafe(`UPDATE ${t.table} SET name = $2, slug = $3, version = version + 1, "updatedAt" = timezone('UTC', now()) WHERE id = $1`, targetId, newName, slug);
    // The editor's name is also a label later imports may print ("Jen Psaki").
    const key = identityKey(kind, newName, null);
    if (key) {
      await tx.$executeRawUnsafe(`INSERT INTO ${t.alias} (${t.owner}, label, "matchKey") VALUES ($1, $2, $3) ON CONFLICT ("matchKey", label) DO NOTHING`, targetId, newName, key);
    }
    const pairsQueued = await queuePairsOf(tx, kind, targetId);
    await recordChange(tx, kind, {
      action: "rename",
      targetId,
      version: row.version + 1,
      userId,
      before,
      after: { ...before, name: newName, slug },
      summary: `Renamed "${row.name}" to "${newName}"${slug !== row.slug ? ` (/${row.slug} now redirects to /${slug})` : ""}`,
    });
    return { id: targetId, slug, name: newName, pairsQueued };
  });
}

async function addRedirect(tx: Tx, kind: IdentityKind, oldSlug: string, targetId: number): Promise<void> {
  const slugKind = IDENTITY_TABLES[kind].slugKind;
  await tx.slugRedirect.upsert({
    where: { kind_oldSlug: { kind: slugKind, oldSlug } },
    create: { kind: slugKind, oldSlug, targetId },
    update: { targetId },
  });
}

/** Participations of these speakers recomputed from their turns (after a split moved some). */
async function rebuildParticipants(tx: Tx, speakerIds: number[]): Promise<void> {
  await tx.$executeRawUnsafe(`DELETE FROM "ConferenceParticipant" WHERE "speakerId" = ANY($1::int[])`, speakerIds);
  await tx.$executeRawUnsafe(
    `INSERT INTO "ConferenceParticipant" ("conferenceId", "speakerId", role)
     SELECT "conferenceId", "speakerId", (array_agg(COALESCE(role, 'OTHER') ORDER BY
              CASE COALESCE(role, 'OTHER') WHEN 'MODERATOR' THEN 4 WHEN 'OFFICIAL' THEN 3 WHEN 'INTERPRETER' THEN 2 WHEN 'JOURNALIST' THEN 1 ELSE 0 END DESC))[1]
       FROM "Turn" WHERE "speakerId" = ANY($1::int[]) GROUP BY "conferenceId", "speakerId"`,
    speakerIds,
  );
}
