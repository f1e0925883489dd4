// `npm run import -- <kind> …`: one entry point for every way text enters the archive.
// package.json runs it with --max-old-space-size=320. Unbounded, V8 let the hybrid importer's
// heap grow to ~460 MB, mostly garbage (batches, vectors, JSON), around a live heap of ~200 MB
// measured with a full collection every 2 s: peak RSS 776 MB over 89% of the White House file;
// capped, 571 MB over the same part in the same run, at the same speed (issue 11, impvec2's note).
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
