// `npm run import -- transcript <file> --dry-run --json`
// Without --dry-run the transcript is published through the same transaction the editor uses.

import { readFile, stat } from "node:fs/promises";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { assertHasSpeakers, extractText, MAX_TRANSCRIPT_BYTES, parseTranscript, TranscriptInputError, transcriptDraftSchema, type TranscriptDraft } from "../lib/transcripts/index";

const USAGE = "usage: import transcript <file> --dry-run [--json] [--language <code>] [--organizer <name>]";

interface Io {
  out: (s: string) => void;
  err: (s: string) => void;
}

const defaultIo: Io = {
  out: (s) => process.stdout.write(s.endsWith("\n") ? s : s + "\n"),
  err: (s) => process.stderr.write(s.endsWith("\n") ? s : s + "\n"),
};

export async function runTranscriptImport(args: string[], io: Io = defaultIo): Promise<number> {
  const rest = args[0] === "transcript" ? args.slice(1) : [...args];
  let dryRun = false;
  let json = false;
  let language: string | undefined;
  let organizer: string | null = null;
  const files: string[] = [];
  for (let i = 0; i < rest.length; i++) {
    const a = rest[i]!;
    if (a === "--dry-run") dryRun = true;
    else if (a === "--json") json = true;
    else if (a === "--language") language = rest[++i];
    else if (a.startsWith("--language=")) language = a.slice("--language=".length);
    else if (a === "--organizer") organizer = rest[++i] ?? null;
    else if (a.startsWith("--organizer=")) organizer = a.slice("--organizer=".length);
    else if (a.startsWith("--")) {
      io.err(`import transcript: unknown option ${a}; ${USAGE}`);
      return 2;
    } else files.push(a);
  }
  if (files.length !== 1) {
    io.err(`import transcript: expected exactly one file; ${USAGE}`);
    return 2;
  }
  const file = files[0]!;
  if (!dryRun) return publish(file, io);
  try {
    const info = await stat(file).catch(() => null);
    if (!info || !info.isFile()) throw new TranscriptInputError("empty", "file not found");
    if (info.size > MAX_TRANSCRIPT_BYTES) throw new TranscriptInputError("too_large", `the file is ${info.size} bytes; the limit is ${MAX_TRANSCRIPT_BYTES} bytes (5 MB)`);
    const bytes = new Uint8Array(await readFile(file));
    const { text } = await extractText(bytes, path.basename(file));
    const draft = transcriptDraftSchema.parse(parseTranscript(text, language ? { language } : {}));
    assertHasSpeakers(draft);
    if (json) io.out(JSON.stringify(await withPeople(draft, organizer)));
    else {
      const flagged = draft.pairs.filter((p) => p.flags.length > 0).length;
      io.out(
        `${draft.title ?? "(no title)"} | ${draft.date ?? "(no date)"} | ${draft.language}\n` +
          `${draft.pairs.length} pairs (${flagged} flagged), ${draft.statements.length} statements, ` +
          `${draft.unassigned.length} unassigned, ${draft.dropped.length} dropped; speakers: ` +
          draft.speakers.map((s) => `${s.label} (${s.role})`).join(", "),
      );
    }
    return 0;
  } catch (err) {
    const message = err instanceof TranscriptInputError ? err.message : `unexpected error: ${(err as Error).message}`;
    io.err(`import transcript: ${file}: ${message}`);
    return 1;
  }
}

/**
 * Each turn keeps `speaker` exactly as printed and gains `person`: the match key it resolves to
 * in the organizer's archive and, when a database is configured, the existing person (read only).
 */
async function withPeople(draft: TranscriptDraft, organizer: string | null) {
  const { draftMatchKeys, draftWithPeople } = await import("../lib/people/draft-people");
  if (!process.env.DATABASE_URL) return draftWithPeople(draft, organizer);
  const { knownPeopleByKey } = await import("../lib/people/editor");
  const { db } = await import("../lib/db/client");
  try {
    return draftWithPeople(draft, organizer, await knownPeopleByKey(draftMatchKeys(draft, organizer)));
  } finally {
    await db().$disconnect();
  }
}

async function publish(file: string, io: Io): Promise<number> {
  // Publishing writes rows and outbox entries; the search worker indexes them later.
  const { CliServicesError, prepareCliServices } = await import("../lib/dev-services/cli-services");
  try {
    await prepareCliServices(["database", "search"]);
  } catch (err) {
    if (!(err instanceof CliServicesError)) throw err;
    io.err(`import transcript: ${err.message} (or use --dry-run)`);
    return 2;
  }
  const { createHash } = await import("node:crypto");
  const { publishTranscriptFile } = await import("../lib/archive/transcript-file");
  const { db } = await import("../lib/db/client");
  try {
    const sha = createHash("sha256")
      .update(await readFile(file))
      .digest("hex");
    const result = await publishTranscriptFile(file, { sourceKey: `file:${sha}` });
    if (!result) io.out(`already imported: ${file}`);
    else io.out(`published /conferences/${result.slug} with ${result.pairs.length} pairs (queued for indexing)`);
    return 0;
  } catch (err) {
    const message = err instanceof TranscriptInputError ? err.message : (err as Error).message;
    io.err(`import transcript: ${file}: ${message}`);
    return 1;
  } finally {
    await db().$disconnect();
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  runTranscriptImport(process.argv.slice(2)).then((code) => process.exit(code));
}
