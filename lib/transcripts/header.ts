// The header is the title/date/source block at the top: YAML front matter in
// the White House Markdown, or a title line followed by date/source lines on
// web pages. Navigation lines above the title are noise, not header.

import type { DraftDropped } from "./draft";
import { findDate } from "./dates";
import { findLabelCandidate } from "./labels";
import { classifyNoise } from "./noise";

export interface HeaderInfo {
  title: string | null;
  date: string | null;
  sourceName: string | null;
  /** A valid http(s) URL printed in the header or front matter. */
  sourceUrl: string | null;
  /** Where the briefing took place, as printed ("James S. Brady Press Briefing Room"). */
  location: string | null;
  /** Why a printed source URL was not taken, for the editor. */
  urlProblem: string | null;
  span: { start: number; end: number } | null;
  bodyStart: number;
  /** Header lines as printed, to recognise them when a later page repeats them. */
  lines: string[];
  dropped: DraftDropped[];
}

interface Line {
  start: number;
  end: number;
  text: string;
}

function linesFrom(text: string, from: number): Line[] {
  const out: Line[] = [];
  let pos = from;
  while (pos <= text.length) {
    let nl = text.indexOf("\n", pos);
    if (nl < 0) nl = text.length;
    const raw = text.slice(pos, nl);
    const lead = raw.length - raw.trimStart().length;
    const t = raw.trim();
    out.push({ start: pos + lead, end: pos + lead + t.length, text: t });
    pos = nl + 1;
  }
  return out;
}

export function cleanTitle(s: string): string {
  return s
    .replace(/[\u00a0\u2060\u200b]/g, (c) => (c === "\u00a0" ? " " : ""))
    .replace(/\s+/g, " ")
    .trim();
}

function decodeYamlScalar(raw: string): string {
  const v = raw.trim();
  if (v.startsWith('"')) {
    const inner = v.slice(1, v.lastIndexOf('"') > 0 ? v.lastIndexOf('"') : undefined);
    return inner
      .replace(/\\\r?\n[ \t]*/g, "")
      .replace(/[ \t]*\r?\n[ \t]*/g, " ")
      .replace(/\\(u[0-9a-fA-F]{4}|x[0-9a-fA-F]{2}|.)/g, (_, e: string) => {
        if (e[0] === "u" || e[0] === "x") return String.fromCharCode(parseInt(e.slice(1), 16));
        return ({ _: "\u00a0", n: "\n", t: "\t", " ": " ", '"': '"', "\\": "\\", "/": "/" } as Record<string, string>)[e] ?? e;
      });
  }
  if (v.startsWith("'"))
    return v
      .slice(1, v.endsWith("'") ? -1 : undefined)
      .replace(/''/g, "'")
      .replace(/\s*\n\s*/g, " ");
  return v.replace(/\s*\n\s*/g, " ");
}

function readFrontMatter(text: string): { end: number; fields: Record<string, string> } | null {
  const open = /^\uFEFF?---[ \t]*\r?\n/.exec(text);
  if (!open) return null;
  const close = /\r?\n---[ \t]*(?:\r?\n|$)/g;
  close.lastIndex = open[0].length - 1;
  const m = close.exec(text);
  if (!m) return null;
  const block = text.slice(open[0].length, m.index);
  const fields: Record<string, string> = {};
  const re = /^([A-Za-z_][\w-]*):[ \t]*(.*(?:\r?\n[ \t]+.*)*)/gm;
  let f: RegExpExecArray | null;
  while ((f = re.exec(block))) fields[f[1]!.toLowerCase()] = decodeYamlScalar(f[2]!);
  return { end: m.index + m[0].replace(/\r?\n$/, "").length, fields };
}

// Sample and test files open with a line saying they are fictional; it is not the title.
const LEADING_DISCLAIMER = /^(?:NOTE|DISCLAIMER|注意|说明)\s*[:：].{0,300}(?:fictional|sample data|虚构|示例)/i;

/** "Source: https://...", "URL: ...", "原文链接：..." or a bare URL right under the title. */
const URL_LINE = /^(?:(?:source(?: url)?|url|link|原文链接|来源|链接)\s*[:：]\s*)?(\S*:\/\/\S+|www\.\S+)$/i;
const LOCATION_LINE = /^(?:location|place|venue|地点)\s*[:：]\s*(.{2,200})$/i;

/** Only absolute http(s) URLs are kept; anything else is reported to the editor, never thrown. */
export function checkUrl(raw: string): { url: string | null; problem: string | null } {
  const candidate = raw.trim().replace(/^<|>$/g, "");
  let parsed: URL | null = null;
  try {
    parsed = new URL(candidate);
  } catch {
    parsed = null;
  }
  if (!parsed || !/^https?:\/\/\S+$/.test(candidate)) return { url: null, problem: `source URL "${candidate.slice(0, 200)}" is not a valid http(s) URL` };
  if (parsed.protocol !== "http:" && parsed.protocol !== "https:") return { url: null, problem: `source URL "${candidate.slice(0, 200)}" is not http(s)` };
  return { url: candidate, problem: null };
}

