// Builders for hostile uploads, made at test time (never stored): a zip bomb posing as .docx,
// a .docx that lies about its sizes, deeply nested HTML, a .docx of empty paragraphs and a
// paste of very many short pairs. Used by unit, integration and end-to-end tests alike.

import { crc32, deflateRawSync } from "node:zlib";

interface ZipPart {
  name: string;
  data: Uint8Array;
  /** What the directory claims; defaults to the truth. A zip bomb may lie here. */
  statedSize?: number;
}

/** A minimal deflate zip writer: enough for mammoth, and able to state false sizes. */
export function zipOf(parts: ZipPart[]): Uint8Array<ArrayBuffer> {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const part of parts) {
    const name = Buffer.from(part.name, "utf8");
    const packed = deflateRawSync(part.data, { level: 9 });
    const size = part.statedSize ?? part.data.length;
    const crc = crc32(part.data);
    // The central header repeats the local header's fields two bytes further on.
    const fields = (header: Buffer, at: number) => {
      header.writeUInt16LE(20, at);
      header.writeUInt16LE(8, at + 4);
      header.writeUInt32LE(crc, at + 10);
      header.writeUInt32LE(packed.length, at + 14);
      header.writeUInt32LE(size, at + 18);
      header.writeUInt16LE(name.length, at + 22);
    };
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    fields(local, 4);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    fields(central, 6);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, packed);
    centrals.push(central, name);
    offset += local.length + name.length + packed.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(parts.length, 8);
  end.writeUInt16LE(parts.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return new Uint8Array(Buffer.concat([...locals, directory, end]));
}

const CONTENT_TYPES =
  '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
  '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
  '<Default Extension="xml" ContentType="application/xml"/>' +
  '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>';
const RELS =
  '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
  '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>';
const DOC_OPEN = '<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>';
const DOC_CLOSE = "</w:body></w:document>";

export const docxParagraph = (text: string) => `<w:p><w:r><w:t xml:space="preserve">${text}</w:t></w:r></w:p>`;

/** A .docx whose document.xml holds the given body XML. */
export function docxOf(bodyXml: string | Uint8Array, statedDocumentSize?: number): Uint8Array<ArrayBuffer> {
  const body = typeof bodyXml === "string" ? Buffer.from(DOC_OPEN + bodyXml + DOC_CLOSE) : Buffer.concat([Buffer.from(DOC_OPEN), bodyXml, Buffer.from(DOC_CLOSE)]);
  return zipOf([
    { name: "[Content_Types].xml", data: Buffer.from(CONTENT_TYPES) },
    { name: "_rels/.rels", data: Buffer.from(RELS) },
    { name: "word/document.xml", data: body, statedSize: statedDocumentSize },
  ]);
}

/** document.xml inflates to `inflatedMb` MB of whitespace (300 MB packs into about 300 kB). */
export function zipBombDocx(inflatedMb: number, options: { lieAboutSize?: boolean } = {}): Uint8Array<ArrayBuffer> {
  const filler = Buffer.alloc(inflatedMb * 1024 * 1024, 0x20);
  return docxOf(filler, options.lieAboutSize ? 4096 : undefined);
}

/** `depth` unclosed nested elements around a real question and answer. */
export function nestedHtml(depth: number): string {
  return `<html><body><p>Q: Is the port open?</p><p>A: Yes.</p>${"<div>".repeat(depth)}deep</body></html>`;
}

/** A .docx of `count` empty paragraphs and a few real ones (4-5 kB packed). */
export function emptyParagraphsDocx(count: number): Uint8Array<ArrayBuffer> {
  return docxOf(docxParagraph("Q: Is the port open?") + docxParagraph("A: Yes.") + "<w:p/>".repeat(count));
}

/** About `bytes` bytes of pasted "Q:/A:" pairs, each a few words. */
export function shortPairsPaste(bytes: number): string {
  const pair = (n: number) => `Q: Question ${n}?\nA: Answer ${n}.\n\n`;
  const out: string[] = [];
  let size = 0;
  for (let n = 1; size < bytes; n++) {
    const p = pair(n);
    out.push(p);
    size += p.length;
  }
  return out.join("");
}
