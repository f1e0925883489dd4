import { focusRegion, isNumber, matchTokens, normalizeWord, type QueryTerms, type TokenTable } from "./snippet-tokens";
import { HIGHLIGHT_POST, HIGHLIGHT_PRE } from "./syntax";

export type { QueryTerms } from "./snippet-tokens";

// The snippets of a search hit are cut and highlighted here, not by Meilisearch. Measured on
// the full corpus (bench/search): Meilisearch spends about two thirds of a search tokenizing
// long answers to crop and highlight them (p50 13 ms with the answer snippet, 5 ms without),
// and its _formatted copy of a hit repeats the whole answer, while the hit already carries
// the text.
//
// The rules follow Meilisearch's defaults closely enough for a snippet: words compare without
// case or accents; the last query word also matches as a prefix; a word of 5+ letters matches
// with one typo and 9+ with two, never on the first letter and never in numbers; Chinese
// matches word by word as segmented by ICU.

const HAN = /\p{Script=Han}/u;

let segmenter: Intl.Segmenter | null = null;
function chineseWords(text: string): string[] {
  segmenter ??= new Intl.Segmenter("zh", { granularity: "word" });
  return [...segmenter.segment(text)].filter((s) => s.isWordLike).map((s) => s.segment);
}

/**
 * The words of a query worth marking: quoted phrases' words included, `-excluded` words not,
 * plus the one-word synonyms of its words (as the index's synonyms setting has them).
 */
export function queryTerms(q: string, synonyms: Record<string, string[]> = {}): QueryTerms {
  const words = new Set<string>();
  const cjk = new Set<string>();
  let prefix: string | null = null;
  // Phrases first, so a "-" inside quotes is not read as an exclusion.
  const pieces = [...q.matchAll(/"([^"]*)"?|(\S+)/g)];
  for (const [i, piece] of pieces.entries()) {
    const phrase = piece[1];
    const bare = piece[2];
    if (bare?.startsWith("-") && bare.length > 1) continue;
    const text = phrase ?? bare ?? "";
    for (const token of text.match(/[\p{L}\p{N}]+/gu) ?? []) {
      if (HAN.test(token)) {
        for (const word of chineseWords(token)) {
          if (HAN.test(word)) cjk.add(word);
          else if (word.length > 1) words.add(normalizeWord(word));
        }
        continue;
      }
      const word = normalizeWord(token);
      // One letter ("s" of "Russia's") marks noise everywhere; numbers stay.
      if (word.length > 1 || isNumber(word)) words.add(word);
    }
    const last = i === pieces.length - 1 && bare !== undefined && !/\s$/.test(q);
    if (last) {
      const tokens = bare.match(/[\p{L}\p{N}]+/gu) ?? [];
      const tail = tokens.length ? normalizeWord(tokens[tokens.length - 1]) : "";
      if (tail.length > 1 && !HAN.test(tail) && !isNumber(tail)) prefix = tail;
    }
  }
  for (const word of [...words]) {
    for (const synonym of synonyms[word] ?? []) {
      const normalized = normalizeWord(synonym.trim());
      if (/^[\p{L}\p{N}]{2,}$/u.test(normalized) && !HAN.test(normalized)) words.add(normalized);
      else if (/^\p{Script=Han}+$/u.test(normalized)) cjk.add(normalized);
    }
  }
  return { words: [...words], prefix, cjk: [...cjk] };
}

/**
 * The text cut to about `cropWords` words around the best cluster of matches, with
 * HIGHLIGHT_PRE/POST around matched words and "…" where text was cut: the same form as
 * Meilisearch's `_formatted`, for highlightToHtml. A Chinese character counts as half a word.
 */
export function snippet(fullText: string, terms: QueryTerms, cropWords = 40): string {
  // Long answers: only the stretch around the matches is tokenized (a search page holds 20).
  const region = focusRegion(fullText, terms, cropWords * 8);
  const text = region ? fullText.slice(region[0], region[1]) : fullText;
  const tokens = matchTokens(text, terms);
  if (tokens.count === 0) return text.trim();
  const [from, to] = bestWindow(tokens, cropWords);
  const cutBefore = from > 0 || (region !== null && region[0] > 0);
  const cutAfter = to < tokens.count || (region !== null && region[1] < fullText.length);
  let out = cutBefore ? "…" : "";
  let at = tokens.start[from];
  for (let i = from; i < to; i++) {
    if (tokens.term[i] < 0) continue;
    // Adjacent matched Chinese characters become one mark (ICU may split 钓鱼岛 into 钓鱼 + 岛).
    let last = i;
    while (last + 1 < to && tokens.han[i] && tokens.han[last + 1] && tokens.term[last + 1] >= 0 && tokens.start[last + 1] === tokens.end[last]) last++;
    out += `${text.slice(at, tokens.start[i])}${HIGHLIGHT_PRE}${text.slice(tokens.start[i], tokens.end[last])}${HIGHLIGHT_POST}`;
    at = tokens.end[last];
    i = last;
  }
  out += text.slice(at, tokens.end[to - 1]);
  if (cutAfter) out += "…";
  else out += text.slice(tokens.end[to - 1]).trimEnd();
  return out;
}

const weight = (tokens: TokenTable, i: number) => (tokens.han[i] ? 0.5 : 1);

/** [from, to) token range of at most `size` weight with the most distinct terms, then the most matches, matches centred. */
function bestWindow(tokens: TokenTable, size: number): [number, number] {
  let bestFrom = 0;
  let bestScore = -1;
  let maxTerm = 0;
  for (let i = 0; i < tokens.count; i++) if (tokens.term[i] > maxTerm) maxTerm = tokens.term[i];
  const counts = new Int32Array(maxTerm + 1);
  let distinct = 0;
  let matches = 0;
  let total = 0;
  let to = 0;
  for (let from = 0; from < tokens.count; from++) {
    while (to < tokens.count && total + weight(tokens, to) <= size) {
      total += weight(tokens, to);
      const term = tokens.term[to];
      if (term >= 0) {
        matches++;
        if (counts[term]++ === 0) distinct++;
      }
      to++;
    }
    const score = distinct * 100_000 + matches;
    if (score > bestScore) {
      bestScore = score;
      bestFrom = from;
    }
    if (to === tokens.count) break;
    total -= weight(tokens, from);
    const term = tokens.term[from];
    if (term >= 0) {
      matches--;
      if (--counts[term] === 0) distinct--;
    }
  }
  return centred(tokens, bestFrom, size);
}

/** The window from `start`, moved so its matches sit in the middle (half the spare room before the first). */
function centred(tokens: TokenTable, start: number, size: number): [number, number] {
  let first = -1;
  let last = -1;
  let end = start;
  let used = 0;
  while (end < tokens.count && used + weight(tokens, end) <= size) {
    used += weight(tokens, end);
    if (tokens.term[end] >= 0) {
      if (first < 0) first = end;
      last = end;
    }
    end++;
  }
  if (first < 0) return [start, end];
  let room = size;
  for (let i = first; i <= last; i++) room -= weight(tokens, i);
  room /= 2;
  let from = first;
  while (from > 0 && room - weight(tokens, from - 1) >= 0) {
    room -= weight(tokens, from - 1);
    from--;
  }
  let to = from;
  let filled = 0;
  while (to < tokens.count && filled + weight(tokens, to) <= size) {
    filled += weight(tokens, to);
    to++;
  }
  return [from, to];
}
