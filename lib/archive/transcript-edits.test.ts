import { describe, expect, it } from "vitest";
import type { EditableDraft } from "@/lib/drafts/model";
import { applyTranscriptOp, transcriptEditFromForm, transcriptOpSchema } from "./transcript-edits";

function draft(): EditableDraft {
  const turn = (id: string, speaker: string | null, role: "official" | "journalist" | "unknown", text: string) => ({ id, speaker, role, text, start: null, end: null });
  return {
    metadata: { title: "t", heldOn: null, organizer: null, location: null, language: "en", sourceUrl: null, sourceName: null, translationOfSlug: null },
    header: null,
    statements: [],
    unassigned: [],
    dropped: [],
    warnings: [],
    outlets: ["TASS"],
    nextId: 100,
    speakers: [
      { label: "Mao Ning", role: "official" },
      { label: "Ann", role: "journalist" },
    ],
    pairs: [
      {
        id: "p1",
        question: { ...turn("t2", "Ann", "journalist", "When?"), outlet: "TASS" },
        answers: [turn("t3", "Mao Ning", "official", "Soon."), turn("t4", null, "official", "Next question!")],
        flags: [],
      },
      { id: "p5", question: { ...turn("t6", "Bo", "journalist", "Why?"), outlet: null }, answers: [turn("t7", "Mao Ning", "official", "Because.")], flags: [] },
    ],
  };
}
const op = (raw: Record<string, unknown>) => transcriptOpSchema.parse(raw);

describe("applyTranscriptOp", () => {
  it("deletes an answer turn and leaves the input untouched", () => {
    const before = draft();
    const after = applyTranscriptOp(before, op({ op: "deleteTurn", turnId: "t4" }));
    expect(after.pairs[0].answers.map((a) => a.id)).toEqual(["t3"]);
    expect(before.pairs[0].answers).toHaveLength(2);
  });

  it("refuses to delete a question or the last answer of a pair, saying what to do instead", () => {
    expect(() => applyTranscriptOp(draft(), op({ op: "deleteTurn", turnId: "t2" }))).toThrow(/question of pair 1.*Merge the pair/);
    expect(() => applyTranscriptOp(draft(), op({ op: "deleteTurn", turnId: "t7" }))).toThrow(/last answer of pair 2/);
    expect(() => applyTranscriptOp(draft(), op({ op: "deleteTurn", turnId: "t99" }))).toThrow(/no longer in this conference/);
  });

  it("adds a turn after an answer, after a question (as the first answer) and after a statement", () => {
    const before = draft();
    const added = applyTranscriptOp(before, op({ op: "addTurnAfter", turnId: "t3", speaker: "Ann", role: "journalist", text: "Sorry, when exactly?" }));
    expect(added.pairs[0].answers.map((a) => [a.id, a.text])).toEqual([
      ["t3", "Soon."],
      ["t100", "Sorry, when exactly?"],
      ["t4", "Next question!"],
    ]);
    expect(added.nextId).toBe(101);
    expect(before.pairs[0].answers).toHaveLength(2);
    const first = applyTranscriptOp(draft(), op({ op: "addTurnAfter", turnId: "t6", speaker: "Lin", role: "moderator", text: "Go ahead." }));
    expect(first.pairs[1].answers.map((a) => a.text)).toEqual(["Go ahead.", "Because."]);
    expect(first.speakers).toContainEqual({ label: "Lin", role: "moderator" });
    const withStatement = { ...draft(), statements: [{ id: "t1", speaker: "Lin", role: "moderator" as const, text: "Welcome.", start: null, end: null }] };
    expect(applyTranscriptOp(withStatement, op({ op: "addTurnAfter", turnId: "t1", speaker: null, role: "official", text: "Thanks." })).statements.map((t) => t.text)).toEqual([
      "Welcome.",
      "Thanks.",
    ]);
  });

  it("refuses an empty new turn or an unknown anchor turn", () => {
    expect(() => op({ op: "addTurnAfter", turnId: "t3", role: "official", text: "  " })).toThrow(/Type the text of the new turn/);
    expect(() => applyTranscriptOp(draft(), op({ op: "addTurnAfter", turnId: "t99", role: "official", text: "x" }))).toThrow(/no longer in this conference/);
  });

  it("saves speaker, role and text in one step; the chosen role wins over the known speaker's", () => {
    const after = applyTranscriptOp(draft(), op({ op: "saveTurn", turnId: "t4", speaker: "Mao Ning", role: "journalist", text: "Next question, please!" }));
    expect(after.pairs[0].answers[1]).toMatchObject({ speaker: "Mao Ning", role: "journalist", text: "Next question, please!" });
  });

  it("renames a speaker on every turn when asked", () => {
    const after = applyTranscriptOp(draft(), op({ op: "saveTurn", turnId: "t3", speaker: "Mao Ning (MFA)", role: "official", text: "Soon.", renameEverywhere: "on" }));
    expect([after.pairs[0].answers[0].speaker, after.pairs[1].answers[0].speaker]).toEqual(["Mao Ning (MFA)", "Mao Ning (MFA)"]);
    const one = applyTranscriptOp(draft(), op({ op: "saveTurn", turnId: "t3", speaker: "Mao Ning (MFA)", role: "official", text: "Soon." }));
    expect(one.pairs[1].answers[0].speaker).toBe("Mao Ning");
  });
});

describe("transcriptEditFromForm", () => {
  it("reads the pressed button as the operation", () => {
    const form = new FormData();
    for (const [k, v] of Object.entries({ slug: "s", version: "3", turnId: "t4", op: "moveTurnNext", text: "x", correctionNote: "" })) form.set(k, v);
    expect(transcriptEditFromForm(form)).toMatchObject({ slug: "s", version: "3", edit: { op: "moveTurn", turnId: "t4", direction: "next" } });
  });
});
