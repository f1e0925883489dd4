import { describe, expect, it } from "vitest";
import { hitHeading, pairFromDocument, type DisplayDocument } from "./hit-display";

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
      kind: "pair",
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

  it("marks a statement document as a statement, with its own permalink and heading", () => {
    const statement = { ...doc, kind: "statement" as const, id: "statement-7", url: "/conferences/briefing#statement-7", question: "", answerSpeakers: ["MS. PSAKI"] };
    const shown = pairFromDocument(statement)!;
    expect(shown).toMatchObject({ kind: "statement", url: "/conferences/briefing#statement-7", question: "" });
    expect(hitHeading(shown)).toBe("Statement by MS. PSAKI");
    expect(hitHeading({ ...shown, kind: "pair" })).toBe("MS. PSAKI answers Q");
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

describe("askerLabel", () => {
  it("shows a questioner recorded under the outlet's name once", async () => {
    const { askerLabel } = await import("./hit-display");
    expect(askerLabel("TASS", "TASS")).toBe("TASS");
    expect(askerLabel("Ann Lee", "Daily Wire")).toBe("Ann Lee, Daily Wire");
    expect(askerLabel(null, "Reuters")).toBe("Reuters");
    expect(askerLabel(null, null)).toBe("");
  });
});

describe("matchingPairCount", () => {
  it("adds up the exhaustive language counts instead of the capped estimate", async () => {
    const { matchingPairCount } = await import("./hit-display");
    const facets = {
      lang: [
        { value: "en", count: 9000 },
        { value: "zh", count: 3921 },
      ],
    };
    expect(matchingPairCount({ estimatedTotalHits: 5000, facets }, [], 5000)).toEqual({ count: 12921, exact: true });
    expect(matchingPairCount({ estimatedTotalHits: 3921, facets }, ["zh"], 5000)).toEqual({ count: 3921, exact: true });
  });

  it("without language counts says whether the estimate hit the cap", async () => {
    const { matchingPairCount } = await import("./hit-display");
    expect(matchingPairCount({ estimatedTotalHits: 5000, facets: {} }, [], 5000)).toEqual({ count: 5000, exact: false });
    expect(matchingPairCount({ estimatedTotalHits: 42, facets: {} }, [], 5000)).toEqual({ count: 42, exact: true });
  });
});
