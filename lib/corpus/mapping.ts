import { createHash } from "node:crypto";
import { httpUrlOrNull } from "@/lib/urls/http-url";
import { publisherName } from "./publishers";
import { corpusFamily, type CorpusRecord } from "./record";

// Turns one validated corpus record into the rows it becomes: the conference it belongs to,
// the pair, and the pair's turns. Pure, so grouping and splitting rules are unit-tested.

/** Bump when the mapping below changes, so that a re-run rewrites pairs mapped the old way. */
export const MAPPING_VERSION = 2;

export interface CorpusConference {
  sourceKey: string;
  title: string;
  heldOn: string | null;
  organizer: string | null;
  language: string;
  sourceUrl: string | null;
  sourceName: string;
}

export interface CorpusTurn {
  kind: "QUESTION" | "ANSWER";
  /** Speaker name to resolve to a Speaker row; null when the turn has no named person. */
  speaker: string | null;
  speakerLabel: string | null;
  role: "JOURNALIST" | "OFFICIAL";
  text: string;
}

export interface CorpusPair {
  sourceCorpus: string;
  sourceId: string;
  ordinal: number;
  questioner: string | null;
  outlet: string | null;
  topics: string[];
  flags: string[];
  contentHash: string;
  turns: CorpusTurn[];
  conference: CorpusConference;
}

// Files where the "questioner" is the news organisation that asked, not a person.
const OUTLET_QUESTIONER_FAMILIES = new Set(["mfa-en", "mfa-zh", "cmfa-v4"]);
const MFA_FAMILIES = new Set(["mfa-en", "mfa-zh", "cmfa-v4"]);

export function mapCorpusRecord(record: CorpusRecord): CorpusPair {
  const family = corpusFamily(record.id);
  const conference = conferenceOf(record, family);
  const { questioner, outlet } = splitQuestioner(record.questioner, family);
  const questionTurn: CorpusTurn = {
    kind: "QUESTION",
    speaker: questioner,
    speakerLabel: record.questioner,
    role: "JOURNALIST",
    text: record.question,
  };
  return {
    sourceCorpus: family,
    sourceId: record.id,
    ordinal: record.seq,
    questioner,
    outlet,
    topics: record.topic ? [record.topic] : [],
    flags: [...new Set(record.flags)],
    contentHash: contentHash(record, conference.sourceKey),
    turns: [questionTurn, ...answerTurns(record, family, conference.title)],
    conference,
  };
}

/** Conference grouping: one page (URL) or one source document per file family and date. */
function conferenceOf(record: CorpusRecord, family: string): CorpusConference {
  const sourceUrl = httpUrlOrNull(record.url);
  // `owner/repo@commit:path (row n)`: the commit is dropped so a new snapshot keeps the same key.
  const sourceDocument = record.source.replace(/@[0-9a-f]{6,40}(?=:)/i, "");
  const where = record.url ?? sourceDocument;
  return {
    sourceKey: `corpus:${family}:${record.date ?? "undated"}:${where}`,
    title: record.conference ?? derivedTitle(record, family),
    heldOn: record.date,
    organizer: record.organizer,
    language: record.lang,
    sourceUrl,
    sourceName: publisherName(record),
  };
}

function derivedTitle(record: CorpusRecord, family: string): string {
  if (record.lang === "zh") {
    const date = record.date ? `${Number(record.date.slice(0, 4))}年${Number(record.date.slice(5, 7))}月${Number(record.date.slice(8, 10))}日` : "";
    return `${date}${record.organizer ?? "外交部"}例行记者会`;
  }
  const date = record.date ? new Date(`${record.date}T00:00:00Z`).toLocaleDateString("en-US", { timeZone: "UTC", year: "numeric", month: "long", day: "numeric" }) : "undated";
  if (MFA_FAMILIES.has(family)) return `Regular Press Conference of the Ministry of Foreign Affairs, ${date}`;
  return `${record.organizer ?? "Press"} press conference, ${date}`;
}

/**
 * MFA questioners are outlets ("Reuters", "路透社记者"). Early US questioners read
 * "William J. Eaton, United Press International": the person, then the outlet.
 */
function splitQuestioner(questioner: string | null, family: string): { questioner: string | null; outlet: string | null } {
  if (!questioner) return { questioner: null, outlet: null };
  if (OUTLET_QUESTIONER_FAMILIES.has(family)) return { questioner: null, outlet: questioner };
  const comma = questioner.indexOf(", ");
  if (comma > 0) return { questioner: questioner.slice(0, comma).trim(), outlet: questioner.slice(comma + 2).trim() || null };
  return { questioner, outlet: null };
}

/**
 * Later speakers of a multi-speaker answer keep their label inline at a paragraph start
 * (`MR. KIRBY:` in White House text, `SECRETARY MCNAMARA.` in the US file). Splitting only on
 * the record's own answerer labels avoids cutting at paragraphs that start with "U.S." and the like.
 */
function answerTurns(record: CorpusRecord, family: string, conferenceTitle: string): CorpusTurn[] {
  const first = record.answerers[0] ?? null;
  const turn = (label: string | null, text: string, speaker = label): CorpusTurn => ({
    kind: "ANSWER",
    speaker,
    speakerLabel: label,
    role: "OFFICIAL",
    text,
  });
  // The US file names the president instead of "THE PRESIDENT"; inline labels still say it.
  const president = family === "uspnc" ? (/\(([^)]+)\)\s*$/.exec(conferenceTitle)?.[1] ?? null) : null;
  const labels = new Set(record.answerers);
  if (president) labels.add("THE PRESIDENT");
  if (record.answerers.length < 2 || !record.answer) return [turn(first, record.answer)];

  const alternatives = [...labels]
    .sort((a, b) => b.length - a.length)
    .map(escapeRegExp)
    .join("|");
  const inline = new RegExp(`(?:^|\\n)(${alternatives})[:.][ \\t\\u00a0]*`, "g");
  const turns: CorpusTurn[] = [];
  let label: string | null = first;
  let start = 0;
  for (const match of record.answer.matchAll(inline)) {
    const text = record.answer.slice(start, match.index).trim();
    if (text) turns.push(turn(label, text, speakerFor(label, president)));
    label = match[1];
    start = match.index + match[0].length;
  }
  const rest = record.answer.slice(start).trim();
  if (rest) turns.push(turn(label, rest, speakerFor(label, president)));
  return turns.length ? turns : [turn(first, record.answer)];
}

function speakerFor(label: string | null, president: string | null): string | null {
  return label === "THE PRESIDENT" && president ? president : label;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

function contentHash(record: CorpusRecord, sourceKey: string): string {
  const fields = [
    MAPPING_VERSION,
    sourceKey,
    record.id,
    record.date,
    record.conference,
    record.organizer,
    record.answerers,
    record.questioner,
    record.question,
    record.answer,
    record.lang,
    record.seq,
    record.topic,
    record.url,
    record.flags,
    record.source,
  ];
  return createHash("sha256").update(JSON.stringify(fields)).digest("hex");
}

export { nameSlug } from "@/lib/people/slug";
