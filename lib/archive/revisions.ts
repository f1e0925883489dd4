import type { Prisma } from "@/lib/generated/prisma/client";
import { db, type Tx } from "@/lib/db/client";

export type FieldChange = { field: string; before: unknown; after: unknown };

function flatten(value: unknown, prefix: string, out: Map<string, unknown>): void {
  if (Array.isArray(value)) {
    if (value.every((v) => typeof v !== "object" || v === null)) {
      out.set(prefix, value); // lists of names (topics) read better whole
      return;
    }
    value.forEach((item, index) => flatten(item, `${prefix}[${index}]`, out));
    return;
  }
  if (value && typeof value === "object" && !(value instanceof Date)) {
    for (const [key, inner] of Object.entries(value)) flatten(inner, prefix ? `${prefix}.${key}` : key, out);
    return;
  }
  out.set(prefix, value ?? null);
}

/** Field-level differences between two snapshots, in a stable order, for revisions and the audit log. */
export function diffSnapshots(before: unknown, after: unknown): FieldChange[] {
  const a = new Map<string, unknown>();
  const b = new Map<string, unknown>();
  flatten(before, "", a);
  flatten(after, "", b);
  const fields = [...new Set([...a.keys(), ...b.keys()])];
  const changes: FieldChange[] = [];
  for (const field of fields) {
    const x = a.has(field) ? a.get(field) : null;
    const y = b.has(field) ? b.get(field) : null;
    if (JSON.stringify(x) !== JSON.stringify(y)) changes.push({ field, before: x, after: y });
  }
  return changes;
}

/** "question text, answer 2 speaker changed" style one-liner for lists. */
export function summarizeChanges(changes: FieldChange[]): string {
  if (changes.length === 0) return "no changes";
  const fields = changes.map((c) => c.field);
  const shown = fields.slice(0, 6).join(", ");
  return `${shown}${fields.length > 6 ? ` and ${fields.length - 6} more` : ""} changed`;
}

/** Thrown when the row moved on since the editor loaded it; carries what is stored now. */
export class ConflictError<TSnapshot = unknown> extends Error {
  constructor(
    readonly current: TSnapshot,
    readonly currentVersion: number,
    readonly lastEdit: { userName: string | null; at: Date } | null,
  ) {
    super("Someone else saved this while you were editing. Nothing was overwritten.");
    this.name = "ConflictError";
  }
}

export class EditError extends Error {}

const json = (value: unknown) => JSON.parse(JSON.stringify(value)) as Prisma.InputJsonValue;

export async function recordRevision(
  tx: Tx,
  input: {
    entityType: "QaPair" | "Conference";
    qaPairId?: number | null;
    conferenceId?: number | null;
    version: number;
    userId: number | null;
    before: unknown;
    after: unknown;
    changes: FieldChange[];
    publicNote?: string | null;
  },
): Promise<void> {
  await tx.revision.create({
    data: {
      entityType: input.entityType,
      qaPairId: input.qaPairId ?? null,
      conferenceId: input.conferenceId ?? null,
      version: input.version,
      userId: input.userId,
      before: json(input.before),
      after: json(input.after),
      diff: json(input.changes),
      publicNote: input.publicNote ?? null,
    },
  });
}

export type RevisionView = {
  id: number;
  version: number;
  createdAt: Date;
  userName: string | null;
  publicNote: string | null;
  changes: FieldChange[];
};

export async function listRevisions(target: { qaPairId: number } | { conferenceId: number; pairsToo?: false }, client: Tx | ReturnType<typeof db> = db()): Promise<RevisionView[]> {
  const where = "qaPairId" in target ? { qaPairId: target.qaPairId } : { conferenceId: target.conferenceId, qaPairId: null };
  const rows = await client.revision.findMany({
    where,
    orderBy: { createdAt: "desc" },
    take: 100,
    include: { user: { select: { name: true, email: true } } },
  });
  return rows.map((r) => ({
    id: r.id,
    version: r.version,
    createdAt: r.createdAt,
    userName: r.user ? (r.user.name ?? r.user.email) : null,
    publicNote: r.publicNote,
    changes: Array.isArray(r.diff) ? (r.diff as FieldChange[]) : [],
  }));
}

export async function lastEditOf(tx: Tx, target: { qaPairId: number } | { conferenceId: number }) {
  const [latest] = await listRevisions("qaPairId" in target ? target : { conferenceId: target.conferenceId }, tx);
  return latest ? { userName: latest.userName, at: latest.createdAt } : null;
}
