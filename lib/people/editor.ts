import { db } from "@/lib/db/client";
import { EditError } from "@/lib/archive/revisions";
import { identityKindSchema } from "./changes";
import type { IdentityKind } from "./resolve";

// Read side of the editor's people and outlet pages, and the glue its actions share.

export function identityEditorPath(kind: string, id?: string): string {
  const k = kind === "outlet" ? "outlet" : "speaker";
  return id ? `/editor/people/${k}/${encodeURIComponent(id)}` : `/editor/people?kind=${k}`;
}

/** Runs a change and turns an editor-facing error into a message; anything else is rethrown. */
export async function runIdentityChange<T>(change: () => Promise<T>, message: (error: unknown) => string): Promise<{ ok: true; result: T } | { ok: false; message: string }> {
  try {
    return { ok: true, result: await change() };
  } catch (error) {
    return { ok: false, message: message(error) };
  }
}

export async function findIdentityIdBySlug(kind: string, raw: string): Promise<number> {
  const parsedKind = identityKindSchema.parse(kind);
  // Accept a pasted public URL as well as a bare slug.
  const slug = decodeURIComponent(
    raw
      .trim()
      .replace(/^.*\/(people|outlets)\//, "")
      .replace(/[?#].*$/, "")
      .replace(/\/$/, ""),
  );
  if (!slug) throw new EditError("Give the slug or URL of the entry to merge into.");
  const where = { where: { slug }, select: { id: true, mergedIntoId: true } } as const;
  const row = parsedKind === "speaker" ? await db().speaker.findUnique(where) : await db().outlet.findUnique(where);
  const section = parsedKind === "speaker" ? "people" : "outlets";
  if (!row) {
    // An old address (renamed, or merged away) still works for visitors; say where it leads rather than "nothing there".
    const moved = await db().slugRedirect.findUnique({
      where: { kind_oldSlug: { kind: parsedKind === "speaker" ? "SPEAKER" : "OUTLET", oldSlug: slug } },
      select: { targetId: true },
    });
    const byId = { where: { id: moved?.targetId ?? -1 }, select: { slug: true } } as const;
    const target = !moved ? null : parsedKind === "speaker" ? await db().speaker.findUnique(byId) : await db().outlet.findUnique(byId);
    if (target) throw new EditError(`/${section}/${slug} is an old address that now leads to /${section}/${target.slug}; give that one instead.`);
    throw new EditError(`Nothing at /${section}/${slug}.`);
  }
  return row.mergedIntoId ?? row.id;
}

/** One person or outlet with its aliases, for the editor's detail page. */
export async function identityDetail(kind: IdentityKind, id: number) {
  const select = { id: true, name: true, slug: true, version: true, mergedIntoId: true, aliases: { select: { label: true, matchKey: true }, orderBy: { label: "asc" as const } } };
  const row = kind === "speaker" ? await db().speaker.findUnique({ where: { id }, select }) : await db().outlet.findUnique({ where: { id }, select });
  if (!row) return null;
  const uses =
    kind === "speaker"
      ? await db().turn.groupBy({ by: ["speakerLabel"], where: { speakerId: id }, _count: { _all: true } })
      : await db().$queryRaw<{ speakerLabel: string | null; count: bigint }[]>`
          SELECT t."speakerLabel", COUNT(*) AS count FROM "QaPair" p JOIN "Turn" t ON t."qaPairId" = p.id AND t.kind = 'QUESTION'
           WHERE p."outletId" = ${id} GROUP BY 1`;
  const printed = uses.map((u) => ({ label: u.speakerLabel, count: "_count" in u ? u._count._all : Number(u.count) }));
  return { ...row, printed: printed.sort((a, b) => b.count - a.count) };
}

/** People the archive already has for these match keys (read-only: a dry run creates nothing). */
export async function knownPeopleByKey(keys: string[]): Promise<Map<string, { id: number; name: string; slug: string }>> {
  if (keys.length === 0) return new Map();
  const rows = await db().$queryRaw<{ matchKey: string; id: number; name: string; slug: string }[]>`
    SELECT DISTINCT ON (a."matchKey") a."matchKey", o.id, o.name, o.slug
      FROM "SpeakerAlias" a JOIN "Speaker" s ON s.id = a."speakerId" JOIN "Speaker" o ON o.id = COALESCE(s."mergedIntoId", s.id)
     WHERE a."matchKey" = ANY(${keys}::text[]) ORDER BY a."matchKey", a.id`;
  return new Map(rows.map((r) => [r.matchKey, { id: r.id, name: r.name, slug: r.slug }]));
}
