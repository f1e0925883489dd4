import { db } from "@/lib/db/client";
import { pairKey, readStoredTranscript } from "./transcript-draft";

/** A conference as the transcript editor shows it: the editable draft plus each pair's public id and status. */
export async function loadTranscriptForEdit(slug: string) {
  const stored = await db().$transaction((tx) => readStoredTranscript(tx, slug));
  if (!stored || stored.conference.status === "DRAFT") return null;
  return {
    conference: stored.conference,
    draft: stored.draft,
    /** Statements between pairs, by the key of the pair they follow. */
    interludes: stored.interludes,
    publicIdOf: new Map(stored.pairs.map((p) => [pairKey(p.id), p.publicId])),
    statusOf: new Map(stored.pairs.map((p) => [pairKey(p.id), p.status])),
  };
}
