// One small synthetic transcript per segmentation convention (NOTES-parser.md).
import { describe, expect, it } from "vitest";
import { isNonAnswer, isPleasantry } from "./exchanges";
import { isShortRemark } from "./reporter-remarks";
import { accountFor, parseTranscript, type TranscriptDraft } from "./index";

/** Builds a blank-line separated briefing from [label, text] rows. */
const briefing = (...rows: Array<[string, string]>) => rows.map(([label, text]) => `${label}  ${text}`).join("\n\n") + "\n";
const starts = (d: TranscriptDraft) => d.pairs.map((p) => p.question.text.slice(0, 24));
const speakersIn = (d: TranscriptDraft, i: number) => d.pairs[i]!.answers.map((a) => `${a.speaker}/${a.role}`);

function parsed(text: string): TranscriptDraft {
  const d = parseTranscript(text);
  expect(accountFor(text, d)).toEqual([]);
  return d;
}

describe("segmentation conventions", () => {
  it("keeps opening statements before the first question out of pairs", () => {
    const d = parsed(
      briefing(
        ["MS. LEE:", "Good afternoon. Two items at the top. First, the bridge reopens Monday."],
        ["Q", "Will tolls change?"],
        ["MS. LEE:", "No, tolls stay the same this year."],
      ),
    );
    expect(d.statements.map((s) => s.speaker)).toEqual(["MS. LEE"]);
    expect(d.pairs).toHaveLength(1);
  });

  it("starts a pair at a request for the floor, and the official's go-ahead stays inside it", () => {
    const d = parsed(
      briefing(
        ["Q", "Is the port open?"],
        ["MS. LEE:", "It reopened this morning after the inspection was finished."],
        ["Q", "Can I ask one on trade?"],
        ["MS. LEE:", "Sure, go ahead."],
        ["Q", "Will the tariff review finish this month?"],
        ["MS. LEE:", "We expect it to finish by the end of the month."],
      ),
    );
    expect(starts(d)).toEqual(["Is the port open?", "Can I ask one on trade?"]);
    expect(speakersIn(d, 1)).toEqual(["MS. LEE/official", "Q/journalist", "MS. LEE/official"]);
  });

  it("keeps a reporter's interjection inside the answer, and the answer goes on after it", () => {
    const d = parsed(
      briefing(
        ["Q", "What happens to the workers at the plant?"],
        ["MS. LEE:", "Well, first, every worker keeps a job through the retooling, and —"],
        ["Q", "Right."],
        ["MS. LEE:", "— and second, the training program is paid for by the state."],
      ),
    );
    expect(d.pairs).toHaveLength(1);
    expect(speakersIn(d, 0)).toEqual(["MS. LEE/official", "Q/journalist", "MS. LEE/official"]);
  });

  it("does not count an acknowledgement as the answer: the question goes on", () => {
    const d = parsed(
      briefing(
        ["Q", "The governor said yesterday that he supports the plan."],
        ["MS. LEE:", "Yep."],
        ["Q", "Does the President support it too?"],
        ["MS. LEE:", "He does, and he will say so on Friday."],
      ),
    );
    expect(d.pairs).toHaveLength(1);
    expect(d.pairs[0]!.answers.at(-1)!.text).toBe("He does, and he will say so on Friday.");
  });

  it("takes a one-word answer to a yes/no question as a real answer", () => {
    const d = parsed(briefing(["Q", "Is the port open?"], ["MS. LEE:", "Yes."], ["Q", "Since when?"], ["MS. LEE:", "Since this morning."]));
    expect(starts(d)).toEqual(["Is the port open?", "Since when?"]);
  });

  it("starts a new pair for a follow-up by the same reporter after a real answer", () => {
    const d = parsed(
      briefing(
        ["Q", "Will the President sign the bill?"],
        ["MS. LEE:", "He has said he will sign it as soon as it reaches his desk."],
        ["Q", "And if the Senate changes it?"],
        ["MS. LEE:", "Then we will look at the changes."],
      ),
    );
    expect(d.pairs).toHaveLength(2);
    expect(d.pairs[1]!.flags).toContain("follow_up");
  });

  it("keeps line checks and thanks outside pairs as procedural statements", () => {
    const d = parsed(
      briefing(
        ["Q", "Thanks. Can you hear me?"],
        ["MS. LEE:", "Yes, we can."],
        ["Q", "What is the timeline for the new rules?"],
        ["MS. LEE:", "The rules take effect in June."],
        ["Q", "Thank you."],
        ["MS. LEE:", "Thank you, everyone."],
      ),
    );
    expect(starts(d)).toEqual(["What is the timeline for"]);
    expect(d.statements.map((s) => s.text)).toEqual(["Thanks. Can you hear me?", "Yes, we can.", "Thank you.", "Thank you, everyone."]);
  });

  it("gives a moderator's hand-over to the answer before it, and skips a colleague's hand-off for the answerer", () => {
    const text = [
      "Q: What does the data show?",
      "SLAVITT: Dr. Walensky?",
      "WALENSKY: Cases fell by a third in two weeks, and deaths are falling too.",
      "MODERATOR: Next question, Steve Portnoy, CBS.",
      "Q: Are the fears irrational?",
      "WALENSKY: No, they are understandable.",
    ].join("\n");
    const d = parsed(text);
    expect(d.pairs).toHaveLength(2);
    expect(d.pairs[0]!.answers.map((a) => a.speaker)).toEqual(["SLAVITT", "WALENSKY", "MODERATOR"]);
    expect(d.pairs[0]!.flags).not.toContain("multi_answerer");
  });

  it("does not take a counter-question asking what the reporter means for the answer", () => {
    const d = parsed(
      briefing(
        ["Q", "The senator says colleges teach un-American ideas. Will the President respond?"],
        ["MS. LEE:", "What are the un-American ideas?"],
        ["Q", "He points to the history curriculum."],
        ["MS. LEE:", "Then I would say the curriculum is up to the colleges, not to the senator."],
      ),
    );
    expect(d.pairs).toHaveLength(1);
  });
});

describe("turn predicates", () => {
  it.each([
    ["Yep.", false, true],
    ["Sure. Of course.", false, true],
    ["Yes.", true, false],
    ["Yeah, again — oh, sorry. I apologize. I interrupted you. Please go ahead.", true, true],
    ["We're just not quite there yet. Go ahead.", true, false],
    ["Dr. Fauci, do you want to begin?", true, true],
    ["An electric Beast.", false, true],
    ["The review is ongoing.", true, false],
  ])("isNonAnswer(%j, asked=%s) is %s", (text, asked, expected) => {
    expect(isNonAnswer(text, { asked, cutOff: false })).toBe(expected);
  });

  it.each([
    ["Thank you, Mr. President.", true],
    ["Thanks very much. Can you hear me?", true],
    ["Thank you. What about the tariffs?", false],
    ["Thanks, Jen. Back to infrastructure: will the bill pass?", false],
  ])("isPleasantry(%j) is %s", (text, expected) => expect(isPleasantry(text)).toBe(expected));

  it.each([
    ["Right.", true],
    ["There are several, but —", true],
    ["On that point?", true],
    ["Why?", false],
    ["Is the port open to container ships from today?", false],
  ])("isShortRemark(%j) is %s", (text, expected) => expect(isShortRemark(text)).toBe(expected));
});
