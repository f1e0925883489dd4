import type { AlignPair } from "./features";
import { conceptsOf } from "./lexicon";
import { alignPairs, DEFAULT_TUNING, type AlignTuning, type PairAlignment } from "./pairs";

// Conference matching: which page in one language is the same briefing as a page in another.
// Candidates share the organizer, fall within a day of each other (publication dates drift by
// one) and have compatible titles; a date can hold several pages in a language (a briefing and
// a separate statement), so the page is chosen on content, by aligning the pairs of every
// candidate. A match is made only when one candidate clearly wins both ways; otherwise the
// candidates go to editors as suggestions and nothing is linked.

export interface AlignConference {
  id: string;
  language: string;
  /** YYYY-MM-DD or null when the source gives no date. */
  heldOn: string | null;
  title: string;
  organizer: string | null;
  pairs: AlignPair[];
}

export interface ConferenceMatch {
  a: string;
  b: string;
  confidence: number;
  /** Days from A's date to B's. */
  dayOffset: number;
  alignment: PairAlignment;
}

export interface ConferenceSuggestion {
  conference: string;
  candidates: { id: string; score: number }[];
  reason: string;
}

export interface ConferenceMatching {
  matches: ConferenceMatch[];
  suggestions: ConferenceSuggestion[];
  /** Conferences with no counterpart at all, and why (no date, no candidate, too different). */
  unmatched: { id: string; reason: string }[];
}

export interface MatchTuning {
  /** Least agreement × coverage for a candidate to count. */
  minScore: number;
  /** The winner must beat the runner-up by this much on both sides. */
  minMargin: number;
  /** Taken off a candidate's score per day of date difference. */
  dayPenalty: number;
  /** Below this share of paired exchanges the two pages are flagged rather than linked. */
  minCoverage: number;
  /** A page left without a match is still suggested to editors when what pairs up agrees this well. */
  minWeakAgreement: number;
  pairs: AlignTuning;
}

export const DEFAULT_MATCH_TUNING: MatchTuning = { minScore: 0.3, minMargin: 0.08, dayPenalty: 0.04, minCoverage: 0.5, minWeakAgreement: 0.7, pairs: DEFAULT_TUNING };

/**
 * One organizer key across languages: "中华人民共和国外交部 (Ministry of Foreign Affairs of the PRC)"
 * and "Ministry of Foreign Affairs of the PRC" are the same body; the bilingual form carries
 * the other language's name in brackets.
 */
export function organizerKey(organizer: string | null): string {
  if (!organizer) return "";
  const bracketed = /[(（]([^()（）]+)[)）]\s*$/.exec(organizer);
  return (bracketed ? bracketed[1] : organizer)
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();
}

/**
 * "daily" briefings against "topical" pages (remarks on one subject, a spokesperson's answer
 * to a single question): a daily briefing never pairs with a topical page. Dated remarks
 * ("Remarks on August 6, 2019", "2019年8月6日…答记者问") are the daily Q&A under another name.
 */
export function titleKind(title: string): "daily" | "topical" {
  const months = "january|february|march|april|may|june|july|august|september|october|november|december";
  if (/\b(remarks|statement|comments?) on\b/i.test(title) && !new RegExp(`\\b(remarks|statement|comments?) on (${months})\\b`, "i").test(title)) return "topical";
  if (/答记者问|发表谈话/.test(title) && !/\d{4}年\d{1,2}月\d{1,2}日/.test(title)) return "topical";
  return "daily";
}

/** Titles are compatible when their kind agrees and they do not name different spokespersons. */
export function titlesCompatible(a: AlignConference, b: AlignConference): boolean {
  if (titleKind(a.title) !== titleKind(b.title)) return false;
  const speakers = (c: AlignConference) => [...conceptsOf(c.title, c.language)].filter((id) => id.startsWith("spokesperson:"));
  const sa = speakers(a);
  const sb = speakers(b);
  return sa.length === 0 || sb.length === 0 || sa.some((s) => sb.includes(s));
}

function dayNumber(date: string): number {
  return Math.round(Date.parse(`${date}T00:00:00Z`) / 86_400_000);
}

interface Candidate {
  a: AlignConference;
  b: AlignConference;
  score: number;
  dayOffset: number;
  alignment: PairAlignment;
}

/**
 * `blocked`: pairings an editor removed ("idA|idB", either order); they are never proposed again.
 */
export function matchConferences(conferences: AlignConference[], tuning: MatchTuning = DEFAULT_MATCH_TUNING, blocked: ReadonlySet<string> = new Set()): ConferenceMatching {
  const result: ConferenceMatching = { matches: [], suggestions: [], unmatched: [] };
  const groups = new Map<string, AlignConference[]>();
  for (const conference of conferences) {
    if (conference.pairs.length === 0) continue;
    const key = organizerKey(conference.organizer);
    groups.set(key, [...(groups.get(key) ?? []), conference]);
  }
  for (const group of groups.values()) {
    const languages = [...new Set(group.map((c) => c.language))].sort();
    if (languages.length < 2) continue;
    for (let x = 0; x < languages.length; x++) {
      for (let y = x + 1; y < languages.length; y++) {
        matchLanguagePair(
          group.filter((c) => c.language === languages[x]),
          group.filter((c) => c.language === languages[y]),
          tuning,
          result,
          blocked,
        );
      }
    }
  }
  return result;
}

