// Speaker labels. A label is only ever looked for at the start of a paragraph
// (or a line); whether a candidate is believed depends on its form and on how
// often the same label recurs in the document, because prose such as
// "First: we will..." has the same shape as "Reuters: ...".

export type LabelKind = "question" | "follow_up" | "answer" | "moderator" | "outlet" | "president" | "named";
export type LabelForm = "strong" | "caps" | "mixed" | "cjk";

export interface LabelCandidate {
  /** Speaker as printed, without numbering prefix, bracket note or terminator. */
  speaker: string;
  /** Bracketed note after the name, e.g. the outlet in "HELEN THOMAS [UPI]." */
  note: string | null;
  /** Offset (relative to the paragraph) where the spoken content begins. */
  contentOffset: number;
  terminator: string;
  form: LabelForm;
  kind: LabelKind;
  aloneOnLine: boolean;
}

const NUMBER_PREFIX = /^\[\s*[\dA-Z]{1,3}\s*\.?\s*\]\s*/;
const STRONG = /^(Q|A|Question|Answer|Follow[- ]?up|MODERATOR|OPERATOR|Moderator|Operator)\s*([:：])/;
const STRONG_CJK = /^(问|答|追问|主持人|记者|提问)\s*([：:])/;
const Q_DOT = /^Q\.(?=\s)/;
const Q_SPACE = /^Q(?=[\s\u00a0]{2,}|\u00a0)/;
const THE_PRESIDENT = /^(THE\.? PRESIDENT|The PRESIDENT|THE PRESIDNT|TEE PRESIDENT)(\s*\[[^\]\n]{1,80}\])?\s*([.:,])(?=\s|$)/;
const THE_PRESIDENT_BARE = /^(THE PRESIDENT)(?=\s+[A-Z][a-z\s])/;
const CAPS = /^([A-Z][A-Z.'’\- ]*[A-Z.])(\s*\[[^\]\n]{1,80}\])?\s*([:.])(?=\s|$)/;
const MIXED = /^([A-Z][\p{L}'’.\-]*(?:[ \u00a0]+(?:[A-Z][\p{L}'’.\-]*|of|the|de|van|von|al|bin|and|&)){0,5})(\s*\[[^\]\n]{1,80}\])?\s*([:：])/u;
const CJK = /^([\p{Script=Han}·A-Za-z]{2,16})\s*([：:])/u;

const NOT_SPEAKER_CAPS = new Set([
  "NOTE",
  "NOTES",
  "PS",
  "P.S",
  "EDITOR'S NOTE",
  "EDITOR’S NOTE",
  "UPDATE",
  "CORRECTION",
  "SOURCE",
  "TAGS",
  "TITLE",
  "DATE",
  "TIME",
  "LOCATION",
  "WARNING",
  "URL",
  "PHOTO",
  "VIDEO",
  "AUDIO",
  "TRANSCRIPT",
  "END",
]);

const NOT_SPEAKER_WORDS = new Set(
  (
    "first second third fourth fifth sixth finally lastly note notes also however example answer question update source " +
    "date time location title subject re ps in on at as for to here there this that these those it we i he she they our " +
    "my your and but so now today yesterday tomorrow one two three four step result conclusion summary background topic " +
    "keywords key important warning reminder quote quick please thanks thank yes no well okay ok what why how when where who " +
    "which if then after before during since meanwhile moreover furthermore additionally specifically remember update " +
    "breaking editor transcript photo video audio press release statement remarks"
  ).split(" "),
);

const KNOWN_OUTLETS = new Set(
  (
    "reuters afp ap associated press bloomberg cnn bbc nhk kyodo xinhua cctv cgtn pti tass sputnik npr yonhap efe ansa dpa " + "nikkei asahi cnbc abc cbs nbc rtl ria novosti"
  ).split(" "),
);
const OUTLET_WORD =
  /\b(TV|Television|Radio|News|Daily|Times|Post|Press|Agency|Journal|Herald|Tribune|Gazette|Network|Broadcasting|Broadcast|Media|Channel|Telegraph|Observer|Weekly|Magazine|Novosti|Wire|Paper|Reporter|Journalist|Correspondent)\b/;
const CJK_OUTLET = /(记者|社|台|报|网|电视|广播|通讯)$/;
const CJK_PROSE = /(是|的|如下|指出|表示|说|称|认为|强调|问题|情况|方面|关于|其中|包括|以下|一是|二是|三是|第一|第二|第三)$/;

export function isOutletName(name: string): boolean {
  const lower = name.toLowerCase();
  if (KNOWN_OUTLETS.has(lower)) return true;
  if (lower.split(/\s+/).length <= 2 && KNOWN_OUTLETS.has(lower.split(/\s+/)[0]!) && name.length <= 20) return true;
  return OUTLET_WORD.test(name) || CJK_OUTLET.test(name);
}

function kindForName(name: string, note: string | null): LabelKind {
  if (/^(moderator|operator|host|主持人)$/i.test(name)) return "moderator";
  if (/^(reporter|journalist|记者|提问)$/i.test(name)) return "outlet";
  if (note && isOutletName(note.replace(/[[\]]/g, "").trim())) return "outlet";
  if (isOutletName(name)) return "outlet";
  return "named";
}

