import { cache } from "react";
import { isAnswererTurn } from "@/lib/archive/answerers";
import { publicBaseUrl } from "@/lib/env";
import { httpUrlOrNull } from "@/lib/urls/http-url";
import type { CitationSource } from "@/lib/citations";
import type { QaPageInput } from "@/lib/structured-data/qa-page";
import { routeQa } from "./qa-routing";
import type { QaPairRecord } from "./qa";
import { turnSpeakerName } from "./qa";
import { conferencePath, pairTitle, qaPath } from "./paths";

/** One lookup per request, shared by generateMetadata, the page and the OG image. */
export const routeQaCached = cache(routeQa);

export function answerTurns(pair: QaPairRecord) {
  return pair.turns.filter((t) => t.kind === "ANSWER");
}

export function answererNames(pair: QaPairRecord): string[] {
  return [...new Set(pair.turns.filter(isAnswererTurn).map(turnSpeakerName))];
}

function originalOf(conference: { sourceUrl: string | null; sourceName: string | null }): CitationSource["original"] {
  const url = httpUrlOrNull(conference.sourceUrl);
  return url ? { name: conference.sourceName, url } : null;
}

export function citationSource(pair: QaPairRecord, question: string, accessed = new Date()): CitationSource {
  return {
    publicId: pair.publicId,
    title: pairTitle(question),
    answerers: answererNames(pair),
    conferenceTitle: pair.conference.title,
    organizer: pair.conference.organizer,
    location: pair.conference.location,
    heldOn: pair.conference.heldOn,
    url: `${publicBaseUrl()}${qaPath(pair.publicId, question)}`,
    accessed,
    // Only a web address a reader can follow is cited; anything else stored there is left out.
    original: originalOf(pair.conference),
  };
}

export function structuredDataInput(pair: QaPairRecord, question: string): QaPageInput {
  const base = publicBaseUrl();
  return {
    url: `${base}${qaPath(pair.publicId, question)}`,
    question,
    questionTitle: pairTitle(question),
    questioner: pair.questioner?.name ?? null,
    outlet: pair.outlet?.name ?? null,
    answers: answerTurns(pair).map((t) => ({ speaker: turnSpeakerName(t), text: t.text })),
    conference: {
      title: pair.conference.title,
      url: `${base}${conferencePath(pair.conference.slug)}`,
      heldOn: pair.conference.heldOn,
      organizer: pair.conference.organizer,
      location: pair.conference.location,
      language: pair.conference.language,
    },
    dateModified: pair.correctedAt ?? null,
  };
}
