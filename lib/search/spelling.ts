import { affixStems } from "./spelling-affixes";
import { MIN_TARGET_FREQUENCY, deletionsOf, foldWord, type Neighbour, type SpellingVocabulary } from "./spelling-vocabulary";

// Query spelling correction, pure: a free word the archive never uses (or uses far more rarely
// than a word one letter away) is replaced by its closest common neighbour in the archive's own
// vocabulary (spelling-vocabulary.ts). This catches what Meilisearch's typo tolerance does not
// allow: typos in words of under five letters, a wrong first letter (it counts double), two typos
// in words of under nine letters, words run together or split, misspelt names. Quoted phrases,
// -exclusions, numbers and Chinese are never touched.

export interface SpellingChange {
  from: string;
  to: string;
  /** unknown: no text holds the word; rare: one or two texts do, and a word with one letter more is far commoner; joined/split: a space was missing or extra. */
  reason: "unknown" | "rare" | "joined" | "split";
}

export interface SpellingCorrection {
  /** The query as typed. */
  original: string;
  /** The query with the changes made. */
  corrected: string;
  changes: SpellingChange[];
  /** Some replaced word is a real (rare) word: search the typed query too, so it is never lost. */
  searchOriginalToo: boolean;
}

export interface SpellingTuning {
  /** A known word is replaced only when no more than this many texts hold it... */
  rareMaximum: number;
  /** ...a neighbour with one letter more is this many times commoner... */
  rareRatio: number;
  /** ...and itself held by at least this many texts. */
  rareMinimum: number;
  /** Each half of a split word must be held by at least this many texts. */
  splitMinimum: number;
}

// Tune half: replacing known words by any far commoner neighbour replaced more right words than
// typos (eight → right, patents → parents, statue → state); a word held by one or two texts
// missing one letter of a common word (undeserved → underserved) was the one kind that helped.
export const DEFAULT_TUNING: SpellingTuning = { rareMaximum: 2, rareRatio: 20, rareMinimum: 20, splitMinimum: 50 };

const LATIN_WORD = /^[\p{Script=Latin}]+$/u;

/** Typos allowed by word length: one for short words, two from five letters on. */
export function allowedDistance(word: string): number {
  if (word.length < 3) return 0;
  return word.length <= 4 ? 1 : 2;
}

/** The correction for one word, or null when it stays as typed. */
export function correctWord(word: string, vocabulary: SpellingVocabulary, tuning = DEFAULT_TUNING): SpellingChange | null {
  if (!LATIN_WORD.test(word)) return null;
  const maxDistance = allowedDistance(word);
  if (maxDistance === 0) return null;
  const frequency = vocabulary.frequencyOf(word);
  if (frequency > 0) {
    // A word of the archive: only a real word far rarer than a near neighbour (undeserved →
    // underserved), never a name of the archive's people and outlets.
    if (frequency > tuning.rareMaximum || word.length < 5 || vocabulary.isName(word)) return null;
    const commoner = vocabulary
      .neighbours(word, 1)
      .find((n) => n.word.length === word.length + 1 && n.frequency >= Math.max(tuning.rareMinimum, frequency * tuning.rareRatio) && !sameStem(word, n.word));
    return commoner ? { from: word, to: withCaseOf(word, commoner.word), reason: "rare" } : null;
  }
  const neighbours = vocabulary.neighbours(word, maxDistance);
  // An archive word with a prefix or ending added is a real word too (reinvented, phoned), unless
  // a word one letter longer holds that stem: a dropped letter (permiting → permitting).
  const stems = affixStems(word).filter((stem) => vocabulary.frequencyOf(stem) >= MIN_TARGET_FREQUENCY);
  if (stems.length) {
    const fuller = neighbours.find((n) => n.distance === 1 && n.word.length > word.length && stems.some((stem) => n.word.includes(stem)));
    return fuller ? { from: word, to: withCaseOf(word, fuller.word), reason: "unknown" } : null;
  }
  const best = pick(neighbours, word);
  if (best) return { from: word, to: withCaseOf(word, best.word), reason: "unknown" };
  const split = splitWord(word, vocabulary, tuning);
  return split ? { from: word, to: withCaseOf(word, split), reason: "split" } : null;
}

/**
 * Closest first (the same letters reordered before all); among equally close ones a name when the word is capitalised (names are
 * corrected against the people's and outlets' own lists), then the commonest.
 */
function pick(neighbours: Neighbour[], word: string): Neighbour | null {
  if (!neighbours.length) return null;
  // The same letters in another order is the likeliest slip, even two moves away: Ghandi → Gandhi, not Ghani.
  const letters = sortedLetters(foldWord(word));
  const reordered = neighbours.find((n) => sortedLetters(n.word) === letters);
  if (reordered) return reordered;
  const capitalised = /^\p{Lu}/u.test(word);
  const nearest = neighbours.filter((n) => n.distance === neighbours[0].distance);
  // Slips rarely hit a word's last letter: among equally close words, those ending as typed
  // (Nationalst → nationalist, not nationals; criticise → criticize, not criticism).
  const last = foldWord(word).slice(-1);
  const sameEnd = nearest.filter((n) => n.word.endsWith(last));
  const closest = sameEnd.length ? sameEnd : nearest;
  if (capitalised) {
    const name = closest.find((n) => n.name);
    if (name) return name;
  }
  return closest[0];
}

function sortedLetters(word: string): string {
  return [...word].sort().join("");
}

