import { readFile } from "node:fs/promises";
import path from "node:path";
import { z } from "zod";
import { db } from "@/lib/db/client";
import { assertHasSpeakers } from "@/lib/transcripts/formats";
import { readTranscript, type TranscriptSource } from "@/lib/transcripts/read-transcript";
import { httpUrlSchema } from "@/lib/urls/http-url";
import type { ConferenceInput } from "./conference-input";
import { conferenceInputFromDraft } from "./from-draft";
import { publishConference, type PublishResult } from "./publish";
import { alignPublishedConference } from "@/lib/alignment/window";

export const SAMPLE_DIR = path.resolve(import.meta.dirname, "../../prisma/sample");

const manifestSchema = z.array(
  z.object({
    file: z.string(),
    slug: z.string(),
    title: z.string(),
    heldOn: z.string().nullable().optional(),
    organizer: z.string().nullable().optional(),
    location: z.string().nullable().optional(),
    language: z.string().default("en"),
    sourceName: z.string().nullable().optional(),
    sourceUrl: httpUrlSchema.nullable().optional(),
    translationOf: z.string().nullable().optional(),
    topics: z.array(z.string()).optional(),
  }),
);

type TranscriptMetadata = Partial<ConferenceInput["metadata"]> & { sourceKey: string };

/**
 * Reads (same checks and caps as an editor upload) and publishes a transcript unless a
 * conference with the same sourceKey exists. Runs in-process: its callers are the CLI and
 * the startup sample loader, never a web request.
 */
async function publishTranscriptSource(
  source: TranscriptSource,
  metadata: TranscriptMetadata,
  options: { topics?: string[]; userId?: number | null },
): Promise<PublishResult | null> {
  const existing = await db().conference.findUnique({ where: { sourceKey: metadata.sourceKey }, select: { id: true } });
  if (existing) return null;
  const { text, draft } = await readTranscript(source);
  // Published without review, so a text nobody is speaking in is refused here rather than drafted.
  assertHasSpeakers(draft);
  const input = conferenceInputFromDraft(draft, { ...metadata, sourceText: text });
  if (options.topics?.length) for (const pair of input.pairs) pair.topics = options.topics;
  const published = await publishConference(input, { userId: options.userId });
  await alignPublishedConference(published.conferenceId);
  return published;
}

/** Parses and publishes transcript text unless a conference with the same sourceKey exists. */
export async function publishTranscriptText(
  text: string,
  metadata: TranscriptMetadata,
  options: { topics?: string[]; userId?: number | null } = {},
): Promise<PublishResult | null> {
  return publishTranscriptSource({ kind: "text", text }, metadata, options);
}

/** Same as publishTranscriptText, for a .txt, .md, .html or .docx file. */
export async function publishTranscriptFile(
  file: string,
  metadata: TranscriptMetadata,
  options: { topics?: string[]; userId?: number | null } = {},
): Promise<PublishResult | null> {
  return publishTranscriptSource({ kind: "file", fileName: path.basename(file), bytes: new Uint8Array(await readFile(file)) }, metadata, options);
}

/** Loads the fictional sample archive shipped in prisma/sample; entries already present are skipped. */
export async function loadSampleArchive(log: (line: string) => void = () => {}): Promise<number> {
  const manifest = manifestSchema.parse(JSON.parse(await readFile(path.join(SAMPLE_DIR, "manifest.json"), "utf8")));
  // Originals first, so a translation can link to its twin.
  const ordered = [...manifest].sort((a, b) => Number(Boolean(a.translationOf)) - Number(Boolean(b.translationOf)));
  let loaded = 0;
  for (const entry of ordered) {
    const result = await publishTranscriptFile(
      path.join(SAMPLE_DIR, entry.file),
      {
        sourceKey: `sample:${entry.slug}`,
        slug: entry.slug,
        title: entry.title,
        heldOn: entry.heldOn ?? null,
        organizer: entry.organizer ?? null,
        location: entry.location ?? null,
        language: entry.language,
        sourceName: entry.sourceName ?? null,
        sourceUrl: entry.sourceUrl ?? null,
        translationOfSlug: entry.translationOf ?? null,
      },
      { topics: entry.topics },
    );
    if (result) {
      loaded++;
      log(`loaded sample conference ${result.slug} (${result.pairs.length} pairs)`);
    }
  }
  return loaded;
}

/** The real SCIO seed page from ../shared, used by tests and demos. */
export async function publishSeedPage(file: string): Promise<PublishResult | null> {
  return publishTranscriptFile(file, {
    sourceKey: `seed:${path.basename(file)}`,
    organizer: "State Council Information Office",
    location: "Beijing",
    sourceUrl: null,
  });
}
