import { z } from "zod";
import { recordAudit } from "@/lib/audit/record";
import { db } from "@/lib/db/client";
import { organizerKey } from "./conferences";
import { runAlignment, type AlignRunSummary } from "./run";
import { shiftDay } from "./window";

// Conference pairings the aligner was not sure of (two pages of one date in a language, or a
// page too different from its counterpart) wait here for an editor, never guessed. Accepting
// one makes it an editor's link, rejects the other candidates of the same pages, and aligns
// the two pages' exchanges at once; rejecting one is remembered, so re-runs never propose it.

export class SuggestionDecisionError extends Error {}

export const suggestionDecisionSchema = z.object({
  action: z.enum(["accept", "reject"], { message: "Choose accept or reject" }),
  id: z.coerce.number({ message: "A suggestion id is a number" }).int().positive("A suggestion id is a positive number"),
});

export interface SuggestedPage {
  id: number;
  slug: string;
  title: string;
  heldOn: string | null;
  language: string;
  sourceUrl: string | null;
  pairs: number;
}

export interface ConferenceSuggestion {
  id: number;
  confidence: number;
  reason: string | null;
  first: SuggestedPage;
  second: SuggestedPage;
}

const pageSelect = { id: true, slug: true, title: true, heldOn: true, language: true, sourceUrl: true, _count: { select: { pairs: true } } } as const;

type PageRow = { id: number; slug: string; title: string; heldOn: Date | string | null; language: string; sourceUrl: string | null; _count: { pairs: number } };

const page = (row: PageRow): SuggestedPage => ({
  id: row.id,
  slug: row.slug,
  title: row.title,
  heldOn: row.heldOn instanceof Date ? row.heldOn.toISOString().slice(0, 10) : row.heldOn,
  language: row.language,
  sourceUrl: row.sourceUrl,
  pairs: row._count.pairs,
});

/** Open suggestions, grouped so the candidates of one page sit together (oldest briefing first). */
export async function listConferenceSuggestions(limit = 200): Promise<ConferenceSuggestion[]> {
  const rows = await db().conferenceCounterpart.findMany({
    where: { status: "SUGGESTED" },
    orderBy: [{ conference: { heldOn: "asc" } }, { conferenceId: "asc" }, { confidence: "desc" }],
    take: limit,
    select: { id: true, confidence: true, reason: true, conference: { select: pageSelect }, counterpart: { select: pageSelect } },
  });
  return rows.map((r) => ({ id: r.id, confidence: r.confidence, reason: r.reason, first: page(r.conference), second: page(r.counterpart) }));
}

export interface SuggestionDecision {
  message: string;
  alignment?: AlignRunSummary;
}

/** Applies an editor's decision on one suggestion; audited in the same transaction. */
export async function decideConferenceSuggestion(raw: unknown, actor: { userId: number; ip?: string | null }): Promise<SuggestionDecision> {
  const parsed = suggestionDecisionSchema.safeParse(raw);
  if (!parsed.success) throw new SuggestionDecisionError(parsed.error.issues[0].message);
  const { action, id } = parsed.data;
  const decided = await db().$transaction(async (tx) => {
    // The aligner's own writes take this lock too: a decision never interleaves with a run.
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext('pressroom.alignment'))`;
    const link = await tx.conferenceCounterpart.findUnique({
      where: { id },
      select: { id: true, status: true, conferenceId: true, counterpartId: true, conference: { select: pageSelect }, counterpart: { select: pageSelect } },
    });
    if (!link) throw new SuggestionDecisionError(`There is no suggestion ${id}`);
    if (link.status !== "SUGGESTED") throw new SuggestionDecisionError(`Suggestion ${id} was already decided (${link.status.toLowerCase()})`);
    const [first, second] = [page(link.conference), page(link.counterpart)];
    if (first.language === second.language) throw new SuggestionDecisionError("Both pages are in the same language: a translation link joins two languages");
    const label = `${first.title} (${first.language}) ↔ ${second.title} (${second.language})`;
    const now = new Date();
    if (action === "reject") {
      await tx.conferenceCounterpart.update({ where: { id }, data: { status: "REJECTED", confirmed: true, method: "editor", updatedAt: now } });
      await recordAudit(tx, {
        userId: actor.userId,
        ip: actor.ip,
        action: "conference.counterpart.reject",
        targetType: "Conference",
        targetId: first.slug,
        summary: `Rejected the suggested translation link ${label}`,
        diff: { counterpart: second.slug, before: "suggested", after: "rejected" },
      });
      return { message: `Rejected: ${label}. The aligner will not suggest it again.`, first, second, accepted: false };
    }
    // Each page has one version per language: the other candidates of either page lose.
    const rivals = await tx.conferenceCounterpart.findMany({
      where: {
        id: { not: id },
        status: { in: ["SUGGESTED", "LINKED"] },
        OR: [{ conferenceId: { in: [first.id, second.id] } }, { counterpartId: { in: [first.id, second.id] } }],
      },
      select: { id: true, status: true, confirmed: true, method: true },
    });
    const confirmedRival = rivals.find((r) => r.status === "LINKED" && (r.confirmed || r.method !== "auto"));
    if (confirmedRival) throw new SuggestionDecisionError("One of these pages already has a translation link confirmed by an editor; remove that first");
    if (rivals.length)
      await tx.conferenceCounterpart.updateMany({
        where: { id: { in: rivals.map((r) => r.id) } },
        data: { status: "REJECTED", confirmed: true, method: "editor", updatedAt: now },
      });
    await tx.conferenceCounterpart.update({ where: { id }, data: { status: "LINKED", confirmed: true, method: "editor", confidence: 1, updatedAt: now } });
    await recordAudit(tx, {
      userId: actor.userId,
      ip: actor.ip,
      action: "conference.counterpart.accept",
      targetType: "Conference",
      targetId: first.slug,
      summary: `Accepted the translation link ${label}${rivals.length ? ` (${rivals.length} other candidate${rivals.length > 1 ? "s" : ""} rejected)` : ""}`,
      diff: { counterpart: second.slug, before: "suggested", after: "linked, confirmed", rejectedOthers: rivals.length },
    });
    const organizer = await tx.conference.findUnique({ where: { id: first.id }, select: { organizer: true } });
    return { message: `Linked: ${label}.`, first, second, accepted: true, organizer: organizer?.organizer ?? null };
  });
  if (!decided.accepted || !decided.first.heldOn || !decided.second.heldOn) return { message: decided.message };
  // Pair the two pages' exchanges now rather than at the next `npm run align`.
  const days = [decided.first.heldOn, decided.second.heldOn].sort();
  const alignment = await runAlignment({
    organizers: [organizerKey(("organizer" in decided ? decided.organizer : null) ?? null)],
    from: shiftDay(days[0], -1),
    to: shiftDay(days[1], 1),
  });
  return { message: `${decided.message} ${alignment.pairLinks.created} exchanges paired.`, alignment };
}
