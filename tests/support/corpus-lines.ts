import { openCorpusFile } from "@/lib/corpus/reader";

/** Lines `from`..`to` (1-based, inclusive) of a corpus file, gzipped or not, read with the importer's own reader. */
export async function corpusLines(file: string, from: number, to: number): Promise<string[]> {
  const reader = await openCorpusFile(file);
  const lines: string[] = [];
  try {
    for await (const { lineNumber, text } of reader.lines()) {
      if (lineNumber > to) break;
      if (lineNumber >= from) lines.push(text);
    }
  } finally {
    reader.close();
  }
  return lines;
}
