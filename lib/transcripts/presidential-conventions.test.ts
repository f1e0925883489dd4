// Conventions found on the presidential news conferences added to the tune half (third round,
// docs/transcripts.md), each on a small synthetic exchange in the dataset's comma-joined form.
import { describe, expect, it } from "vitest";
import { isNonAnswer } from "./exchanges";
import { isShortRemark } from "./reporter-remarks";
import { accountFor, parseTranscript, type TranscriptDraft } from "./index";

const filler = (n: number) => Array.from({ length: n }, (_, i) => `The program continues in its ${i + 1}th month with steady results.`).join(" ");
const starts = (d: TranscriptDraft) => d.pairs.map((p) => p.question.text.slice(0, 20));

function parsed(...paragraphs: string[]): TranscriptDraft {
  const text = paragraphs.join(",");
  const d = parseTranscript(text);
  expect(accountFor(text, d)).toEqual([]);
  return d;
}

describe("presidential news conference conventions", () => {
  it("'He took off 29,000?' / '25,000.' checks a figure of the answer: an interjection, not a pair", () => {
    const d = parsed(
      "Q. Mr. President, is the Secretary cutting his Department?",
      `THE PRESIDENT. He brought us a program to cut back 25,000 of the civilian employees. ${filler(24)}`,
      "Q. He took off 29,000?",
      "THE PRESIDENT. 25,000.",
      "Q. Mr. President, will you see President de Gaulle?",
      "THE PRESIDENT. We have no definite plans yet.",
    );
    expect(starts(d)).toEqual(["Mr. President, is th", "Mr. President, will "]);
    expect(d.pairs[0]!.answers.map((a) => a.role)).toEqual(["official", "journalist", "official"]);
  });

  it("a bare 'Mr. President.' that the President answers by naming the reporter starts the pair", () => {
    const d = parsed(
      "Q. Mr. President, will you sign the farm bill this week?",
      `THE PRESIDENT. Yes. ${filler(12)}`,
      "Q. Mr. President.",
      "THE PRESIDENT. Mr. Horner [Garnett D. Horner, Washington Evening Star].",
      "Q. Mr. President, which Soviet leader do you expect to meet first?",
      `THE PRESIDENT. The Chairman. ${filler(10)}`,
    );
    expect(starts(d)).toEqual(["Mr. President, will ", "Mr. President."]);
    expect(d.pairs[1]!.answers.map((a) => a.role)).toEqual(["official", "journalist", "official"]);
  });

  it("'Both?' after an answer checks its scope: an interjection, and the next real question starts a pair", () => {
    const d = parsed(
      "Q. Mr. President, when will you make the nominations to the Court?",
      "THE PRESIDENT. I will make the nominations next week, bath.",
      "Q. Both?",
      "THE PRESIDENT. Both.",
      "Q. Sir, you are going to have a woman on there, aren't you? [Laughter]",
      `THE PRESIDENT. I certainly don't rule out a woman for consideration. ${filler(20)}`,
      "Q. Mr. President, what about the textile talks?",
      `THE PRESIDENT. They go on. ${filler(8)}`,
    );
    expect(starts(d)).toEqual(["Mr. President, when ", "Sir, you are going t", "Mr. President, what "]);
    expect(d.pairs[0]!.answers.map((a) => a.text)).toEqual(["I will make the nominations next week, bath.", "Both?", "Both."]);
  });
});

describe("predicates", () => {
  it("naming a reporter gives the floor only when nothing was asked", () => {
    expect(isNonAnswer("Mr. Horner [Garnett D. Horner, Washington Evening Star].", { asked: false, cutOff: false })).toBe(true);
    expect(isNonAnswer("Mr. Horner [Garnett D. Horner, Washington Evening Star].", { asked: true, cutOff: false })).toBe(false);
  });

  it("a one-word quantifier question is a remark; a one-word question on something new is not", () => {
    for (const check of ["Both?", "All of them?", "Neither?"]) expect(isShortRemark(check)).toBe(true);
    expect(isShortRemark("Tariffs?")).toBe(false);
  });
});

describe("White House briefing conventions (third round)", () => {
  const briefing = (...rows: Array<[string, string]>) => rows.map(([label, text]) => `${label}  ${text}`).join("\n\n") + "\n";
  const blocks = (text: string) => {
    const d = parseTranscript(text);
    expect(accountFor(text, d)).toEqual([]);
    return d;
  };

  it("'I didn't hear the first part' asks the reporter to repeat: the restated question stays in the pair", () => {
    const d = blocks(
      briefing(
        ["Q", "Will the fares change next year?"],
        ["MS. LEE:", "No. The fares stay as they are until the board meets in the spring."],
        ["Q", "The governor said the mayor was —"],
        ["MS. LEE:", "I —"],
        ["Q", "— politicizing the fares. Was he?"],
        ["MS. LEE:", "I’m sorry. I didn’t hear the first part."],
        ["Q", "The governor said the mayor was politicizing the fares."],
        ["MS. LEE:", "The mayor is trying to keep the buses running for families across the county."],
      ),
    );
    expect(starts(d)).toEqual(["Will the fares chang", "The governor said th"]);
  });
});
