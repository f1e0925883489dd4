import { z } from "zod";
import type { Prisma } from "@/lib/generated/prisma/client";
import { db } from "@/lib/db/client";
import { hideEmails, hideEmailsInJson, userPseudonym } from "./pseudonyms";

export const AUDIT_PAGE_SIZE = 50;

const day = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/)
  .optional()
  .catch(undefined);

/** Filters from the audit page's GET form; anything malformed is ignored rather than failing the page. */
export const auditFilterSchema = z.object({
  user: z.coerce.number().int().positive().optional().catch(undefined),
  action: z
    .string()
    .trim()
    .max(80)
    .optional()
    .catch(undefined)
    .transform((v) => v || undefined),
  targetType: z
    .string()
    .trim()
    .max(40)
    .optional()
    .catch(undefined)
    .transform((v) => v || undefined),
  from: day,
  to: day,
  page: z.coerce.number().int().min(1).max(10_000).catch(1).default(1),
});
export type AuditFilter = z.output<typeof auditFilterSchema>;

export type AuditRow = {
  id: string;
  createdAt: Date;
  action: string;
  targetType: string;
  targetId: string;
  summary: string;
  ip: string | null;
  userName: string | null;
  targetHref: string | null;
  diff: unknown;
};

/** Who is reading: only admins see account emails (lib/audit/pseudonyms.ts). */
export type AuditViewer = { role: "ADMIN" | "EDITOR" };

export async function listAuditEvents(filter: AuditFilter, viewer: AuditViewer) {
  const where: Prisma.AuditEventWhereInput = {};
  if (filter.user) where.userId = filter.user;
  if (filter.action) where.action = filter.action;
  if (filter.targetType) where.targetType = filter.targetType;
  if (filter.from || filter.to) {
    where.createdAt = {
      ...(filter.from ? { gte: new Date(`${filter.from}T00:00:00Z`) } : {}),
      // "to" is inclusive: everything before the next day starts.
      ...(filter.to ? { lt: new Date(new Date(`${filter.to}T00:00:00Z`).getTime() + 86_400_000) } : {}),
    };
  }
  const [total, events] = await Promise.all([
    db().auditEvent.count({ where }),
    db().auditEvent.findMany({
      where,
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      skip: (filter.page - 1) * AUDIT_PAGE_SIZE,
      take: AUDIT_PAGE_SIZE,
      include: { user: { select: { id: true, name: true, email: true } } },
    }),
  ]);
  const conferenceIds = events.filter((e) => e.targetType === "Conference" && /^\d+$/.test(e.targetId)).map((e) => Number(e.targetId));
  const slugs = new Map((await db().conference.findMany({ where: { id: { in: conferenceIds } }, select: { id: true, slug: true } })).map((c) => [String(c.id), c.slug]));
  const admin = viewer.role === "ADMIN";
  const accounts = admin ? [] : await db().user.findMany({ select: { id: true, name: true, email: true } });
  const rows: AuditRow[] = events.map((e) => ({
    id: String(e.id),
    createdAt: e.createdAt,
    action: e.action,
    targetType: e.targetType,
    targetId: e.targetId,
    summary: admin ? e.summary : hideEmails(e.summary, accounts),
    ip: e.ip,
    diff: admin ? e.diff : hideEmailsInJson(e.diff, accounts),
    userName: e.user ? (admin ? (e.user.name ?? e.user.email) : userPseudonym(e.user)) : null,
    targetHref: targetHref(e.targetType, e.targetId, slugs),
  }));
  return { rows, total, pages: Math.max(1, Math.ceil(total / AUDIT_PAGE_SIZE)) };
}

function targetHref(type: string, id: string, conferenceSlugs: Map<string, string>): string | null {
  switch (type) {
    case "QaPair":
      return `/editor/qa/${encodeURIComponent(id)}`;
    case "Conference":
      return conferenceSlugs.has(id) ? `/editor/conferences/${encodeURIComponent(conferenceSlugs.get(id)!)}` : null;
    case "User":
      return "/editor/users";
    case "ImportDraft":
      return `/editor/imports/${encodeURIComponent(id)}`;
    default:
      return null;
  }
}

/** Choices for the filter form; users are labelled as the viewer may see them. */
export async function auditFilterOptions(viewer: AuditViewer) {
  const [users, actions, targetTypes] = await Promise.all([
    db().user.findMany({ select: { id: true, name: true, email: true }, orderBy: { email: "asc" } }),
    db().auditEvent.findMany({ distinct: ["action"], select: { action: true }, orderBy: { action: "asc" } }),
    db().auditEvent.findMany({ distinct: ["targetType"], select: { targetType: true }, orderBy: { targetType: "asc" } }),
  ]);
  const labelled = users.map((u) => ({ id: u.id, label: viewer.role === "ADMIN" ? (u.name ?? u.email) : userPseudonym(u) }));
  return { users: labelled, actions: actions.map((a) => a.action), targetTypes: targetTypes.map((t) => t.targetType) };
}
