import { MONTHS } from "@/lib/transcripts/dates";
import { conceptsOf } from "./lexicon";

// What of a question-and-answer pair survives translation: the numbers and dates in it, the
// names it mentions (through the lexicon), the asking outlet, how long it is and how many
// questions it asks. Pairs are compared on these alone, so no translation model is needed.

export interface AlignPair {
  /** Any stable key: a database id, or a corpus record id in the benchmark. */
  id: string;
  question: string;
  answer: string;
  /** The asking outlet's label as printed ("Reuters", "路透社记者"), when the page names it. */
  outlet?: string | null;
}

export interface PairFeatures {
  numbers: Set<string>;
  concepts: Set<string>;
  /** Concepts of the outlet label alone: a strong hint when both pages name the asker. */
  outlets: Set<string>;
  length: number;
  /** Question marks in question and answer: a page that folds follow-ups into one pair keeps them. */
  questions: number;
}

const EN_SCALE: Record<string, number> = { thousand: 1e3, million: 1e6, billion: 1e9, trillion: 1e12 };
const ZH_SCALE: Record<string, number> = { 千: 1e3, 万: 1e4, 亿: 1e8 };
const ZH_DIGITS: Record<string, number> = { 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9, 十: 10 };

/**
 * Numbers as canonical strings: "1,000" and "1000" agree, "30 million" and "3000万" agree,
 * English month names count as their number so "July 28" meets "7月28日".
 * Small counts spelled in words are left out: "two" and "两" say too little.
 */
export function numbersOf(text: string, language: string): Set<string> {
  const found = new Set<string>();
  const zh = language.toLowerCase().startsWith("zh");
  const pattern = zh ? /(\d+(?:,\d{3})*(?:\.\d+)?)\s*([千万亿]*)/g : /(\d+(?:,\d{3})*(?:\.\d+)?)(?:\s*(thousand|million|billion|trillion))?/gi;
  for (const match of text.matchAll(pattern)) {
    const raw = match[1].replace(/,/g, "");
    let value = Number(raw);
    if (!Number.isFinite(value)) continue;
    const scale = match[2];
    if (scale) {
      if (zh) for (const unit of scale) value *= ZH_SCALE[unit] ?? 1;
      else value *= EN_SCALE[scale.toLowerCase()] ?? 1;
    }
    found.add(canonical(value));
  }
  if (zh) {
    // Ordinals and dates written in Chinese numerals: 第二十二次, 十月.
    for (const match of text.matchAll(/第([一二两三四五六七八九十]{1,3})|([一二三四五六七八九十]{1,2})月/g)) {
      const value = chineseNumber(match[1] ?? match[2]);
      if (value !== null && value > 0) found.add(canonical(value));
    }
  } else {
    for (const match of text
      .toLowerCase()
      .matchAll(/\b(january|february|march|april|may|june|july|august|september|october|november|december|sept?|jan|feb|mar|apr|jun|jul|aug|oct|nov|dec)\.?\s+\d/g)) {
      found.add(String(MONTHS[match[1].slice(0, 3)]));
    }
    for (const match of text.toLowerCase().matchAll(/\b(\d{1,2})(?:st|nd|rd|th)\b/g)) found.add(match[1]);
  }
  return found;
}

function canonical(value: number): string {
  return Number.isInteger(value) ? String(value) : String(Math.round(value * 100) / 100);
}

function chineseNumber(text: string): number | null {
  if (!text) return null;
  if (text.length === 1) return ZH_DIGITS[text] ?? null;
  const ten = text.indexOf("十");
  if (ten < 0) return null;
  const tens = ten === 0 ? 1 : (ZH_DIGITS[text[ten - 1]] ?? 0);
  const units = ten === text.length - 1 ? 0 : (ZH_DIGITS[text[ten + 1]] ?? 0);
  return tens * 10 + units;
}

/** Characters that carry content: spaces and punctuation differ too much between scripts. */
export function contentLength(text: string): number {
  return text.replace(/[^\p{L}\p{N}]/gu, "").length;
}

export function featuresOf(pair: AlignPair, language: string): PairFeatures {
  const text = `${pair.question}\n${pair.answer}`;
  return {
    numbers: numbersOf(text, language),
    concepts: conceptsOf(text, language),
    outlets: pair.outlet ? conceptsOf(pair.outlet, language) : new Set(),
    length: contentLength(text),
    questions: (text.match(/[?？]/g) ?? []).length,
  };
}

/** The features of consecutive pairs read as one: what a page that merged them would show. */
export function mergeFeatures(parts: PairFeatures[]): PairFeatures {
  if (parts.length === 1) return parts[0];
  const merged: PairFeatures = { numbers: new Set(), concepts: new Set(), outlets: parts[0].outlets, length: 0, questions: 0 };
  for (const part of parts) {
    for (const n of part.numbers) merged.numbers.add(n);
    for (const c of part.concepts) merged.concepts.add(c);
    merged.length += part.length;
    merged.questions += part.questions;
  }
  return merged;
}
