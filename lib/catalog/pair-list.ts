import { isAnswererTurn } from "@/lib/archive/answerers";
import { db } from "@/lib/db/client";
import type { Prisma } from "@/lib/generated/prisma/client";
import { visiblePairWhere } from "./visibility";

export const PAGE_SIZE = 20;

/** One page of visible pairs matching `where`, newest conference first, for listing pages. */
export async function listPairs(where: Prisma.QaPairWhereInput, page: number, limit = PAGE_SIZE) {
  const filter = { AND: [visiblePairWhere, where] };
  const [total, rows] = await Promise.all([
    db().qaPair.count({ where: filter }),
    db().qaPair.findMany({
      where: filter,
      orderBy: [{ conference: { heldOn: { sort: "desc", nulls: "last" } } }, { conferenceId: "desc" }, { ordinal: "asc" }],
      skip: (page - 1) * limit,
      take: limit,
      select: {
        publicId: true,
        ordinal: true,
        questioner: { select: { name: true, slug: true } },
        outlet: { select: { name: true, slug: true } },
        conference: { select: { slug: true, title: true, heldOn: true, language: true } },
        turns: {
          orderBy: { position: "asc" },
          select: { kind: true, text: true, speakerLabel: true, speaker: { select: { name: true, slug: true } } },
        },
      },
    }),
  ]);
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
  return { total, page, limit, pageCount: Math.max(1, Math.ceil(total / limit)), items };
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
