import { z } from "zod";
import type { Prisma } from "@/lib/generated/prisma/client";

// Keyset pagination of pair listings (a person's answers, an outlet's questions, a topic).
// Listings run newest conference first, then by conference id, then in spoken order; a cursor
// names the row a page ends or starts at, so any page (the last one too) costs what the first
// does, instead of an OFFSET that scans every earlier row. `?page=N` stays for display and for
// old links; `?after=` / `?before=` carry the cursor and `?page=last` reads from the end.

export interface PairCursor {
  heldOn: string | null;
  conferenceId: number;
  ordinal: number;
}

export type ListPosition = { kind: "offset"; page: number } | { kind: "after" | "before"; page: number; cursor: PairCursor } | { kind: "last" };

/** `2021-01-20~123~5` (date, conference id, ordinal); `-` for an undated conference. */
export function encodeCursor(cursor: PairCursor): string {
  return `${cursor.heldOn ?? "-"}~${cursor.conferenceId}~${cursor.ordinal}`;
}

const cursorSchema = z
  .string()
  .regex(/^(\d{4}-\d{2}-\d{2}|-)~\d{1,10}~\d{1,6}$/)
  .transform((value): PairCursor => {
    const [heldOn, conferenceId, ordinal] = value.split("~");
    return { heldOn: heldOn === "-" ? null : heldOn, conferenceId: Number(conferenceId), ordinal: Number(ordinal) };
  });

const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);

/** Where a listing page starts, from its query string: anything odd falls back to the first page. */
export function listPosition(query: Record<string, string | string[] | undefined>): ListPosition {
  const rawPage = first(query.page);
  if (rawPage === "last") return { kind: "last" };
  const n = Number(rawPage);
  const page = Number.isInteger(n) && n >= 1 && n <= 100_000 ? n : 1;
  for (const kind of ["after", "before"] as const) {
    const parsed = cursorSchema.safeParse(first(query[kind]));
    if (parsed.success) return { kind, page, cursor: parsed.data };
  }
  return { kind: "offset", page };
}

type Order = Prisma.QaPairOrderByWithRelationInput[];
export const NEWEST_FIRST: Order = [{ conference: { heldOn: { sort: "desc", nulls: "last" } } }, { conferenceId: "desc" }, { ordinal: "asc" }];
export const OLDEST_FIRST: Order = [{ conference: { heldOn: { sort: "asc", nulls: "first" } } }, { conferenceId: "asc" }, { ordinal: "desc" }];

const day = (iso: string) => new Date(`${iso}T00:00:00Z`);

/** Rows listed after the cursor (newest-first order). A conference id fixes its date, so the last branch needs none. */
export function afterCursor(c: PairCursor): Prisma.QaPairWhereInput {
  const sameConference = { conferenceId: c.conferenceId, ordinal: { gt: c.ordinal } };
  if (c.heldOn === null) return { OR: [{ conference: { heldOn: null }, conferenceId: { lt: c.conferenceId } }, sameConference] };
  return {
    OR: [
      { conference: { heldOn: { lt: day(c.heldOn) } } },
      { conference: { heldOn: null } },
      { conference: { heldOn: day(c.heldOn) }, conferenceId: { lt: c.conferenceId } },
      sameConference,
    ],
  };
}

/** Rows listed before the cursor (newest-first order). */
export function beforeCursor(c: PairCursor): Prisma.QaPairWhereInput {
  const sameConference = { conferenceId: c.conferenceId, ordinal: { lt: c.ordinal } };
  if (c.heldOn === null) return { OR: [{ conference: { heldOn: { not: null } } }, { conference: { heldOn: null }, conferenceId: { gt: c.conferenceId } }, sameConference] };
  return { OR: [{ conference: { heldOn: { gt: day(c.heldOn) } } }, { conference: { heldOn: day(c.heldOn) }, conferenceId: { gt: c.conferenceId } }, sameConference] };
}

export function cursorOf(row: { conferenceId: number; ordinal: number; conference: { heldOn: Date | null } }): string {
  return encodeCursor({ heldOn: row.conference.heldOn ? row.conference.heldOn.toISOString().slice(0, 10) : null, conferenceId: row.conferenceId, ordinal: row.ordinal });
}
