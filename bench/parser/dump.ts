import { readFileSync } from "node:fs";
import { parseTranscript } from "@/lib/transcripts";

// Debug aid for building the gold set: lists every turn of a file in document order with its
// offset, speaker, role and where the current parser put it.
const file = process.argv[2]!;
const text = readFileSync(file, "utf8");
const d = parseTranscript(text);
const rows: Array<[number, string]> = [];
const show = (s: string) => s.replace(/\s+/g, " ").slice(0, Number(process.env.W ?? 110));
for (const s of d.statements) rows.push([s.start, `  STMT ${s.speaker}/${s.role}: ${show(s.text)}`]);
d.pairs.forEach((p, i) => {
  rows.push([p.question.start, `Q#${i} ${p.question.speaker}: ${show(p.question.text)} [${p.flags.join(",")}]`]);
  for (const a of p.answers) rows.push([a.start, `     A ${a.speaker}/${a.role}: ${show(a.text)}`]);
});
for (const u of d.unassigned) rows.push([u.start, `  UNAS ${u.reason}: ${show(u.text)}`]);
rows.sort((a, b) => a[0] - b[0]);
for (const [o, s] of rows) console.log(String(o).padStart(6), s);
console.log("pairs", d.pairs.length, "warnings", d.warnings);
