import { readFileSync } from "node:fs";
import path from "node:path";
import { gunzipSync } from "node:zlib";
import { z } from "zod";

// Raw transcripts rebuilt from the pre-split corpus records of one conference, for gold files
// beyond the 14 transcripts kept as published. The records keep every question and answer
// turn in order (`seq`), with later answerers' labels inline, so printing them back with the
// source's own label style gives a running transcript again: what the source split away
// (moderator and operator turns, cross-talk questions without an answer, page furniture) is
// simply absent. Nothing is copied into the repository; the text is rebuilt on every run.

export const rebuildSchema = z.object({
  /** A corpus file, relative to ../shared. */
  corpus: z.string().regex(/^corpus\/[\w.-]+\.jsonl(?:\.gz)?$/),
  /** The conference: its `url` (White House, MFA) or `date` plus `conference` (US presidential). */
  url: z.string().optional(),
  date: z.string().optional(),
  conference: z.string().optional(),
});
export type Rebuild = z.infer<typeof rebuildSchema>;

const recordSchema = z.object({
  seq: z.number(),
  date: z.string().nullable(),
  conference: z.string().nullable(),
  url: z.string().nullable(),
  answerers: z.array(z.string()),
  questioner: z.string().nullable(),
  question: z.string(),
  answer: z.string(),
  topic: z.string().nullable(),
  flags: z.array(z.string()),
});
type CorpusRecord = z.infer<typeof recordSchema>;

const corpusCache = new Map<string, string[]>();

function corpusLines(sharedDir: string, corpus: string): string[] {
  let lines = corpusCache.get(corpus);
  if (!lines) {
    const buf = readFileSync(path.join(sharedDir, corpus));
    lines = (corpus.endsWith(".gz") ? gunzipSync(buf) : buf).toString("utf8").split("\n");
    corpusCache.set(corpus, lines);
  }
  return lines;
}

export function conferenceRecords(sharedDir: string, spec: Rebuild): CorpusRecord[] {
  const needle = spec.url ? `"url": ${JSON.stringify(spec.url)}` : `"date": ${JSON.stringify(spec.date)}`;
  const records = corpusLines(sharedDir, spec.corpus)
    .filter((l) => l.includes(needle))
    .map((l) => recordSchema.parse(JSON.parse(l)))
    .filter((r) => (spec.url ? r.url === spec.url : r.date === spec.date && (!spec.conference || r.conference === spec.conference)))
    .sort((a, b) => a.seq - b.seq);
  if (records.length === 0) throw new Error(`no records of ${spec.url ?? spec.date} in ${spec.corpus}`);
  return records;
}

export interface RebuiltTurn {
  start: number;
  kind: "question" | "answer" | "topic";
  text: string;
}

/** The rebuilt text and where each printed turn starts (for reading the transcript while segmenting it). */
export function rebuildTranscript(sharedDir: string, spec: Rebuild): { text: string; turns: RebuiltTurn[] } {
  const records = conferenceRecords(sharedDir, spec);
  const name = path.basename(spec.corpus);
  if (name.startsWith("whitehouse")) return printWhiteHouse(records);
  if (name.startsWith("us_presidential")) return printPresidential(records);
  if (name.startsWith("mfa_prc")) return printMfa(records, name.includes("_zh") ? "zh" : "en");
  throw new Error(`no rebuild format for ${spec.corpus}`);
}

class Printer {
  text = "";
  turns: RebuiltTurn[] = [];
  turn(kind: RebuiltTurn["kind"], label: string, body: string, after: string) {
    this.turns.push({ start: this.text.length, kind, text: label + body });
    this.text += label + body + after;
  }
}

/** White House Markdown: `Q    ` questions, `MS. PSAKI:  ` answers, blank lines between paragraphs. */
function printWhiteHouse(records: CorpusRecord[]) {
  const p = new Printer();
  p.text = `# ${records[0]!.conference ?? ""}\n\n`;
  for (const r of records) {
    p.turn("question", "Q    ", r.question, "\n\n");
    p.turn("answer", `${r.answerers[0] ?? "SPEAKER"}:  `, r.answer, "\n\n");
  }
  return { text: p.text, turns: p.turns };
}

/**
 * The presidential dataset's own form: one line, paragraphs joined by bare commas, `Q.` and
 * `THE PRESIDENT.` labels, upper-case topic headings before the question they head.
 */
function printPresidential(records: CorpusRecord[]) {
  const p = new Printer();
  const president = /\(([^)]+)\)/.exec(records[0]!.conference ?? "")?.[1];
  const join = (s: string) => s.replace(/\n+/g, ",");
  let topic: string | null = null;
  for (const r of records) {
    if (r.topic && r.topic !== topic) p.turn("topic", "", r.topic, ",");
    topic = r.topic;
    p.turn("question", "Q. ", join(r.question), ",");
    const label = !r.answerers[0] || r.answerers[0] === president ? "THE PRESIDENT" : r.answerers[0];
    p.turn("answer", `${label}. `, join(r.answer), ",");
  }
  p.text = p.text.replace(/,$/, "");
  return { text: p.text, turns: p.turns };
}

/** MFA page text: title, blank line, one paragraph a line; outlet or `Q:`/`问：` labels, spokesperson-name answers. */
function printMfa(records: CorpusRecord[], lang: "en" | "zh") {
  const p = new Printer();
  const colon = lang === "zh" ? "：" : ": ";
  const indent = lang === "zh" ? "　　" : "";
  p.text = `${records[0]!.conference ?? ""}\n\n`;
  const paragraphs = (s: string) => s.split(/\n+/).join(`\n${indent}`);
  for (const r of records) {
    const asker = r.flags.includes("follow_up") ? (lang === "zh" ? "追问" : "Follow-up") : (r.questioner ?? (lang === "zh" ? "问" : "Q"));
    // "会后有记者问及：…" / "After the press conference, …" paragraphs carry no label of their own.
    const label = /^(?:会后|after the (?:press )?conference)/i.test(r.question) ? "" : `${asker}${colon}`;
    // The indentation is page layout: a turn starts at its label.
    p.text += indent;
    p.turn("question", label, paragraphs(r.question), "\n" + indent);
    p.turn("answer", `${r.answerers[0] ?? (lang === "zh" ? "答" : "A")}${colon}`, paragraphs(r.answer), "\n");
  }
  return { text: p.text, turns: p.turns };
}
