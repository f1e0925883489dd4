// A .docx is a zip archive, and a 1 MB zip can inflate to gigabytes. Before any library
// inflates it, the central directory is read here (it states every entry's sizes), and each
// entry is then inflated with a byte cap equal to its stated size, so an archive that lies
// about its sizes is refused too. Pure: bytes in, verdict out.

import { inflateRawSync } from "node:zlib";
import { TranscriptInputError } from "./input-error";

export const MAX_DOCX_UNCOMPRESSED_BYTES = 25 * 1024 * 1024;
export const MAX_DOCX_ENTRIES = 2000;
/** Word's XML compresses about 5-20x; beyond this an entry is built to explode, not to be read. */
export const MAX_DOCX_RATIO = 200;
/** mammoth slows to seconds per 10,000 paragraphs; a long briefing has about 1,500. */
export const MAX_DOCX_PARAGRAPHS = 10_000;
/** Small entries may compress well without being dangerous (an empty styles part, say). */
const RATIO_FLOOR_BYTES = 1024 * 1024;

export interface ZipEntry {
  name: string;
  method: number;
  compressedSize: number;
  uncompressedSize: number;
  localHeaderOffset: number;
}

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;

function notZip(why: string): never {
  throw new TranscriptInputError("unsupported_format", `the file is not a readable .docx (${why})`);
}

/** The entries listed in the central directory, without inflating anything. */
export function readZipDirectory(bytes: Uint8Array): ZipEntry[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  // The end record is 22 bytes plus a comment of at most 65535 bytes.
  let eocd = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 0xffff); i--) {
    if (view.getUint32(i, true) === EOCD) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) notZip("no zip directory found");
  const count = view.getUint16(eocd + 10, true);
  const size = view.getUint32(eocd + 12, true);
  const offset = view.getUint32(eocd + 16, true);
  // ZIP64 marks its sizes with all-ones; a transcript under 5 MB never needs it.
  if (count === 0xffff || size === 0xffffffff || offset === 0xffffffff) notZip("ZIP64 archives are not accepted");
  if (count > MAX_DOCX_ENTRIES) throw new TranscriptInputError("too_large", `the .docx holds ${count} files; the limit is ${MAX_DOCX_ENTRIES}`);
  if (offset + size > eocd) notZip("its directory points outside the file");
  const entries: ZipEntry[] = [];
  let at = offset;
  for (let n = 0; n < count; n++) {
    if (at + 46 > eocd || view.getUint32(at, true) !== CENTRAL) notZip("its directory is damaged");
    const nameLength = view.getUint16(at + 28, true);
    const extraLength = view.getUint16(at + 30, true);
    const commentLength = view.getUint16(at + 32, true);
    entries.push({
      method: view.getUint16(at + 10, true),
      compressedSize: view.getUint32(at + 20, true),
      uncompressedSize: view.getUint32(at + 24, true),
      localHeaderOffset: view.getUint32(at + 42, true),
      name: new TextDecoder().decode(bytes.subarray(at + 46, at + 46 + nameLength)),
    });
    at += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

/** Refuses archives whose stated sizes are too large or too compressed; cheap, nothing is inflated. */
export function checkZipDirectory(entries: ZipEntry[]): void {
  let total = 0;
  for (const entry of entries) {
    total += entry.uncompressedSize;
    if (total > MAX_DOCX_UNCOMPRESSED_BYTES)
      throw new TranscriptInputError(
        "too_large",
        `the .docx unpacks to more than ${MAX_DOCX_UNCOMPRESSED_BYTES / 1024 / 1024} MB; the limit is ${MAX_DOCX_UNCOMPRESSED_BYTES / 1024 / 1024} MB`,
      );
    if (entry.uncompressedSize > RATIO_FLOOR_BYTES && entry.uncompressedSize > entry.compressedSize * MAX_DOCX_RATIO)
      throw new TranscriptInputError(
        "too_large",
        `"${entry.name}" in the .docx is compressed ${Math.round(entry.uncompressedSize / Math.max(1, entry.compressedSize))}:1, which only zip bombs do`,
      );
  }
}

/**
 * Inflates every entry with a cap of its stated size: stated sizes are checked, actual ones
 * must match. Returns the inflated main document part (word/document.xml), if any.
 */
export function verifyZipSizes(bytes: Uint8Array, entries: ZipEntry[]): Buffer | null {
  let document: Buffer | null = null;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  for (const entry of entries) {
    const at = entry.localHeaderOffset;
    if (at + 30 > bytes.length || view.getUint32(at, true) !== LOCAL) notZip(`"${entry.name}" is damaged`);
    const start = at + 30 + view.getUint16(at + 26, true) + view.getUint16(at + 28, true);
    const end = start + entry.compressedSize;
    if (end > bytes.length) notZip(`"${entry.name}" is cut short`);
    if (entry.method === 0) {
      if (entry.compressedSize !== entry.uncompressedSize) notZip(`"${entry.name}" has inconsistent sizes`);
      continue;
    }
    if (entry.method !== 8) notZip(`"${entry.name}" uses an unsupported compression method`);
    let inflated: Buffer;
    try {
      inflated = inflateRawSync(bytes.subarray(start, end), { maxOutputLength: Math.max(1, entry.uncompressedSize) });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === "ERR_BUFFER_TOO_LARGE")
        throw new TranscriptInputError("too_large", `"${entry.name}" in the .docx unpacks to more than the size it states`);
      notZip(`"${entry.name}" cannot be unpacked`);
    }
    if (inflated.length !== entry.uncompressedSize) notZip(`"${entry.name}" unpacks to a different size than it states`);
    if (entry.name === "word/document.xml") document = inflated;
  }
  return document;
}

/** Paragraphs are counted in the XML before mammoth, whose time grows with them, reads it. */
function checkParagraphCount(documentXml: Buffer | null): void {
  if (!documentXml) return;
  const paragraphs = documentXml.toString("utf8").match(/<w:p[\s>/]/g)?.length ?? 0;
  if (paragraphs > MAX_DOCX_PARAGRAPHS)
    throw new TranscriptInputError("too_complex", `the .docx has ${paragraphs} paragraphs; one import takes at most ${MAX_DOCX_PARAGRAPHS}, so split it`);
}

/** All checks, in order of cost. */
export function assertSafeDocx(bytes: Uint8Array): void {
  const entries = readZipDirectory(bytes);
  checkZipDirectory(entries);
  checkParagraphCount(verifyZipSizes(bytes, entries));
}
