// Finds the words of an answer and which query word each matches, for snippet.ts. This runs
// on every hit's whole answer, so the common case (English or Chinese text without accented
// letters) avoids per-word strings and regular expressions: it scans character codes and finds
// query words with indexOf. Other text takes a slower Unicode-aware path.

export interface QueryTerms {
  /** Normalized Latin-script (or number) words to mark, excluded words left out. */
  words: string[];
  /** The last word also matches as a prefix (search as you type), unless the query ended with a space or quote. */
  prefix: string | null;
  /** Chinese words (ICU segmentation), matched as substrings. */
  cjk: string[];
}

/** The words of a text, in columns: offsets, whether a word is one Chinese character, and its term (-1: none). */
export interface TokenTable {
  count: number;
  start: Int32Array;
  end: Int32Array;
  han: Uint8Array;
  /** Query words first, then Chinese words. */
  term: Int32Array;
}

const HAN = /\p{Script=Han}/u;
const TOKEN = /\p{Script=Han}|(?:(?!\p{Script=Han})[\p{L}\p{N}])+/gu;
const NUMBER = /^\p{N}+$/u;
const ASCII = /^[\x00-\x7f]*$/;
// ASCII, Latin-1 and general punctuation, CJK and full-width punctuation, and BMP Han: text
// made only of these has no letter that needs Unicode rules.
const FAST_TEXT = /^[\x00-\xbf\u2000-\u206f\u3000-\u303f\uff01-\uff0f\uff1a-\uff20\u3400-\u9fff\uf900-\ufaff]*$/;

const isAsciiWordChar = (code: number) => (code >= 97 && code <= 122) || (code >= 48 && code <= 57);
const isHanCode = (code: number) => (code >= 0x3400 && code <= 0x9fff) || (code >= 0xf900 && code <= 0xfaff);

export function normalizeWord(word: string): string {
  // Most words are ASCII: skip the (slow) decomposition for them.
  return ASCII.test(word) ? word.toLowerCase() : word.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase();
}

export function isNumber(word: string): boolean {
  return NUMBER.test(word);
}

export function allowedTypos(term: string): number {
  if (NUMBER.test(term)) return 0;
  return term.length >= 9 ? 2 : term.length >= 5 ? 1 : 0;
}

// Two rows of the edit-distance table, reused: words are short, and this runs per word.
let rowA = new Int32Array(64);
let rowB = new Int32Array(64);

/** Levenshtein distance of at most `max`, stopping early once every path exceeds it. */
export function withinTypos(a: string, b: string, max: number): boolean {
  if (Math.abs(a.length - b.length) > max) return false;
  if (rowA.length <= b.length) {
    rowA = new Int32Array(b.length * 2);
    rowB = new Int32Array(b.length * 2);
  }
  let previous = rowA;
  let current = rowB;
  for (let j = 0; j <= b.length; j++) previous[j] = j;
  for (let i = 1; i <= a.length; i++) {
    current[0] = i;
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1));
      if (current[j] < best) best = current[j];
    }
    if (best > max) return false;
    [previous, current] = [current, previous];
  }
  return previous[b.length] <= max;
}

// One table reused by every call: snippets are cut synchronously, one at a time, and a hit
// page scans tens of thousands of characters, which fresh arrays would turn into garbage.
let shared: TokenTable | null = null;

function table(capacity: number): TokenTable {
  if (!shared || shared.start.length < capacity) {
    const size = Math.max(capacity, 4096);
    shared = { count: 0, start: new Int32Array(size), end: new Int32Array(size), han: new Uint8Array(size), term: new Int32Array(size) };
  }
  shared.count = 0;
  shared.term.fill(-1, 0, capacity);
  return shared;
}

function push(tokens: TokenTable, start: number, end: number, han: boolean): void {
  const i = tokens.count++;
  tokens.start[i] = start;
  tokens.end[i] = end;
  tokens.han[i] = han ? 1 : 0;
}

/** Index of the token starting exactly at `offset`, or -1. */
function tokenAt(tokens: TokenTable, offset: number): number {
  let low = 0;
  let high = tokens.count - 1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    const start = tokens.start[mid];
    if (start === offset) return mid;
    if (start < offset) low = mid + 1;
    else high = mid - 1;
  }
  return -1;
}

/** The words of `text` with the query word each matches. */
export function matchTokens(text: string, terms: QueryTerms): TokenTable {
  const lower = text.toLowerCase();
  const fast = lower.length === text.length && FAST_TEXT.test(text);
  const tokens = fast ? scanFast(lower) : scanUnicode(text, lower);
  const exact = terms.words;
  const found = new Uint8Array(exact.length);
  if (fast) {
    exact.forEach((word, id) => {
      const isPrefix = word === terms.prefix;
      for (let at = lower.indexOf(word); at >= 0; at = lower.indexOf(word, at + 1)) {
        if (at > 0 && isAsciiWordChar(lower.charCodeAt(at - 1))) continue;
        if (!isPrefix && at + word.length < lower.length && isAsciiWordChar(lower.charCodeAt(at + word.length))) continue;
        const i = tokenAt(tokens, at);
        if (i < 0) continue;
        if (tokens.term[i] < 0) tokens.term[i] = id;
        found[id] = 1;
      }
    });
  } else {
    const ids = new Map(exact.map((word, id) => [word, id] as const));
    for (let i = 0; i < tokens.count; i++) {
      if (tokens.han[i]) continue;
      const word = normalizeWord(lower.length === text.length ? lower.slice(tokens.start[i], tokens.end[i]) : text.slice(tokens.start[i], tokens.end[i]));
      let id = ids.get(word);
      if (id === undefined && terms.prefix && word.startsWith(terms.prefix)) id = terms.words.indexOf(terms.prefix);
      if (id !== undefined && id >= 0) {
        tokens.term[i] = id;
        found[id] = 1;
      }
    }
  }
  matchTypos(text, lower, tokens, terms, found);
  matchChinese(text, tokens, terms, exact.length);
  return tokens;
}

