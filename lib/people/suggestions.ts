import { db } from "@/lib/db/client";
import { editDistance, outletInitials, outletMatchKey, personIdentity } from "./normalise";
import type { IdentityKind } from "./resolve";

// Candidates for an editor's merge: what the importer did not merge on its own because it was
// not certain. Computed on request from the aliases (a few thousand rows), so there is no
// suggestion table to keep in step.

export interface IdentityEntry {
  id: number;
  name: string;
  slug: string;
  uses: number;
  /** Match keys of the entry's aliases (and of its name, for rows from before aliases). */
  keys: string[];
}

export interface MergeSuggestion {
  a: Pick<IdentityEntry, "id" | "name" | "slug" | "uses">;
  b: Pick<IdentityEntry, "id" | "name" | "slug" | "uses">;
  reason: string;
}

/** Splits "surname:<scope>:<word>" and "name:<words>" keys into scope and name words. */
function keyParts(key: string): { type: string; scope: string; words: string[] } {
  const [type, ...rest] = key.split(":");
  if (type === "surname" || type === "role") return { type, scope: rest.slice(0, -1).join(":"), words: rest[rest.length - 1].split(" ") };
  return { type, scope: "", words: rest.join(":").split(" ") };
}

/** Why two entries may be one, or null. Pure, so the rules are unit-tested. */
export function suggestionReason(kind: IdentityKind, a: IdentityEntry, b: IdentityEntry): string | null {
  const shared = a.keys.find((key) => b.keys.includes(key));
  if (shared) return "same label once normalised";
  for (const ka of a.keys) {
    for (const kb of b.keys) {
      const x = keyParts(ka);
      const y = keyParts(kb);
      if (x.type === "role" || y.type === "role") continue;
      if (kind === "outlet") {
        const cx = x.words.join(" ");
        const cy = y.words.join(" ");
        if (Math.min(cx.length, cy.length) >= 6 && editDistance(cx, cy, 2) <= 2) return "similar spelling";
        if (cx.length >= 2 && !cx.includes(" ") && cx === outletInitials(b.name)) return "initials";
        if (cy.length >= 2 && !cy.includes(" ") && cy === outletInitials(a.name)) return "initials";
        continue;
      }
      const sx = x.words[x.words.length - 1];
      const sy = y.words[y.words.length - 1];
      if (x.type === "surname" && y.type === "surname" && x.scope === y.scope && Math.min(sx.length, sy.length) >= 5 && editDistance(sx, sy, 2) <= 2) {
        return "similar spelling in the same archive";
      }
      if (x.type !== y.type && sx === sy && sx.length >= 3) return "same surname, one label has the full name";
      if (x.type === "name" && y.type === "name" && x.words.join(" ").length >= 8 && editDistance(x.words.join(" "), y.words.join(" "), 2) <= 2) return "similar spelling";
    }
  }
  return null;
}

/** Entries of one kind with their keys and how often they are used, busiest first. */
export async function listIdentityEntries(kind: IdentityKind): Promise<IdentityEntry[]> {
  const rows =
    kind === "speaker"
      ? await db().$queryRaw<{ id: number; name: string; slug: string; uses: bigint; keys: string[] | null; scopes: (string | null)[] | null }[]>`
          SELECT s.id, s.name, s.slug,
                 (SELECT COUNT(*) FROM "Turn" t WHERE t."speakerId" = s.id) AS uses,
                 (SELECT array_agg(DISTINCT a."matchKey") FROM "SpeakerAlias" a WHERE a."speakerId" = s.id) AS keys,
                 (SELECT array_agg(DISTINCT c.organizer) FROM "ConferenceParticipant" cp JOIN "Conference" c ON c.id = cp."conferenceId" WHERE cp."speakerId" = s.id) AS scopes
            FROM "Speaker" s WHERE s."mergedIntoId" IS NULL`
      : await db().$queryRaw<{ id: number; name: string; slug: string; uses: bigint; keys: string[] | null; scopes: null }[]>`
          SELECT o.id, o.name, o.slug,
                 (SELECT COUNT(*) FROM "QaPair" p WHERE p."outletId" = o.id) AS uses,
                 (SELECT array_agg(DISTINCT a."matchKey") FROM "OutletAlias" a WHERE a."outletId" = o.id) AS keys,
                 NULL AS scopes
            FROM "Outlet" o WHERE o."mergedIntoId" IS NULL`;
  return rows
    .map((r) => {
      const keys = new Set(r.keys ?? []);
      // Rows from before aliases: their name, in each archive they appear in.
      if (!r.keys?.length) {
        for (const scope of r.scopes?.length ? r.scopes : [null]) {
          const key = kind === "speaker" ? personIdentity(r.name, scope)?.key : outletMatchKey(r.name);
          if (key) keys.add(key);
        }
      }
      return { id: r.id, name: r.name, slug: r.slug, uses: Number(r.uses), keys: [...keys] };
    })
    .filter((e) => e.uses > 0)
    .sort((a, b) => b.uses - a.uses || a.name.localeCompare(b.name));
}

/** Pairs of entries that may be one, strongest evidence first; at most `limit`. */
export async function mergeSuggestions(kind: IdentityKind, limit = 50): Promise<MergeSuggestion[]> {
  const entries = await listIdentityEntries(kind);
  const found: (MergeSuggestion & { rank: number })[] = [];
  const brief = (e: IdentityEntry) => ({ id: e.id, name: e.name, slug: e.slug, uses: e.uses });
  for (let i = 0; i < entries.length; i++) {
    for (let j = i + 1; j < entries.length; j++) {
      const reason = suggestionReason(kind, entries[i], entries[j]);
      if (!reason) continue;
      const rank = reason.startsWith("same label") ? 2 : 1;
      found.push({ a: brief(entries[i]), b: brief(entries[j]), reason, rank });
    }
  }
  return found
    .sort((x, y) => y.rank - x.rank || y.a.uses + y.b.uses - (x.a.uses + x.b.uses))
    .slice(0, limit)
    .map(({ rank: _rank, ...rest }) => rest);
}
