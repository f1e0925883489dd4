// The re-ranker's terms (rerank.ts). They are cut from every candidate's full question and
// answer on every re-ranked query (up to 150 candidates, ~100 KB of text, for a description),
// which made tokenizing most of the re-ranker's time: a regular expression with Unicode
// classes and a look-ahead per character. This scans character codes instead, with the same
// rules and the same output (rerank-terms.test.ts compares it with the regular expression).

/** Light English stemmer: plural and verb endings only, so "vaccines" meets "vaccine". */
export function stem(word: string): string {
  if (word.length <= 4) return word;
  if (word.endsWith("ies") && word.length > 5) return `${word.slice(0, -3)}y`;
  if (word.endsWith("ing") && word.length > 6) return word.slice(0, -3);
  if (word.endsWith("ed") && word.length > 5) return word.slice(0, -2);
  if (word.endsWith("es") && /(?:ss|sh|ch|x|z)es$/.test(word)) return word.slice(0, -2);
  if (word.endsWith("s") && !word.endsWith("ss") && !word.endsWith("us") && !word.endsWith("is")) return word.slice(0, -1);
  return word;
}

// Character classes of the Basic Multilingual Plane, computed once (64 KB): bit 1 a letter
// (\p{L}), bit 2 a letter or number (\p{L}, \p{N}). Characters beyond it are tested one by one.
const LETTER = 1;
const WORD = 2;
const bmpClass = new Uint8Array(0x10000);
{
  const letter = /\p{L}/u;
  const number = /\p{N}/u;
  for (let code = 0; code < 0x10000; code++) {
    if (code >= 0xd800 && code <= 0xdfff) continue; // surrogates: never a character alone
    const char = String.fromCharCode(code);
    if (letter.test(char)) bmpClass[code] = LETTER | WORD;
    else if (number.test(char)) bmpClass[code] = WORD;
  }
}
const ASTRAL_LETTER = /^\p{L}$/u;
const ASTRAL_WORD = /^[\p{L}\p{N}]$/u;

/** Chinese characters: a run of them gives character bigrams, and they never join a word. */
const isCjk = (code: number) => (code >= 0x3400 && code <= 0x9fff) || (code >= 0xf900 && code <= 0xfaff);

/** The class bits of the character at `at` (CJK excluded: 0), and its length in UTF-16 units. */
function classAt(text: string, at: number): number {
  const code = text.charCodeAt(at);
  if (code < 0xd800 || code > 0xdbff) return isCjk(code) ? 0 : bmpClass[code];
  const point = text.codePointAt(at)!;
  if (point <= 0xffff) return 0; // a lone surrogate
  const char = String.fromCodePoint(point);
  return ASTRAL_LETTER.test(char) ? LETTER | WORD : ASTRAL_WORD.test(char) ? WORD : 0;
}

const width = (text: string, at: number) => {
  const code = text.charCodeAt(at);
  if (code < 0xd800 || code > 0xdbff) return 1;
  const next = text.charCodeAt(at + 1); // NaN past the end
  return next >= 0xdc00 && next <= 0xdfff ? 2 : 1;
};

const isApostrophe = (code: number) => code === 0x27 || code === 0x2019;

/** Terms of a text at their positions: `terms` only those the filter kept, `count` all of them. */
export interface PlacedTerms {
  count: number;
  terms: string[];
  positions: number[];
}

/**
 * Which terms a caller needs, decided on the raw (lowercased, unstemmed) word before any
 * string is made: most words of a candidate's answer matter only for its length. A word is
 * kept when it is at least `minLengthByFirst.get(its first character)` long, or at least
 * `minLengthAny`. Stemming keeps the first character and never lengthens a word, so a filter
 * built from the wanted terms' first characters and lengths keeps every word that can stem to one.
 */
export interface TermFilter {
  minLengthByFirst: Map<number, number>;
  minLengthAny: number;
}

/**
 * Terms of a text: lowercased, stemmed English words (possessive 's dropped), and for Chinese
 * every character bigram (no dictionary needed, and a two-character word is one bigram).
 * A word is a run of letters and digits, plus one apostrophe followed by letters ("don't").
 */
export function terms(text: string): string[] {
  return placedTerms(text, null).terms;
}

/** Like `terms`, with each term's position, keeping only the terms the filter lets through. */
export function placedTerms(text: string, filter: TermFilter | null): PlacedTerms {
  const out: PlacedTerms = { count: 0, terms: [], positions: [] };
  const lower = text.toLowerCase();
  const n = lower.length;
  const keep = (start: number, length: number) => filter === null || length >= filter.minLengthAny || length >= (filter.minLengthByFirst.get(lower.charCodeAt(start)) ?? Infinity);
  let i = 0;
  while (i < n) {
    const code = lower.charCodeAt(i);
    if (isCjk(code)) {
      let end = i + 1;
      while (end < n && isCjk(lower.charCodeAt(end))) end++;
      if (end - i === 1) {
        if (keep(i, 1)) {
          out.terms.push(lower[i]);
          out.positions.push(out.count);
        }
        out.count++;
      }
      for (let k = i; k + 1 < end; k++) {
        if (keep(k, 2)) {
          out.terms.push(lower.slice(k, k + 2));
          out.positions.push(out.count);
        }
        out.count++;
      }
      i = end;
      continue;
    }
    if (!(classAt(lower, i) & WORD)) {
      i += width(lower, i);
      continue;
    }
    let end = i;
    while (end < n && classAt(lower, end) & WORD) end += width(lower, end);
    let apostrophe = false;
    if (end + 1 < n && isApostrophe(lower.charCodeAt(end)) && classAt(lower, end + 1) & LETTER) {
      apostrophe = true;
      end++;
      while (end < n && classAt(lower, end) & LETTER) end += width(lower, end);
    }
    if (keep(i, end - i)) {
      let word = lower.slice(i, end);
      if (apostrophe) word = word.replace(/['’]s$/, "").replace(/['’]/g, "");
      out.terms.push(stem(word));
      out.positions.push(out.count);
    }
    out.count++;
    i = end;
  }
  return out;
}