const SOURCE_LINE = /^(.{2,60}?)\s*[|｜]\s*(.+)$/;

function looksLikeTitle(line: string): boolean {
  if (line.length < 4 || line.length > 250) return false;
  if (/[.?!。？！:：,，;；]$/.test(line)) return false;
  return findLabelCandidate(line, { commaMode: false }) === null || !!findDate(line);
}

function isDateOrSourceLine(line: string): boolean {
  const d = findDate(line);
  if (d && line.length - d.length <= 60) return true;
  return SOURCE_LINE.test(line) && !!findDate(line);
}

export function parseHeader(text: string): HeaderInfo {
  const dropped: DraftDropped[] = [];
  const fm = readFrontMatter(text);
  if (fm) return frontMatterHeader(text, fm);

  const lines = linesFrom(text, 0);
  let i = 0;
  for (; i < lines.length; i++) {
    const l = lines[i]!;
    if (!l.text) continue;
    const noise = classifyNoise(l.text) ?? (LEADING_DISCLAIMER.test(l.text) ? "disclaimer" : null);
    if (!noise) break;
    dropped.push({ start: l.start, end: l.end, reason: noise });
  }
  const first = lines[i];
  const empty: HeaderInfo = {
    title: null,
    date: null,
    sourceName: null,
    sourceUrl: null,
    location: null,
    urlProblem: null,
    span: null,
    bodyStart: first?.start ?? text.length,
    lines: [],
    dropped,
  };
  if (!first || !looksLikeTitle(first.text)) return empty;

  const title = cleanTitle(first.text);
  let date = findDate(title)?.iso ?? null;
  let sourceName: string | null = null;
  let sourceUrl: string | null = null;
  let urlProblem: string | null = null;
  let location: string | null = null;
  let end = first.end;
  const headerLines = [first.text];
  let nonEmptySeen = 0;
  for (let j = i + 1; j < lines.length && nonEmptySeen < 3; j++) {
    const l = lines[j]!;
    if (!l.text) continue;
    nonEmptySeen++;
    const printed = URL_LINE.exec(l.text) ?? LOCATION_LINE.exec(l.text);
    if (printed && !isDateOrSourceLine(l.text)) {
      if (printed[0].match(LOCATION_LINE)) location ??= cleanTitle(printed[1]!).slice(0, 300);
      else ({ url: sourceUrl, problem: urlProblem } = checkUrl(printed[1]!));
      end = l.end;
      headerLines.push(l.text);
      continue;
    }
    if (!isDateOrSourceLine(l.text)) break;
    const src = SOURCE_LINE.exec(l.text);
    if (src && findDate(src[2]!)) sourceName ??= cleanTitle(src[1]!);
    date ??= findDate(l.text)!.iso;
    end = l.end;
    headerLines.push(l.text);
  }
  return { title, date, sourceName, sourceUrl, location, urlProblem, span: { start: first.start, end }, bodyStart: end, lines: headerLines, dropped };
}

function frontMatterHeader(text: string, fm: { end: number; fields: Record<string, string> }): HeaderInfo {
  const title = fm.fields.title ? cleanTitle(fm.fields.title) : null;
  // The front-matter date is the publication date, sometimes a day late; a
  // date printed in the title is the briefing itself.
  const date = (title && findDate(title)?.iso) || (fm.fields.date ? (findDate(fm.fields.date)?.iso ?? null) : null);
  let sourceName: string | null = fm.fields.source_name ?? fm.fields.source ?? null;
  const printedUrl = fm.fields.source_url ?? fm.fields.url;
  const { url: sourceUrl, problem: urlProblem } = printedUrl ? checkUrl(printedUrl) : { url: null, problem: null };
  if (!sourceName && sourceUrl) sourceName = new URL(sourceUrl).hostname;
  const locationLines: string[] = fm.fields.location ? [fm.fields.location] : [];
  // Location lines ("James S. Brady Press Briefing Room", "(May 19, 2021)")
  // between the front matter and the first time stamp or speaker belong to the header.
  let end = fm.end;
  let taken = 0;
  for (const l of linesFrom(text, fm.end)) {
    if (!l.text) continue;
    if (taken >= 3 || l.text.length > 80 || classifyNoise(l.text) || findLabelCandidate(l.text, { commaMode: false })) break;
    if (/[?？]$/.test(l.text)) break;
    if (!fm.fields.location && !findDate(l.text)) locationLines.push(l.text);
    end = l.end;
    taken++;
  }
  const location = locationLines.length ? cleanTitle(locationLines.join(", ")).slice(0, 300) : null;
  return { title, date, sourceName, sourceUrl, location, urlProblem, span: { start: 0, end }, bodyStart: end, lines: [], dropped: [] };
}
