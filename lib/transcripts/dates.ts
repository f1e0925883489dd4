// Dates appear in titles and source lines in many hand-typed forms; the
// regexes tolerate the missing spaces and no-break spaces seen in real pages
// ("June11, 2018", "May 13,\u00a02021").

/** Month numbers by the first three letters of the English name (also "sept"). */
export const MONTHS: Record<string, number> = {
  jan: 1,
  feb: 2,
  mar: 3,
  apr: 4,
  may: 5,
  jun: 6,
  jul: 7,
  aug: 8,
  sep: 9,
  sept: 9,
  oct: 10,
  nov: 11,
  dec: 12,
};
const MONTH_NAME = "(Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\\.?";

const PATTERNS: Array<{ re: RegExp; pick: (m: RegExpExecArray) => [number, number, number] }> = [
  { re: /(\d{4})-(\d{1,2})-(\d{1,2})(?!\d)/, pick: (m) => [+m[1]!, +m[2]!, +m[3]!] },
  { re: /(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日/, pick: (m) => [+m[1]!, +m[2]!, +m[3]!] },
  { re: /(\d{4})\/(\d{1,2})\/(\d{1,2})(?!\d)/, pick: (m) => [+m[1]!, +m[2]!, +m[3]!] },
  {
    re: new RegExp(`\\b${MONTH_NAME}\\s*(\\d{1,2})(?:st|nd|rd|th)?,?\\s*(\\d{4})\\b`, "i"),
    pick: (m) => [+m[3]!, monthNumber(m[1]!), +m[2]!],
  },
  {
    re: new RegExp(`\\b(\\d{1,2})(?:st|nd|rd|th)?\\s+${MONTH_NAME},?\\s*(\\d{4})\\b`, "i"),
    pick: (m) => [+m[3]!, monthNumber(m[2]!), +m[1]!],
  },
];

function monthNumber(name: string): number {
  return MONTHS[name.slice(0, name.toLowerCase().startsWith("sept") ? 4 : 3).toLowerCase()] ?? 0;
}

function isValidDate(y: number, m: number, d: number): boolean {
  if (y < 1800 || y > 2200 || m < 1 || m > 12 || d < 1) return false;
  const days = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return d <= days;
}

export interface FoundDate {
  iso: string;
  index: number;
  length: number;
}

/** The earliest valid date in the string, if any. */
export function findDate(text: string): FoundDate | null {
  let best: FoundDate | null = null;
  for (const { re, pick } of PATTERNS) {
    const m = re.exec(text);
    if (!m) continue;
    const [y, mo, d] = pick(m);
    if (!isValidDate(y, mo, d)) continue;
    if (best && best.index <= m.index) continue;
    const iso = `${y}-${String(mo).padStart(2, "0")}-${String(d).padStart(2, "0")}`;
    best = { iso, index: m.index, length: m[0].length };
  }
  return best;
}

export function parseDate(text: string): string | null {
  return findDate(text)?.iso ?? null;
}