function matchLanguagePair(sideA: AlignConference[], sideB: AlignConference[], tuning: MatchTuning, result: ConferenceMatching, blocked: ReadonlySet<string>) {
  const byDay = new Map<number, AlignConference[]>();
  for (const b of sideB) {
    if (!b.heldOn) continue;
    const day = dayNumber(b.heldOn);
    byDay.set(day, [...(byDay.get(day) ?? []), b]);
  }
  const candidatesOf = new Map<string, Candidate[]>();
  const weak: Candidate[] = [];
  const push = (id: string, candidate: Candidate) => candidatesOf.set(id, [...(candidatesOf.get(id) ?? []), candidate]);
  for (const a of sideA) {
    if (!a.heldOn) {
      result.unmatched.push({ id: a.id, reason: "no date: cannot look for its other-language version" });
      continue;
    }
    const day = dayNumber(a.heldOn);
    for (const offset of [0, -1, 1]) {
      for (const b of byDay.get(day + offset) ?? []) {
        if (!titlesCompatible(a, b) || blocked.has(`${a.id}|${b.id}`) || blocked.has(`${b.id}|${a.id}`)) continue;
        const alignment = alignPairs(a, b, tuning.pairs);
        const score = alignment.agreement * alignment.coverage - tuning.dayPenalty * Math.abs(offset);
        const candidate = { a, b, score, dayOffset: offset, alignment };
        if (score < tuning.minScore) {
          // What pairs up agrees well but little pairs up: very different pages, worth an editor's look.
          if (alignment.links.length > 0 && alignment.agreement >= tuning.minWeakAgreement) weak.push(candidate);
          continue;
        }
        push(a.id, candidate);
        push(b.id, candidate);
      }
    }
  }
  const best = (id: string) => [...(candidatesOf.get(id) ?? [])].sort((p, q) => q.score - p.score);
  const decided = new Set<string>();
  // Strongest candidates first, so a clear match settles its pages before weaker ones look.
  const all = [...new Set([...candidatesOf.values()].flat())].sort((p, q) => q.score - p.score);
  for (const candidate of all) {
    const { a, b } = candidate;
    if (decided.has(a.id) || decided.has(b.id)) continue;
    const rivalsA = best(a.id).filter((c) => c !== candidate && !decided.has(c.b.id));
    const rivalsB = best(b.id).filter((c) => c !== candidate && !decided.has(c.a.id));
    const runnerUp = Math.max(rivalsA[0]?.score ?? 0, rivalsB[0]?.score ?? 0);
    decided.add(a.id).add(b.id);
    if (candidate.score - runnerUp < tuning.minMargin) {
      // Each suggestion names pages of the other language only: A's rivals for A, B's for B.
      const reason = `several pages fit: best ${round(candidate.score)}, next ${round(runnerUp)}`;
      result.suggestions.push({ conference: a.id, candidates: [candidate, ...rivalsA].map((c) => ({ id: c.b.id, score: round(c.score) })), reason });
      if (rivalsB.length) result.suggestions.push({ conference: b.id, candidates: [candidate, ...rivalsB].map((c) => ({ id: c.a.id, score: round(c.score) })), reason });
      continue;
    }
    if (candidate.alignment.coverage < tuning.minCoverage) {
      result.suggestions.push({
        conference: a.id,
        candidates: [{ id: b.id, score: round(candidate.score) }],
        reason: coverageReason(candidate),
      });
      continue;
    }
    result.matches.push({ a: a.id, b: b.id, confidence: round(Math.min(1, candidate.score)), dayOffset: candidate.dayOffset, alignment: candidate.alignment });
  }
  for (const candidate of weak.sort((p, q) => q.alignment.agreement - p.alignment.agreement)) {
    const { a, b } = candidate;
    if (decided.has(a.id) || decided.has(b.id)) continue;
    decided.add(a.id).add(b.id);
    result.suggestions.push({ conference: a.id, candidates: [{ id: b.id, score: round(Math.max(0, candidate.score)) }], reason: coverageReason(candidate) });
  }
  for (const conference of [...sideA, ...sideB]) {
    if (conference.heldOn && !decided.has(conference.id))
      result.unmatched.push({ id: conference.id, reason: "no page in the other language within a day with a compatible title and content" });
  }
}

function coverageReason({ a, b, alignment }: Candidate): string {
  return `only ${Math.round(alignment.coverage * 100)}% of the exchanges pair up (${a.pairs.length} vs ${b.pairs.length} pairs)`;
}

function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}
