import type { Prisma } from "@/lib/generated/prisma/client";
import type { Tx } from "@/lib/db/client";

export type AuditTargetType = "Conference" | "QaPair" | "User" | "ImportDraft" | "SearchSetting" | (string & {});

export interface AuditInput {
  userId: number | null;
  /** dotted verb, e.g. "pair.edit", "user.disable" */
  action: string;
  targetType: AuditTargetType;
  targetId: string | number;
  summary: string;
  diff?: unknown;
  ip?: string | null;
}

/** Writes one audit event inside the caller's transaction, so the trail and the change commit together. */
export async function recordAudit(tx: Tx, input: AuditInput): Promise<void> {
  await tx.auditEvent.create({
    data: {
      userId: input.userId,
      action: input.action,
      targetType: input.targetType,
      targetId: String(input.targetId),
      summary: input.summary.slice(0, 1000),
      diff: input.diff === undefined ? undefined : (JSON.parse(JSON.stringify(input.diff)) as Prisma.InputJsonValue),
      ip: input.ip ?? null,
    },
  });
}
