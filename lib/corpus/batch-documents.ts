import { isVisible, toDocument, type QaPairDocument } from "@/lib/search/documents";
import type { CorpusPair } from "./mapping";

// Search documents for the pairs a batch just wrote, built from the values the batch wrote
// (and read back under lock) instead of a second round of queries. They go through the
// search module's own toDocument, so they are identical to what the outbox worker builds
// from Postgres; tests/corpus/indexing-overlap.test.ts compares both for every pair.

type PairRow = Parameters<typeof toDocument>[0];

/** A conference as committed by the batch, with the columns the search document uses. */
export interface ConferenceState {
  title: string;
  slug: string;
  organizer: string | null;
  /** YYYY-MM-DD */
  heldOn: string | null;
  language: string;
  status: string;
  /** Unix ms of the stored TIMESTAMP(3). */
  updatedMs: number;
}

export interface WrittenPair {
  pair: CorpusPair;
  id: number;
  publicId: string;
  status: string;
  conference: ConferenceState;
}

/**
 * Documents for the written pairs that are publicly visible; invisible ones (an editor
 * unpublished the pair or its conference) are left to the outbox, which removes them.
 * `name` maps a speaker, outlet or topic name from the corpus to the stored row's name
 * (an alias or slug match may be spelled differently in the database).
 */
export function documentsForWrittenPairs(
  written: WrittenPair[],
  updatedMs: number,
  name: (kind: "Speaker" | "Outlet" | "Topic", corpusName: string | null, pair: CorpusPair) => string | null,
): { documents: QaPairDocument[]; pairIds: number[] } {
  const documents: QaPairDocument[] = [];
  const pairIds: number[] = [];
  for (const { pair, id, publicId, status, conference } of written) {
    const speaker = (corpusName: string | null) => {
      const stored = name("Speaker", corpusName, pair);
      return stored === null ? null : { name: stored };
    };
    const outlet = name("Outlet", pair.outlet, pair);
    const row: PairRow = {
      id,
      publicId,
      sourceId: pair.sourceId,
      status: status as PairRow["status"],
      updatedAt: new Date(updatedMs),
      questioner: speaker(pair.questioner),
      outlet: outlet === null ? null : { name: outlet },
      topics: pair.topics.map((topic) => ({ topic: { name: name("Topic", topic, pair)! } })),
      turns: pair.turns.map((turn) => ({ kind: turn.kind, role: turn.role, text: turn.text, speakerLabel: turn.speakerLabel, speaker: speaker(turn.speaker) })),
      conference: {
        title: conference.title,
        slug: conference.slug,
        organizer: conference.organizer,
        heldOn: conference.heldOn === null ? null : new Date(`${conference.heldOn}T00:00:00Z`),
        language: conference.language,
        status: conference.status as PairRow["conference"]["status"],
        updatedAt: new Date(conference.updatedMs),
      },
    };
    if (!isVisible(row)) continue;
    documents.push(toDocument(row));
    pairIds.push(id);
  }
  return { documents, pairIds };
}
