import { editDistance } from "./edit-distance";

// The archive's own vocabulary for query spelling correction (spelling.ts), pure: every Latin
// word with the number of texts holding it, the words of speaker and outlet names, and an index
// of the words' one-letter deletions, so finding a misspelt word's neighbours costs a few dozen
// map look-ups instead of a pass over the vocabulary (SymSpell's "symmetric delete").

/** Words a correction may lead to must occur at least this often: a word seen once is as likely a typo. */
export const MIN_TARGET_FREQUENCY = 2;

const WORD = /[\p{Script=Latin}]+(?:['’][\p{Script=Latin}]+)*/gu;
const APOSTROPHE = /['’]/g;

/** Lowercase, without accents (Meilisearch matches "Pena" and "Peña" alike). */
export function foldWord(word: string): string {
  return word.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase();
}

/**
 * The distinct words of a text, as the vocabulary counts them. "doesn't" gives "doesnt" and its
 * parts, as the query may be typed either way (Meilisearch splits at the apostrophe).
 */
export function vocabularyWords(text: string): Set<string> {
  const words = new Set<string>();
  for (const match of foldWord(text).matchAll(WORD)) {
    const token = match[0];
    if (!APOSTROPHE.test(token)) {
      words.add(token);
      continue;
    }
    APOSTROPHE.lastIndex = 0;
    words.add(token.replace(APOSTROPHE, ""));
    for (const part of token.split(APOSTROPHE)) if (part) words.add(part);
  }
  return words;
}

export interface Neighbour {
  word: string;
  distance: number;
  frequency: number;
  /** A word of a speaker's or outlet's name. */
  name: boolean;
}

/** Adds one text's words to a running count (a word counts once per text). */
export function countWords(counts: Map<string, number>, text: string): void {
  for (const word of vocabularyWords(text)) counts.set(word, (counts.get(word) ?? 0) + 1);
}

export class SpellingVocabulary {
  private readonly frequencies: Map<string, number>;
  private readonly names: Set<string>;
  /** A one-letter deletion (or the word itself) → the target words that give it. */
  private readonly deletions = new Map<string, string | string[]>();

  /** `names`: speakers' and outlets' names, whole ("Pete Buttigieg"). */
  constructor(frequencies: Map<string, number>, names: Iterable<string>) {
    this.frequencies = frequencies;
    this.names = new Set([...names].flatMap((name) => [...vocabularyWords(name)]).filter((w) => w.length >= 3));
    for (const [word, frequency] of frequencies) if (frequency >= MIN_TARGET_FREQUENCY || this.names.has(word)) this.addTarget(word);
    for (const name of this.names) if (!frequencies.has(name)) this.addTarget(name);
  }

  get size(): number {
    return this.frequencies.size;
  }

  frequencyOf(word: string): number {
    return this.frequencies.get(foldWord(word)) ?? 0;
  }

  isName(word: string): boolean {
    return this.names.has(foldWord(word));
  }

  /**
   * Target words within `maxDistance` (Damerau-Levenshtein, at most 2) of the word, closest
   * first, then commonest. Complete for distance 1; for distance 2 it finds what two deletions
   * of the typed word or one of each side reach (two letters missing from the typed word, or two
   * substitutions, are not found: the price of an index of one deletion per letter).
   */
  neighbours(word: string, maxDistance: number): Neighbour[] {
    const typed = foldWord(word);
    const seen = new Set<string>();
    const found: Neighbour[] = [];
    for (const key of deletionsOf(typed, maxDistance)) {
      const entry = this.deletions.get(key);
      if (entry === undefined) continue;
      for (const candidate of typeof entry === "string" ? [entry] : entry) {
        if (candidate === typed || seen.has(candidate)) continue;
        seen.add(candidate);
        const distance = editDistance(typed, candidate, maxDistance);
        if (distance > maxDistance) continue;
        found.push({ word: candidate, distance, frequency: this.frequencies.get(candidate) ?? 0, name: this.names.has(candidate) });
      }
    }
    return found.sort((a, b) => a.distance - b.distance || b.frequency - a.frequency || a.word.localeCompare(b.word));
  }

  private addTarget(word: string): void {
    if (word.length < 2) return;
    for (const key of deletionsOf(word, 1)) {
      const entry = this.deletions.get(key);
      if (entry === undefined) this.deletions.set(key, word);
      else if (typeof entry === "string") {
        if (entry !== word) this.deletions.set(key, [entry, word]);
      } else if (!entry.includes(word)) entry.push(word);
    }
  }
}

/** The word and every string made by deleting up to `depth` of its letters. */
export function deletionsOf(word: string, depth: number): Set<string> {
  const out = new Set<string>([word]);
  let frontier = [word];
  for (let level = 0; level < depth; level++) {
    const next: string[] = [];
    for (const w of frontier) {
      if (w.length <= 1) continue;
      for (let i = 0; i < w.length; i++) {
        const shorter = w.slice(0, i) + w.slice(i + 1);
        if (!out.has(shorter)) {
          out.add(shorter);
          next.push(shorter);
        }
      }
    }
    frontier = next;
  }
  return out;
}