export interface LabelContext {
  /** Paragraphs are comma-joined (US presidential files); "NAME." labels are allowed. */
  commaMode: boolean;
  /** The paragraph was cut out of a longer one at an inline "Q" (segment.ts): "Q Can we…" with one space is a label there. */
  inlineQuestion?: boolean;
}

/** A syntactic candidate only; call `isBelievable` with document statistics before trusting it. */
export function findLabelCandidate(paragraph: string, ctx: LabelContext): LabelCandidate | null {
  const prefix = NUMBER_PREFIX.exec(paragraph);
  const offset = prefix ? prefix[0].length : 0;
  const s = paragraph.slice(offset);
  const lineEnd = s.search(/\n/);
  const firstLine = lineEnd < 0 ? s : s.slice(0, lineEnd);
  const make = (speaker: string, note: string | null, matchLength: number, terminator: string, form: LabelForm, kind: LabelKind) => {
    let content = offset + matchLength;
    while (content < paragraph.length && /[ \t\u00a0\u3000]/.test(paragraph[content]!)) content++;
    const aloneOnLine = firstLine.slice(matchLength).trim() === "";
    return {
      speaker: speaker.trim(),
      note: note
        ? note
            .trim()
            .replace(/^\[|\]$/g, "")
            .trim()
        : null,
      contentOffset: content,
      terminator,
      form,
      kind,
      aloneOnLine,
    };
  };
  let m: RegExpExecArray | null;
  if ((m = STRONG.exec(firstLine)) || (m = STRONG_CJK.exec(firstLine))) {
    const word = m[1]!.toLowerCase();
    const kind: LabelKind = /^(q|question|问|提问|记者)$/.test(word)
      ? word === "记者"
        ? "outlet"
        : "question"
      : /^(follow[- ]?up|追问)$/.test(word)
        ? "follow_up"
        : /^(a|answer|答)$/.test(word)
          ? "answer"
          : "moderator";
    return make(m[1]!, null, m[0].length, m[2]!, "strong", kind);
  }
  if ((m = Q_DOT.exec(firstLine)) || (m = Q_SPACE.exec(firstLine)) || (ctx.inlineQuestion && (m = /^Q(?=[ \u00a0])/.exec(firstLine))))
    return make("Q", null, m[0].length, m[0].slice(1), "strong", "question");
  if ((m = THE_PRESIDENT.exec(firstLine))) return make(m[1]!, m[2] ?? null, m[0].length, m[3]!, "caps", "president");
  // OCR sometimes drops the period: "...tax reduction?THE PRESIDENT I think it would be better..."
  if (ctx.commaMode && (m = THE_PRESIDENT_BARE.exec(firstLine))) return make(m[1]!, null, m[0].length, "", "caps", "president");
  if ((m = CAPS.exec(firstLine))) {
    const name = m[1]!.replace(/\.$/, m[3] === ":" ? "." : "").trim();
    const letters = name.replace(/[^A-Z]/g, "").length;
    const terminatorOk = m[3] === ":" || ctx.commaMode;
    if (letters >= 3 && name.length <= 60 && terminatorOk && !NOT_SPEAKER_CAPS.has(name.replace(/\.$/, ""))) {
      return make(m[1]!, m[2] ?? null, m[0].length, m[3]!, "caps", kindForName(name, m[2] ?? null));
    }
  }
  if ((m = MIXED.exec(firstLine))) {
    const name = m[1]!.trim();
    if (name.length <= 50 && !/\d/.test(name)) return make(name, m[2] ?? null, m[0].length, m[3]!, "mixed", kindForName(name, m[2] ?? null));
  }
  if ((m = CJK.exec(firstLine)) && /\p{Script=Han}/u.test(m[1]!)) {
    return make(m[1]!, null, m[0].length, m[2]!, "cjk", kindForName(m[1]!, null));
  }
  return null;
}

export interface LabelStats {
  /** How many paragraphs in the document start with this speaker label. */
  counts: Map<string, number>;
  /** Header title, used to recognise the official named in it. */
  title: string | null;
}

/** Heuristics that separate speaker labels from prose that happens to start with "Word:". */
export function isBelievable(c: LabelCandidate, stats: LabelStats): boolean {
  if (c.form === "strong") return true;
  if (c.kind === "president") return c.terminator !== "," || (stats.counts.get(c.speaker) ?? 0) >= 1;
  const count = stats.counts.get(c.speaker) ?? 0;
  const inTitle = !!stats.title && stats.title.includes(c.speaker);
  if (c.form === "caps") return true;
  if (c.form === "cjk") {
    if (c.kind === "outlet" || c.kind === "moderator") return true;
    if (CJK_PROSE.test(c.speaker)) return false;
    return inTitle || count >= 2 || (c.aloneOnLine && c.speaker.length <= 6);
  }
  const words = c.speaker.split(/[ \u00a0]+/);
  if (NOT_SPEAKER_WORDS.has(words[0]!.toLowerCase().replace(/[.'’]/g, ""))) return c.kind === "outlet" && words.length > 1 && words[0] === "The";
  if (c.kind === "outlet" || c.kind === "moderator") return true;
  if (inTitle || c.aloneOnLine) return true;
  if (words.length === 1) return count >= 2;
  return words.length <= 4 && (count >= 2 || words.every((w) => /^[A-Z]/.test(w)));
}