function scanFast(lower: string): TokenTable {
  const tokens = table(lower.length);
  for (let i = 0; i < lower.length;) {
    const code = lower.charCodeAt(i);
    if (isHanCode(code)) {
      push(tokens, i, i + 1, true);
      i++;
    } else if (isAsciiWordChar(code)) {
      const start = i;
      while (i < lower.length && isAsciiWordChar(lower.charCodeAt(i))) i++;
      push(tokens, start, i, false);
    } else i++;
  }
  return tokens;
}

function scanUnicode(text: string, lower: string): TokenTable {
  const tokens = table(text.length);
  const source = lower.length === text.length ? lower : text;
  for (const match of source.matchAll(TOKEN)) push(tokens, match.index, match.index + match[0].length, HAN.test(match[0]));
  return tokens;
}

/** Words within a typo or two of a query word that occurs nowhere exactly in this text. */
function matchTypos(text: string, lower: string, tokens: TokenTable, terms: QueryTerms, found: Uint8Array): void {
  // Bucketed by first letter: a typo on the first letter does not count as a match anyway.
  const byFirst = new Map<number, { word: string; id: number; typos: number }[]>();
  terms.words.forEach((word, id) => {
    const typos = allowedTypos(word);
    if (typos === 0 || found[id]) return;
    const first = word.charCodeAt(0);
    byFirst.set(first, [...(byFirst.get(first) ?? []), { word, id, typos }]);
  });
  if (!byFirst.size) return;
  const source = lower.length === text.length ? lower : text;
  for (let i = 0; i < tokens.count; i++) {
    if (tokens.han[i] || tokens.term[i] >= 0) continue;
    const candidates = byFirst.get(source.charCodeAt(tokens.start[i]));
    if (!candidates) continue;
    const length = tokens.end[i] - tokens.start[i];
    for (const candidate of candidates) {
      if (Math.abs(length - candidate.word.length) > candidate.typos) continue;
      if (withinTypos(normalizeWord(source.slice(tokens.start[i], tokens.end[i])), candidate.word, candidate.typos)) {
        tokens.term[i] = candidate.id;
        break;
      }
    }
  }
}

/** Chinese: a word matches where it occurs as consecutive Han characters. */
function matchChinese(text: string, tokens: TokenTable, terms: QueryTerms, base: number): void {
  terms.cjk.forEach((word, w) => {
    for (let at = text.indexOf(word); at >= 0; at = text.indexOf(word, at + word.length)) {
      const first = tokenAt(tokens, at);
      if (first < 0 || !tokens.han[first]) continue;
      for (let i = first; i < tokens.count && tokens.start[i] < at + word.length; i++) tokens.term[i] = base + w;
    }
  });
}

/**
 * For a long text, the stretch worth tokenizing: about three windows of `span` characters
 * around the densest cluster of exact matches (found with indexOf, without tokenizing), cut at
 * word boundaries. Null when the whole text should be scanned (short, or not plain text).
 * Typo matches are then found only inside the stretch, which is where the snippet is anyway.
 */
export function focusRegion(text: string, terms: QueryTerms, span: number): [number, number] | null {
  if (text.length <= span * 3) return null;
  const lower = text.toLowerCase();
  if (lower.length !== text.length || !FAST_TEXT.test(text)) return null;
  const hits: { at: number; term: number }[] = [];
  // Short words ("to", "in", "the") occur everywhere and say little about where the answer
  // talks about the query; they still get marked inside the chosen stretch.
  const telling = terms.words.some((word) => word.length > 3) ? (word: string) => word.length > 3 : () => true;
  terms.words.forEach((word, term) => {
    if (!telling(word)) return;
    const isPrefix = word === terms.prefix;
    let seen = 0;
    for (let at = lower.indexOf(word); at >= 0 && seen < 200; at = lower.indexOf(word, at + 1)) {
      if (at > 0 && isAsciiWordChar(lower.charCodeAt(at - 1))) continue;
      if (!isPrefix && at + word.length < lower.length && isAsciiWordChar(lower.charCodeAt(at + word.length))) continue;
      hits.push({ at, term });
      seen++;
    }
  });
  terms.cjk.forEach((word, j) => {
    let seen = 0;
    for (let at = text.indexOf(word); at >= 0 && seen < 200; at = text.indexOf(word, at + word.length), seen++) hits.push({ at, term: terms.words.length + j });
  });
  let centre = 0;
  if (hits.length) {
    hits.sort((a, b) => a.at - b.at);
    const counts = new Map<number, number>();
    let best = -1;
    let end = 0;
    for (let i = 0; i < hits.length; i++) {
      for (; end < hits.length && hits[end].at < hits[i].at + span; end++) counts.set(hits[end].term, (counts.get(hits[end].term) ?? 0) + 1);
      const score = counts.size * 100_000 + (end - i);
      if (score > best) {
        best = score;
        centre = hits[i].at;
      }
      const left = counts.get(hits[i].term)! - 1;
      if (left) counts.set(hits[i].term, left);
      else counts.delete(hits[i].term);
    }
  }
  let from = Math.max(0, centre - span);
  let to = Math.min(text.length, centre + 2 * span);
  // Never start or end inside a word.
  if (from > 0) while (from < to && isAsciiWordChar(lower.charCodeAt(from))) from++;
  if (to < text.length) while (to > from && isAsciiWordChar(lower.charCodeAt(to - 1))) to--;
  return [from, to];
}
