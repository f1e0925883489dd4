// schema.org JSON-LD for one Q&A pair: a QAPage whose Question has the official answer as
// acceptedAnswer, plus the press conference as an Event. Built from plain values so the shape
// can be checked without a database.

export interface QaPageInput {
  url: string;
  question: string;
  questionTitle: string;
  questioner: string | null;
  outlet: string | null;
  answers: { speaker: string; text: string }[];
  conference: { title: string; url: string; heldOn: Date | null; organizer: string | null; location: string | null; language: string };
  dateModified: Date | null;
}

type JsonLd = Record<string, unknown>;

const isoDay = (d: Date) => d.toISOString().slice(0, 10);

export function qaPageJsonLd(input: QaPageInput): JsonLd[] {
  const date = input.conference.heldOn ? isoDay(input.conference.heldOn) : undefined;
  const answerText = input.answers.map((a) => (input.answers.length > 1 ? `${a.speaker}: ${a.text}` : a.text)).join("\n\n");
  const authors = [...new Set(input.answers.map((a) => a.speaker))].map((name) => ({ "@type": "Person", name }));
  const event = eventJsonLd(input.conference);
  const question: JsonLd = {
    "@type": "Question",
    name: input.questionTitle,
    text: input.question,
    answerCount: input.answers.length ? 1 : 0,
    inLanguage: input.conference.language,
    ...(date ? { dateCreated: date } : {}),
    author: input.questioner
      ? { "@type": "Person", name: input.questioner, ...(input.outlet ? { affiliation: { "@type": "Organization", name: input.outlet } } : {}) }
      : input.outlet
        ? { "@type": "Organization", name: input.outlet }
        : { "@type": "Person", name: "Unidentified journalist" },
    ...(input.answers.length
      ? {
          acceptedAnswer: {
            "@type": "Answer",
            text: answerText,
            url: input.url,
            ...(date ? { dateCreated: date } : {}),
            author: authors.length === 1 ? authors[0] : authors,
          },
        }
      : {}),
  };
  return [
    {
      "@context": "https://schema.org",
      "@type": "QAPage",
      url: input.url,
      ...(input.dateModified ? { dateModified: input.dateModified.toISOString() } : {}),
      mainEntity: question,
      about: { "@id": event["@id"] },
    },
    { "@context": "https://schema.org", ...event },
  ];
}

export function eventJsonLd(conference: QaPageInput["conference"]): JsonLd {
  return {
    "@type": "Event",
    "@id": `${conference.url}#event`,
    name: conference.title,
    url: conference.url,
    ...(conference.heldOn ? { startDate: isoDay(conference.heldOn) } : {}),
    eventAttendanceMode: "https://schema.org/OfflineEventAttendanceMode",
    eventStatus: "https://schema.org/EventScheduled",
    inLanguage: conference.language,
    location: { "@type": "Place", name: conference.location ?? conference.organizer ?? "Unknown", address: conference.location ?? conference.organizer ?? "Unknown" },
    ...(conference.organizer ? { organizer: { "@type": "Organization", name: conference.organizer } } : {}),
  };
}

/** Serialises for a <script type="application/ld+json">: "<" escaped so no text can close the tag. */
export function jsonLdScript(data: unknown): string {
  return JSON.stringify(data)
    .replace(/</g, "\\u003c")
    .replace(/\u2028/g, "\\u2028")
    .replace(/\u2029/g, "\\u2029");
}
