// Bad input never crashes the parser and never loses text: the editor gets a draft with flags.
import { describe, expect, it } from "vitest";
import { accountFor, isSpeakerFlag, MAX_TRANSCRIPT_BYTES, NO_SPEAKER_LABELS, oneSpeakerWarning, parseTranscript, transcriptDraftSchema, type TranscriptDraft } from "./index";

function parsedWhole(text: string): TranscriptDraft {
  const d = parseTranscript(text);
  expect(transcriptDraftSchema.safeParse(d).success).toBe(true);
  expect(accountFor(text, d)).toEqual([]);
  return d;
}

const filler = (n: number) => Array.from({ length: n }, (_, i) => `The program continues in its ${i + 1}th month with steady results.`).join(" ");

describe("bad input", () => {
  it("unlabelled transcript: one speakerless turn per paragraph, flagged for the editor", () => {
    const text = "Briefing on ports\n\nThe minister opened the session.\n\nWill the tariffs stay?\n\nThey stay, she said.\nUntil next year.\n";
    const d = parsedWhole(text);
    expect(d.pairs).toEqual([]);
    expect(d.unassigned).toEqual([]);
    expect(d.statements.map((s) => [s.speaker, s.role, s.text])).toEqual([
      [null, "unknown", "The minister opened the session."],
      [null, "unknown", "Will the tariffs stay?"],
      [null, "unknown", "They stay, she said. Until next year."],
    ]);
    expect(d.warnings).toContain(NO_SPEAKER_LABELS);
    expect(d.warnings.some(isSpeakerFlag)).toBe(true);
  });

  it("one speaker only: statements and a one-speaker flag, no invented pairs", () => {
    const text = "MS. LEE:  Good afternoon.\n\nMS. LEE:  The bridge reopens Monday.\n\nMS. LEE:  That is all for today.\n";
    const d = parsedWhole(text);
    expect(d.pairs).toEqual([]);
    expect(d.statements).toHaveLength(3);
    expect(d.warnings).toContain("no questions recognised");
    expect(d.warnings).toContain(oneSpeakerWarning("MS. LEE"));
  });

  it("two speakers, or one label plus unlabelled questions, are not flagged as one speaker", () => {
    const two = parsedWhole("Q:  Will the bridge reopen?\n\nMS. LEE:  On Monday.\n");
    const reported = parsedWhole("答：我们注意到有关报道。\n会后有记者问及：中方对此有何评论？\n答：我们一贯主张对话。\n");
    for (const d of [two, reported]) expect(d.warnings.some(isSpeakerFlag)).toBe(false);
  });

  it("OCR-damaged labels in the comma-joined presidential files still separate the turns", () => {
    const text = [
      `[1.] Q. Mr. President, will you sign the farm bill?`,
      `THE PRESIDNT. Yes. ${filler(12)}`,
      `[2.] Q. And what about the tariffs on steel?THE PRESIDENT I think the tariffs stay in place. ${filler(12)}`,
      `[3.] Q. Will you meet the Premier this year?`,
      `TEE PRESIDENT. We have no date yet. ${filler(6)}`,
      `Reporter: Thank you, Mr. President.`,
    ].join(",");
    const d = parsedWhole(text);
    expect(d.pairs.map((p) => p.question.text.slice(0, 20))).toEqual(["Mr. President, will ", "And what about the t", "Will you meet the Pr"]);
    expect(d.pairs.map((p) => p.answers.map((a) => a.role))).toEqual([["official"], ["official"], ["official"]]);
    expect(d.statements.map((s) => s.text)).toEqual(["Thank you, Mr. President."]);
  });

  it("label-like words inside an answer do not start a turn", () => {
    const text = [
      "Q    Did the President call the governor?",
      "",
      "MS. LEE:  He did, this morning.",
      "THE PRESIDENT said afterwards that the call went well.",
      "Q and A sessions will follow next week.",
      "",
      "Q    Will he travel there?",
      "",
      "MS. LEE:  Not this week.",
      "",
    ].join("\n");
    const d = parsedWhole(text);
    expect(d.pairs).toHaveLength(2);
    expect(d.pairs[0]!.answers).toHaveLength(1);
    expect(d.pairs[0]!.answers[0]!.text).toBe("He did, this morning. THE PRESIDENT said afterwards that the call went well. Q and A sessions will follow next week.");
  });

  it("a 5 MB paste is parsed whole", () => {
    const exchange = [
      "Q    Thanks. On the port: the governor says the new terminal opens this year.",
      "MS. LEE:  Yep.",
      "Q    And the tolls?",
      `MS. LEE:  ${filler(8)}`,
      "Q    Right.",
      `MS. LEE:  ${filler(4)}`,
    ].join("\n\n");
    let text = "";
    while (text.length < MAX_TRANSCRIPT_BYTES) text += exchange + "\n\n";
    text = text.slice(0, MAX_TRANSCRIPT_BYTES);
    const d = parsedWhole(text);
    expect(d.pairs.length).toBe(text.split("On the port:").length - 1);
    expect(d.pairs[0]!.answers.map((a) => a.role)).toEqual(["official", "journalist", "official", "journalist", "official"]);
  }, 300_000);

  it("a 5 MB paste with no line breaks and no labels becomes one speakerless turn, not dropped", () => {
    const text = "word ".repeat(MAX_TRANSCRIPT_BYTES / 5);
    const d = parsedWhole(text);
    expect(d.pairs).toEqual([]);
    expect(d.statements).toHaveLength(1);
    expect(d.warnings).toContain(NO_SPEAKER_LABELS);
  }, 300_000);
});
