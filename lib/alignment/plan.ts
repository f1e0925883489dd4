import { matchConferences, type AlignConference, type ConferenceMatching } from "./conferences";
import { alignPairs, type PairLink } from "./pairs";

// What a run of the aligner should change, decided without touching the database: the links
// the aligner would make now, against the links already stored. Editors win: a link an editor
// confirmed or made is kept, one an editor removed (REJECTED) is never made again, and the
// pairs and pages an editor has reviewed are left out of automatic linking altogether.

export type AlignmentStatus = "LINKED" | "SUGGESTED" | "REJECTED";

export interface StoredLink {
  id: number;
  /** Smaller id first, as stored. */
  first: number;
  second: number;
  status: AlignmentStatus;
  confidence: number;
  confirmed: boolean;
  method: string;
  reason?: string | null;
}

export interface WantedLink {
  first: number;
  second: number;
  status: AlignmentStatus;
  confidence: number;
  reason?: string | null;
}

export interface LinkChanges {
  create: WantedLink[];
  update: (WantedLink & { id: number })[];
  remove: number[];
  unchanged: number;
}

export interface AlignmentPlan {
  matching: ConferenceMatching;
  conferences: LinkChanges;
  pairs: LinkChanges;
}

/** A link the aligner may replace: made by it, not confirmed, not an editor's removal. */
export function isAutomatic(link: StoredLink): boolean {
  return link.method === "auto" && !link.confirmed && link.status !== "REJECTED";
}

const key = (a: number, b: number) => (a < b ? `${a}|${b}` : `${b}|${a}`);
const ordered = (a: number, b: number): [number, number] => (a < b ? [a, b] : [b, a]);

/**
 * `manifest`: conference translation links an editor's manifest set (translationOfId); they
 * count as confirmed. Only links with both ends among `conferences` are created or removed.
 */
export function planAlignment(conferences: AlignConference[], stored: { conferences: StoredLink[]; pairs: StoredLink[] }, manifest: [number, number][] = []): AlignmentPlan {
  const byId = new Map(conferences.map((c) => [Number(c.id), c]));
  const pairsInScope = new Set(conferences.flatMap((c) => c.pairs.map((p) => Number(p.id))));

  // Pages an editor settled are aligned with their chosen partner only.
  const settled = new Map<number, number>();
  for (const [a, b] of manifest) if (byId.has(a) && byId.has(b)) settled.set(a, b).set(b, a);
  for (const link of stored.conferences) {
    if (link.status === "LINKED" && !isAutomatic(link) && byId.has(link.first) && byId.has(link.second)) settled.set(link.first, link.second).set(link.second, link.first);
  }
  const blocked = new Set(stored.conferences.filter((l) => l.status === "REJECTED").map((l) => `${l.first}|${l.second}`));
  const matching = matchConferences(
    conferences.filter((c) => !settled.has(Number(c.id))),
    undefined,
    blocked,
  );

  const wantedConferences: WantedLink[] = [];
  const pairLinks: PairLink[] = [];
  for (const match of matching.matches) {
    const [first, second] = ordered(Number(match.a), Number(match.b));
    const { coverage, links } = match.alignment;
    wantedConferences.push({
      first,
      second,
      status: "LINKED",
      confidence: match.confidence,
      reason: `day offset ${match.dayOffset}, ${Math.round(coverage * 100)}% of exchanges paired`,
    });
    pairLinks.push(...links);
  }
  for (const suggestion of matching.suggestions) {
    for (const candidate of suggestion.candidates) {
      const [first, second] = ordered(Number(suggestion.conference), Number(candidate.id));
      wantedConferences.push({ first, second, status: "SUGGESTED", confidence: Math.max(0, Math.min(1, candidate.score)), reason: suggestion.reason });
    }
  }
  for (const [a, b] of settled) {
    if (a < b) pairLinks.push(...alignPairs(byId.get(a)!, byId.get(b)!).links);
  }

  // Pairs an editor reviewed (any link of theirs that is not automatic) are left alone.
  const reviewedPairs = new Set(stored.pairs.filter((l) => !isAutomatic(l)).flatMap((l) => [l.first, l.second]));
  const wantedPairs: WantedLink[] = [];
  for (const link of pairLinks) {
    const [first, second] = ordered(Number(link.a), Number(link.b));
    if (reviewedPairs.has(first) || reviewedPairs.has(second)) continue;
    wantedPairs.push({ first, second, status: "LINKED", confidence: link.confidence });
  }
  const conferenceInScope = (l: StoredLink) => byId.has(l.first) && byId.has(l.second);
  const pairInScope = (l: StoredLink) => pairsInScope.has(l.first) && pairsInScope.has(l.second);
  return {
    matching,
    conferences: diff(wantedConferences, stored.conferences.filter(conferenceInScope)),
    pairs: diff(wantedPairs, stored.pairs.filter(pairInScope)),
  };
}

function diff(wanted: WantedLink[], stored: StoredLink[]): LinkChanges {
  const storedByKey = new Map(stored.map((l) => [key(l.first, l.second), l]));
  const changes: LinkChanges = { create: [], update: [], remove: [], unchanged: 0 };
  const wantedKeys = new Set<string>();
  for (const link of wanted) {
    const k = key(link.first, link.second);
    if (wantedKeys.has(k)) continue;
    wantedKeys.add(k);
    const existing = storedByKey.get(k);
    if (!existing) changes.create.push(link);
    else if (!isAutomatic(existing)) continue;
    else if (existing.status !== link.status || Math.abs(existing.confidence - link.confidence) > 1e-9 || (existing.reason ?? null) !== (link.reason ?? null))
      changes.update.push({ ...link, id: existing.id });
    else changes.unchanged++;
  }
  for (const link of stored) if (isAutomatic(link) && !wantedKeys.has(key(link.first, link.second))) changes.remove.push(link.id);
  return changes;
}
