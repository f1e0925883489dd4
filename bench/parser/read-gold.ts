import { readFileSync } from "node:fs";
import path from "node:path";
import { goldDir, sharedDir } from "./gold";
import { rebuildSchema, rebuildTranscript } from "./rebuild";

// Reading aid for a second annotator: the source of one gold file, paragraph by paragraph with
// offsets, WITHOUT the gold positions (only `file`/`rebuild` are read from the gold JSON), so a
// file can be segmented again independently. Usage: tsx bench/parser/read-gold.ts <gold id>
const gold = JSON.parse(readFileSync(path.join(goldDir, `${process.argv[2]}.json`), "utf8")) as { file?: string; rebuild?: unknown };
const width = Number(process.env.W ?? 100000);
const show = (s: string) => s.replace(/\s+/g, " ").slice(0, width);
if (gold.rebuild) {
  const { text, turns } = rebuildTranscript(sharedDir, rebuildSchema.parse(gold.rebuild));
  for (const t of turns) console.log(`${String(t.start).padStart(6)} ${show(t.text)}`);
  console.log(`${text.length} characters, ${turns.length} turns`);
} else {
  const text = readFileSync(path.join(sharedDir, gold.file!), "utf8");
  // Paragraphs: runs of non-blank lines; a single-paragraph file (comma-joined) is cut at labels by the reader.
  for (const m of text.matchAll(/\S[^\n]*(?:\n(?!\s*\n)[^\n]*)*/g)) console.log(`${String(m.index).padStart(6)} ${show(m[0])}`);
  console.log(`${text.length} characters`);
}
