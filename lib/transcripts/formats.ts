// File-format adapters: the only part of lib/transcripts that deals with
// bytes. Everything downstream works on decoded text.

import { Parser } from "htmlparser2";
import type { TranscriptDraft } from "./draft";
import { TranscriptInputError } from "./input-error";
import { assertSafeDocx } from "./zip-limits";

export { TranscriptInputError, type TranscriptInputErrorCode } from "./input-error";

import { MAX_TRANSCRIPT_BYTES } from "./limits";

export { MAX_TRANSCRIPT_BYTES } from "./limits";
/** Browsers stop nesting at 512; real transcripts rarely pass 30. Deeper HTML is built to stall a parser. */
export const MAX_HTML_DEPTH = 256;
/** Extracted text (a .docx may unpack to more than it weighs) is held to the same limit as a text file. */
export const MAX_TRANSCRIPT_CHARS = MAX_TRANSCRIPT_BYTES;

export interface DecodedText {
  text: string;
  encoding: "utf-8" | "utf-16le" | "utf-16be" | "gb18030";
}

// Text files never contain these; a few in a large file still mean binary.
const CONTROL = /[\u0000-\u0008\u000e-\u001f\u007f]/g;

export function decodeTranscriptBytes(bytes: Uint8Array): DecodedText {
  if (bytes.length === 0) throw new TranscriptInputError("empty", "the file is empty");
  if (bytes.length > MAX_TRANSCRIPT_BYTES) throw new TranscriptInputError("too_large", `the file is ${bytes.length} bytes; the limit is ${MAX_TRANSCRIPT_BYTES} bytes (5 MB)`);
  let decoded: DecodedText;
  if (bytes[0] === 0xff && bytes[1] === 0xfe) decoded = { text: new TextDecoder("utf-16le").decode(bytes.subarray(2)), encoding: "utf-16le" };
  else if (bytes[0] === 0xfe && bytes[1] === 0xff) decoded = { text: new TextDecoder("utf-16be").decode(bytes.subarray(2)), encoding: "utf-16be" };
  else {
    if (bytes.includes(0)) throw new TranscriptInputError("binary", "the file looks binary (it contains NUL bytes), not a text transcript");
    const hasBom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
    try {
      decoded = { text: new TextDecoder("utf-8", { fatal: true }).decode(hasBom ? bytes.subarray(3) : bytes), encoding: "utf-8" };
    } catch {
      try {
        // GBK is a subset of GB18030, so one decoder covers both legacy Chinese encodings.
        decoded = { text: new TextDecoder("gb18030", { fatal: true }).decode(bytes), encoding: "gb18030" };
      } catch {
        throw new TranscriptInputError("undecodable", "the file is neither UTF-8 nor GB18030/GBK text");
      }
    }
  }
  const controls = (decoded.text.match(CONTROL) ?? []).length;
  if (controls > 0 && controls / decoded.text.length > 0.01) throw new TranscriptInputError("binary", "the file looks binary (too many control characters), not a text transcript");
  if (decoded.text.trim() === "") throw new TranscriptInputError("empty", "the file contains only whitespace");
  return decoded;
}

const BLOCK = new Set("p div br li ul ol h1 h2 h3 h4 h5 h6 tr table section article header footer blockquote pre dd dt dl hr title main aside figure figcaption".split(" "));
const SKIP = new Set(["script", "style", "noscript", "template", "svg", "iframe", "head"]);

/** Tags stripped, each block element becomes a blank-line separated paragraph; scripts and styles vanish. */
export function htmlToText(html: string): string {
  const paragraphs: string[] = [];
  let current = "";
  let skipDepth = 0;
  let depth = 0;
  let inTitle = false;
  const flush = () => {
    const p = current.replace(/[ \t\r\n\f]+/g, " ").trim();
    if (p) paragraphs.push(p);
    current = "";
  };
  const parser = new Parser(
    {
      onopentag(name) {
        // Throwing from the callback stops the parser at once, before it walks the rest.
        if (++depth > MAX_HTML_DEPTH)
          throw new TranscriptInputError("too_complex", `the HTML nests elements more than ${MAX_HTML_DEPTH} deep; save the page as plain text and upload that`);
        if (name === "title") inTitle = true;
        if (SKIP.has(name) && !inTitle) skipDepth++;
        if (BLOCK.has(name)) flush();
      },
      ontext(data) {
        if (skipDepth === 0 || inTitle) current += data;
      },
      onclosetag(name) {
        depth--;
        if (name === "title") inTitle = false;
        if (SKIP.has(name) && skipDepth > 0) skipDepth--;
        if (BLOCK.has(name)) flush();
      },
    },
    { decodeEntities: true, lowerCaseTags: true },
  );
  parser.write(html);
  parser.end();
  flush();
  return paragraphs.join("\n\n") + "\n";
}

export type TranscriptFormat = "txt" | "md" | "html" | "docx";

export function formatOf(fileName: string): TranscriptFormat {
  const ext = /\.([a-z0-9]+)$/i.exec(fileName)?.[1]?.toLowerCase();
  if (ext === "txt" || ext === "text") return "txt";
  if (ext === "md" || ext === "markdown") return "md";
  if (ext === "html" || ext === "htm" || ext === "xhtml") return "html";
  if (ext === "docx") return "docx";
  throw new TranscriptInputError("unsupported_format", `unsupported file type "${fileName}": use .txt, .md, .html or .docx`);
}

export interface ExtractedText extends DecodedText {
  format: TranscriptFormat;
}

export async function extractText(bytes: Uint8Array, fileName: string): Promise<ExtractedText> {
  const format = formatOf(fileName);
  if (format === "docx") {
    if (bytes.length === 0) throw new TranscriptInputError("empty", "the file is empty");
    if (bytes.length > MAX_TRANSCRIPT_BYTES) throw new TranscriptInputError("too_large", `the file is larger than ${MAX_TRANSCRIPT_BYTES} bytes (5 MB)`);
    assertSafeDocx(bytes);
    const mammoth = await import("mammoth");
    let value: string;
    try {
      ({ value } = await mammoth.extractRawText({ buffer: Buffer.from(bytes) }));
    } catch (err) {
      throw new TranscriptInputError("unsupported_format", `"${fileName}" is not a readable .docx file (${(err as Error).message})`);
    }
    if (value.trim() === "") throw new TranscriptInputError("empty", "the document contains no text");
    assertTextWithinLimit(value);
    return { text: value, encoding: "utf-8", format };
  }
  const decoded = decodeTranscriptBytes(bytes);
  if (format === "html") return { text: assertTextWithinLimit(htmlToText(decoded.text)), encoding: decoded.encoding, format };
  return { ...decoded, format };
}

function assertTextWithinLimit(text: string): string {
  if (text.length > MAX_TRANSCRIPT_CHARS) throw new TranscriptInputError("too_large", `the document holds ${text.length} characters of text; the limit is ${MAX_TRANSCRIPT_CHARS}`);
  return text;
}

/** For the CLI (which publishes without review): a draft with nobody speaking and no questions is not a transcript. */
export function assertHasSpeakers(draft: TranscriptDraft): void {
  const spoken = draft.pairs.length > 0 || draft.statements.some((s) => s.speaker !== null);
  if (!spoken) throw new TranscriptInputError("no_speakers", 'no speakers recognised: label turns like "Name:" or "Q:"/"A:"');
}
