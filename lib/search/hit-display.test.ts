import { describe, expect, it } from "vitest";
import { pairFromDocument, type DisplayDocument } from "./hit-display";

const doc: DisplayDocument = {
  id: "ab12cd34",
  sourceId: "wh-1",
  url: "/qa/ab12cd34",
  question: "Will the plant open?",
  answerText: "First paragraph.\n\nSecond paragraph.\n\nYes, in spring.",
  // The first turn has two paragraphs: the lengths, not the blank lines, say where turns end.
  answerTurns: [
    { speaker: "MS. PSAKI", chars: "First paragraph.\n\nSecond paragraph.".length },
    { speaker: null, chars: "Yes, in spring.".length },
  ],
  truncated: false,
  answerSpeakers: ["MS. PSAKI"],
  questioner: "Q",
  outlet: null,
  language: "en",
  conferenceTitle: "Briefing",
  conferenceSlug: "briefing",
  date: Date.UTC(2023, 2, 14) / 1000,
};

describe("pairFromDocument", () => {
  it("splits the answer text back into its turns", () => {
    expect(pairFromDocument(doc)).toEqual({
      id: "ab12cd34",
      sourceId: "wh-1",
      url: "/qa/ab12cd34",
      question: "Will the plant open?",
      answers: [
        { speaker: "MS. PSAKI", text: "First paragraph.\n\nSecond paragraph." },
        { speaker: null, text: "Yes, in spring." },
      ],
      answerSpeakers: ["MS. PSAKI"],
      questioner: "Q",
      outlet: null,
      language: "en",
      conference: { title: "Briefing", slug: "briefing", date: "2023-03-14" },
    });
  });

  it.each([
    ["a truncated document", { truncated: true }],
    ["a document indexed before answerTurns", { answerTurns: undefined, truncated: undefined }],
    ["lengths that do not add up", { answerText: `${doc.answerText} more` }],
    ["turns not separated by a blank line", { answerText: doc.answerText!.replace("\n\nYes", "\n Yes") }],
  ])("gives up on %s (the hit is read from Postgres)", (_, change) => {
    expect(pairFromDocument({ ...doc, ...change })).toBeNull();
  });
});
