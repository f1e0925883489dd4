// `npm run import -- <kind> …`: one entry point for every way text enters the archive.
const [kind, ...rest] = process.argv.slice(2);
const usage = "usage: npm run import -- transcript <file> [--dry-run --json]\n       npm run import -- corpus <file.jsonl|file.jsonl.gz> [...]";

let code: number;
if (kind === "transcript") {
  const { runTranscriptImport } = await import("./import-transcript");
  code = await runTranscriptImport(rest);
} else if (kind === "corpus") {
  const { runCorpusImport } = await import("./import-corpus");
  code = await runCorpusImport(rest);
} else {
  console.error(kind ? `unknown import kind "${kind}"\n${usage}` : usage);
  code = 2;
}
process.exit(code);

export {};
