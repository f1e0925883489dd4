import { rebuildTranscript, rebuildSchema } from "./rebuild";
import { sharedDir } from "./gold";

// Reading aid for segmenting a rebuilt conference by hand: every printed turn with its
// offset, in full, independent of the parser. Usage: tsx bench/parser/read.ts '<rebuild JSON>'
const spec = rebuildSchema.parse(JSON.parse(process.argv[2]!));
const { text, turns } = rebuildTranscript(sharedDir, spec);
const width = Number(process.env.W ?? 100000);
for (const t of turns)
  console.log(`${String(t.start).padStart(6)} ${t.kind === "question" ? "Q" : t.kind === "answer" ? "  A" : "#"} ${t.text.replace(/\s+/g, " ").slice(0, width)}`);
console.log(`${text.length} characters, ${turns.length} turns`);
