import { createHash } from "node:crypto";
import type { Tx } from "@/lib/db/client";
import type { ConferenceInputParsed } from "./conference-input";

type Metadata = ConferenceInputParsed["metadata"];

/** The conference columns that come straight from validated metadata; publish and re-import share them. */
export function conferenceSourceFields(meta: Metadata, retrievedAtFallback: Date | null = null) {
  return {
    title: meta.title,
    heldOn: meta.heldOn ? new Date(`${meta.heldOn}T00:00:00Z`) : null,
    organizer: meta.organizer,
    location: meta.location,
    language: meta.language,
    sourceUrl: meta.sourceUrl ?? null,
    sourceName: meta.sourceName,
    retrievedAt: meta.retrievedAt ? new Date(meta.retrievedAt) : retrievedAtFallback,
    sourceText: meta.sourceText ?? null,
    // Provenance: lets a reader check the stored text against the original.
    sourceSha256: meta.sourceText ? createHash("sha256").update(meta.sourceText).digest("hex") : null,
  };
}

/** The id of the conference this one translates, or null; an unknown slug is an error, not a silent unlink. */
export async function findTranslationTarget(tx: Tx, slug: string | null | undefined): Promise<number | null> {
  if (!slug) return null;
  const target = await tx.conference.findUnique({ where: { slug }, select: { id: true } });
  if (!target) throw new Error(`Translation target "${slug}" does not exist`);
  return target.id;
}