/** "whitehouse" → "white house", when both halves are common words. */
function splitWord(word: string, vocabulary: SpellingVocabulary, tuning: SpellingTuning): string | null {
  const lower = foldWord(word);
  let best: { text: string; score: number } | null = null;
  for (let i = 2; i <= lower.length - 2; i++) {
    const score = Math.min(vocabulary.frequencyOf(lower.slice(0, i)), vocabulary.frequencyOf(lower.slice(i)));
    if (score >= tuning.splitMinimum && (!best || score > best.score)) best = { text: `${lower.slice(0, i)} ${lower.slice(i)}`, score };
  }
  return best?.text ?? null;
}

/** Plural or possessive of the same word: never a correction. */
function sameStem(a: string, b: string): boolean {
  const x = foldWord(a);
  const y = foldWord(b);
  const strip = (w: string) => w.replace(/(es|s)$/, "");
  return strip(x) === strip(y);
}

function withCaseOf(typed: string, word: string): string {
  if (typed.length > 1 && typed === typed.toUpperCase()) return word.toUpperCase();
  if (/^\p{Lu}/u.test(typed)) return word.charAt(0).toUpperCase() + word.slice(1);
  return word;
}

interface Token {
  text: string;
  /** A plain Latin word outside quotes and exclusions: the only kind ever corrected. */
  word: boolean;
}

/**
 * The query cut into tokens that keep every character: quoted phrases and -exclusions whole,
 * other whitespace-separated tokens cut into Latin words and the rest.
 */
function tokens(q: string): Token[] {
  const out: Token[] = [];
  for (const part of q.split(/("[^"]*"?)/)) {
    if (part.startsWith('"')) {
      out.push({ text: part, word: false });
      continue;
    }
    for (const piece of part.split(/(\s+)/)) {
      if (!piece) continue;
      if (/^\s/.test(piece) || piece.startsWith("-")) {
        out.push({ text: piece, word: false });
        continue;
      }
      // "US-Taliban", "agreemnt," and "O'Brien" (left alone: apostrophes are not corrected).
      for (const bit of piece.split(/([\p{Script=Latin}]+(?:['’][\p{Script=Latin}]+)*)/u)) {
        if (bit) out.push({ text: bit, word: LATIN_WORD.test(bit) });
      }
    }
  }
  return out;
}

/** The corrected query, or null when every word stays as typed. */
export function correctQuery(q: string, vocabulary: SpellingVocabulary, tuning = DEFAULT_TUNING): SpellingCorrection | null {
  const parts = tokens(q);
  const changes: SpellingChange[] = [];
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i];
    if (!part.word) continue;
    const joined = joinWithNext(parts, i, vocabulary);
    if (joined) {
      changes.push(joined.change);
      parts.splice(i, 3, { text: joined.change.to, word: false });
      continue;
    }
    const change = correctWord(part.text, vocabulary, tuning);
    if (change) {
      changes.push(change);
      part.text = change.to;
    }
  }
  if (!changes.length) return null;
  const corrected = parts.map((p) => p.text).join("");
  return { original: q, corrected, changes, searchOriginalToo: changes.some((c) => c.reason === "rare") };
}

/** What the spelling table says of one (folded) word: the number of texts holding it, and whether it is a name's word. */
export interface WordFacts {
  texts: number;
  name: boolean;
}

/**
 * True when correctQuery would surely leave `q` as typed, judging from its words' facts alone
 * (undefined: not known here): every word is held by some text, so no two join and none is
 * replaced as unknown, and each is too common, too short or a name to be replaced as rare.
 * False means only "look it up": most such queries are still left alone.
 */
export function surelyAsTyped(q: string, factsOf: (word: string) => WordFacts | undefined, tuning = DEFAULT_TUNING): boolean {
  for (const part of tokens(q)) {
    if (!part.word) continue;
    const facts = factsOf(foldWord(part.text));
    if (!facts || facts.texts <= 0) return false;
    if (facts.texts <= tuning.rareMaximum && part.text.length >= 5 && !facts.name) return false;
  }
  return true;
}

/**
 * Everything correcting `q` can ask of the vocabulary: the (folded) words whose frequency or
 * name-ness it reads (each word, its two halves at every cut, two neighbouring words together)
 * and the deletion keys its neighbour searches look up. A vocabulary holding just the words these
 * reach (spelling-source.ts reads them from Postgres) corrects `q` exactly as the whole one does.
 */
export function vocabularyLookups(q: string): { words: string[]; deletionKeys: string[] } {
  const parts = tokens(q);
  const words = new Set<string>();
  const keys = new Set<string>();
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i];
    if (!part.word) continue;
    const [space, second] = [parts[i + 1], parts[i + 2]];
    if (second?.word && /^ +$/.test(space.text)) words.add(foldWord(part.text + second.text.toLowerCase()));
    const folded = foldWord(part.text);
    words.add(folded);
    for (const stem of affixStems(folded)) words.add(stem);
    for (let cut = 2; cut <= folded.length - 2; cut++) words.add(foldWord(folded.slice(0, cut))).add(foldWord(folded.slice(cut)));
    for (const key of deletionsOf(folded, allowedDistance(part.text))) keys.add(key);
  }
  return { words: [...words], deletionKeys: [...keys] };
}

/** "inter net" → "internet": one of two neighbouring words is unknown and together they are a common word. */
function joinWithNext(parts: Token[], i: number, vocabulary: SpellingVocabulary): { change: SpellingChange } | null {
  const [first, space, second] = [parts[i], parts[i + 1], parts[i + 2]];
  if (!second?.word || !/^ +$/.test(space.text)) return null;
  if (vocabulary.frequencyOf(first.text) > 0 && vocabulary.frequencyOf(second.text) > 0) return null;
  const together = first.text + second.text.toLowerCase();
  if (vocabulary.frequencyOf(together) < DEFAULT_TUNING.splitMinimum) return null;
  return { change: { from: `${first.text} ${second.text}`, to: together, reason: "joined" } };
}
