import { isAnswererTurn } from "@/lib/archive/answerers";
import { db } from "@/lib/db/client";
import type { Prisma } from "@/lib/generated/prisma/client";
import { candidatePairIds, conferenceWalkPairIds, type Bound } from "./pair-candidates";
import { afterCursor, beforeCursor, cursorOf, NEWEST_FIRST, OLDEST_FIRST, type ListPosition } from "./pair-cursor";
import { visiblePairWhere } from "./visibility";

export const PAGE_SIZE = 20;

const pairListSelect = {
  publicId: true,
  ordinal: true,
  conferenceId: true,
  questioner: { select: { name: true, slug: true } },
  outlet: { select: { name: true, slug: true } },
  conference: { select: { slug: true, title: true, heldOn: true, language: true } },
  turns: {
    orderBy: { position: "asc" },
    select: { kind: true, text: true, speakerLabel: true, speaker: { select: { name: true, slug: true } } },
  },
} satisfies Prisma.QaPairSelect;

/**
 * One page of visible pairs matching `where`, newest conference first, for listing pages.
 * Keyset-paginated (lib/catalog/pair-cursor.ts): the last page costs what the first does.
 * `total`: the kept count when the caller has one (lib/rollups), else counted here.
 */
export async function listPairs(
  where: Prisma.QaPairWhereInput,
  position: ListPosition,
  options: { total?: number; limit?: number; candidates?: Prisma.Sql; walk?: { conferenceIds: Prisma.Sql | null; pairMatches: Prisma.Sql } } = {},
) {
  const limit = options.limit ?? PAGE_SIZE;
  const filter = { AND: [visiblePairWhere, where] };
  const total = options.total ?? (await db().qaPair.count({ where: filter }));
  const pageCount = Math.max(1, Math.ceil(total / limit));
  const find = async (bound: Bound, direction: "newest" | "oldest", take: number, skip = 0) => {
    if (options.candidates || options.walk) {
      // `where` still applies: the candidates and the walk only say where to look.
      const ids = options.walk
        ? await conferenceWalkPairIds(options.walk.conferenceIds, options.walk.pairMatches, bound, direction, take, skip)
        : await candidatePairIds(options.candidates!, bound, direction, take, skip);
      const found = await db().qaPair.findMany({ where: { AND: [filter, { id: { in: ids } }] }, select: { ...pairListSelect, id: true } });
      const byId = new Map(found.map((row) => [row.id, row]));
      return ids.flatMap((id) => byId.get(id) ?? []);
    }
    const extra = bound ? (bound.kind === "after" ? afterCursor(bound.cursor) : beforeCursor(bound.cursor)) : null;
    return db().qaPair.findMany({
      where: extra ? { AND: [filter, extra] } : filter,
      orderBy: direction === "newest" ? NEWEST_FIRST : OLDEST_FIRST,
      take,
      skip,
      select: { ...pairListSelect, id: true },
    });
  };
  let rows: Awaited<ReturnType<typeof find>>;
  let page: number;
  if (position.kind === "after") {
    rows = await find({ kind: "after", cursor: position.cursor }, "newest", limit);
    page = Math.min(position.page, pageCount);
  } else if (position.kind === "before") {
    rows = (await find({ kind: "before", cursor: position.cursor }, "oldest", limit)).reverse();
    page = Math.min(position.page, pageCount);
  } else if (position.kind === "last") {
    // The last page holds what is left after the full pages, as the numbered pages would.
    rows = (await find(null, "oldest", total % limit || limit)).reverse();
    page = pageCount;
  } else {
    // Old `?page=N` links: an offset, counted from whichever end of the listing is nearer.
    const read = offsetRead(position.page, limit, total);
    rows = read.from === "newest" ? await find(null, "newest", read.take, read.skip) : (await find(null, "oldest", read.take, read.skip)).reverse();
    page = position.page;
  }
  // A kept count can trail an editor's change by a refresh (lib/rollups): never let it hide
  // pairs that are there, e.g. a person just split off with "no published answers".
  const shownTotal = rows.length ? Math.max(total, (page - 1) * limit + rows.length) : total;
  const isFirst = page <= 1 || rows.length === 0;
  const isLast = page >= pageCount || rows.length < limit;
  const cursors = {
    before: !isFirst && rows.length ? cursorOf(rows[0]) : null,
    after: !isLast && rows.length ? cursorOf(rows[rows.length - 1]) : null,
  };
  const items = rows.map((row) => {
    const question = row.turns
      .filter((t) => t.kind === "QUESTION")
      .map((t) => t.text)
      .join("\n\n");
    const answers = row.turns.filter(isAnswererTurn);
    const answerers = [...new Set(answers.map((t) => t.speaker?.name ?? t.speakerLabel ?? "").filter(Boolean))];
    return {
      publicId: row.publicId,
      ordinal: row.ordinal,
      question,
      answerExcerpt: excerpt(answers.map((t) => t.text).join(" "), 280),
      answerers,
      questioner: row.questioner,
      outlet: row.outlet,
      conference: row.conference,
    };
  });
  return { total: shownTotal, page, limit, pageCount, cursors, items };
}

/**
 * How to read offset page `page` (newest first) of a listing of `total` pairs: an OFFSET scans
 * every row it skips, so a page past the middle is read oldest first from the end and reversed.
 * The last page of the busiest outlet by number took 409 ms at a million pairs, ?page=last 21 ms.
 * A kept count that trails an edit only shifts where such a page starts, as it would its number.
 */
export function offsetRead(page: number, limit: number, total: number): { from: "newest" | "oldest"; skip: number; take: number } {
  const before = (page - 1) * limit;
  if (before * 2 <= total || before >= total) return { from: "newest", skip: before, take: limit };
  const end = Math.min(total, page * limit);
  return { from: "oldest", skip: total - end, take: end - before };
}

export type PairListPage = Awaited<ReturnType<typeof listPairs>>;
export type PairListItem = PairListPage["items"][number];

export function excerpt(text: string, max: number): string {
  const flat = text.replace(/\s+/g, " ").trim();
  if (flat.length <= max) return flat;
  const cut = flat.slice(0, max);
  const space = cut.lastIndexOf(" ");
  return `${(space > max * 0.6 ? cut.slice(0, space) : cut).trimEnd()}…`;
}

/** Page numbers from a query string: anything odd falls back to 1 rather than erroring. */
export function pageParam(value: string | string[] | undefined): number {
  const n = Number(Array.isArray(value) ? value[0] : value);
  return Number.isInteger(n) && n >= 1 && n <= 100_000 ? n : 1;
}
