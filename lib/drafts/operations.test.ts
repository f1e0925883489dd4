import { describe, expect, it } from "vitest";
import { conferenceInputFromDraft, DraftNotReadyError } from "./conference";
import { editableDraftFrom, type EditableDraft } from "./model";
import { allTurns, applyDraftEdit, DraftEditError, splitOffsetBefore } from "./operations";

function sample(): EditableDraft {
  return editableDraftFrom({
    title: "Regular briefing",
    date: "2024-05-16",
    language: "en",
    sourceName: "Example",
    header: { start: 0, end: 10 },
    statements: [{ speaker: "Host", text: "Good afternoon.", start: 11, end: 26, role: "moderator" }],
    pairs: [
      {
        question: { speaker: "Reuters", outlet: "Reuters", text: "What about trade?", start: 30, end: 47 },
        answers: [
          { speaker: "Host", text: "Minister Li will answer.", start: 50, end: 74, role: "moderator" },
          { speaker: "Li", text: "Trade grew. Next question please.", start: 80, end: 113, role: "official" },
        ],
        flags: ["speaker_unknown"],
      },
      {
        question: { speaker: null, outlet: null, text: "And energy?", start: 120, end: 131 },
        answers: [{ speaker: "Li", text: "Energy is fine.", start: 135, end: 150, role: "official" }],
        flags: ["no_question_label"],
      },
    ],
    unassigned: [],
    dropped: [],
    warnings: [],
    speakers: [
      { label: "Host", role: "moderator" },
      { label: "Li", role: "official" },
    ],
  });
}

const ids = (d: EditableDraft) => d.pairs.map((p) => [p.question.id, ...p.answers.map((a) => a.id)]);

describe("editableDraftFrom", () => {
  it("gives every turn and pair a distinct id", () => {
    const d = sample();
    const all = [...allTurns(d).map((t) => t.id), ...d.pairs.map((p) => p.id)];
    expect(new Set(all).size).toBe(all.length);
    expect(d.outlets).toEqual(["Reuters"]);
  });
});

describe("applyDraftEdit", () => {
  it("reassigns a speaker, takes the known speaker's role and never mutates its input", () => {
    const d = sample();
    const before = structuredClone(d);
    const turn = d.pairs[1].answers[0];
    const next = applyDraftEdit(d, { op: "setSpeaker", turnId: turn.id, speaker: "Host" });
    expect(next.pairs[1].answers[0]).toMatchObject({ speaker: "Host", role: "moderator" });
    expect(d).toEqual(before);
  });

  it("adds a new speaker label to the speaker list", () => {
    const d = sample();
    const next = applyDraftEdit(d, { op: "setSpeaker", turnId: d.pairs[1].question.id, speaker: "CCTV reporter" });
    expect(next.speakers.map((s) => s.label)).toContain("CCTV reporter");
  });

  it("changes a role but refuses to make a question an official's turn", () => {
    const d = sample();
    const next = applyDraftEdit(d, { op: "setRole", turnId: d.pairs[0].answers[0].id, role: "official" });
    expect(next.pairs[0].answers[0].role).toBe("official");
    expect(() => applyDraftEdit(d, { op: "setRole", turnId: d.pairs[0].question.id, role: "official" })).toThrow(DraftEditError);
  });

  it("splits an answer at an offset into two turns of the same speaker", () => {
    const d = sample();
    const turn = d.pairs[0].answers[1];
    const offset = splitOffsetBefore(turn.text, "Next question");
    const next = applyDraftEdit(d, { op: "splitTurn", turnId: turn.id, offset });
    expect(next.pairs[0].answers.map((a) => [a.speaker, a.text])).toEqual([
      ["Host", "Minister Li will answer."],
      ["Li", "Trade grew."],
      ["Li", "Next question please."],
    ]);
    expect(next.pairs[0].answers[2].start).toBe(80 + offset);
    expect(next.nextId).toBe(d.nextId + 1);
  });

  it("splits a question so that its tail becomes an unattributed first answer", () => {
    const d = sample();
    const next = applyDraftEdit(d, { op: "splitTurn", turnId: d.pairs[1].question.id, offset: 4 });
    expect(next.pairs[1].question.text).toBe("And");
    expect(next.pairs[1].answers[0]).toMatchObject({ text: "energy?", speaker: null, role: "unknown" });
  });

  it("rejects a split that would leave an empty part", () => {
    const d = sample();
    expect(() => applyDraftEdit(d, { op: "splitTurn", turnId: d.pairs[1].question.id, offset: 99 })).toThrow(/inside its text/);
  });

  it("merges a turn with the next one in the same pair and refuses at the end", () => {
    const d = sample();
    const next = applyDraftEdit(d, { op: "mergeWithNext", turnId: d.pairs[0].answers[0].id });
    expect(next.pairs[0].answers).toHaveLength(1);
    expect(next.pairs[0].answers[0].text).toBe("Minister Li will answer.\n\nTrade grew. Next question please.");
    expect(next.pairs[0].answers[0]).toMatchObject({ start: 50, end: 113 });
    expect(() => applyDraftEdit(d, { op: "mergeWithNext", turnId: d.pairs[0].answers[1].id })).toThrow(DraftEditError);
  });

  it("moves the last answer into the next pair and the first answer back, flagging an empty pair", () => {
    const d = sample();
    const moved = applyDraftEdit(d, { op: "moveTurn", turnId: d.pairs[0].answers[1].id, direction: "next" });
    expect(moved.pairs[0].answers).toHaveLength(1);
    expect(moved.pairs[1].answers.map((a) => a.text)).toEqual(["Trade grew. Next question please.", "Energy is fine."]);
    const back = applyDraftEdit(moved, { op: "moveTurn", turnId: moved.pairs[1].answers[0].id, direction: "previous" });
    expect(ids(back)).toEqual(ids(d));

    const emptied = applyDraftEdit(d, { op: "moveTurn", turnId: d.pairs[1].answers[0].id, direction: "previous" });
    expect(emptied.pairs[1].answers).toHaveLength(0);
    expect(emptied.pairs[1].flags).toContain("no_answer");
    expect(() => applyDraftEdit(d, { op: "moveTurn", turnId: d.pairs[0].answers[1].id, direction: "previous" })).toThrow(/first answer/);
  });

  it("starts a new pair at an answer and merges it back", () => {
    const d = sample();
    const split = applyDraftEdit(d, { op: "startPairAt", turnId: d.pairs[0].answers[1].id });
    expect(split.pairs).toHaveLength(3);
    expect(split.pairs[1].question).toMatchObject({ text: "Trade grew. Next question please.", role: "journalist" });
    expect(split.pairs[1].flags).toContain("no_answer");
    const merged = applyDraftEdit(split, { op: "mergePairIntoPrevious", pairId: split.pairs[1].id });
    expect(merged.pairs).toHaveLength(2);
    expect(merged.pairs[0].answers.map((a) => a.text)).toEqual(d.pairs[0].answers.map((a) => a.text));
    expect(merged.pairs[0].flags).not.toContain("no_answer");
  });

  it("edits text and rejects empty text", () => {
    const d = sample();
    const id = d.pairs[1].answers[0].id;
    expect(applyDraftEdit(d, { op: "editText", turnId: id, text: "  Energy is stable. " }).pairs[1].answers[0].text).toBe("Energy is stable.");
    expect(() => applyDraftEdit(d, { op: "editText", turnId: id, text: "   " })).toThrow(/must not be empty/);
  });

  it("merges speakers everywhere and outlets on every question", () => {
    let d = sample();
    d = applyDraftEdit(d, { op: "mergeSpeakers", from: "Host", into: "Hu Yuting" });
    expect(allTurns(d).filter((t) => t.speaker === "Host")).toHaveLength(0);
    expect(allTurns(d).filter((t) => t.speaker === "Hu Yuting")).toHaveLength(2);
    expect(d.speakers.find((s) => s.label === "Hu Yuting")?.role).toBe("moderator");
    d = applyDraftEdit(d, { op: "addOutlet", name: "Reuters news agency" });
    expect(() => applyDraftEdit(d, { op: "addOutlet", name: "Reuters" })).toThrow(/already/);
    d = applyDraftEdit(d, { op: "mergeOutlets", from: "Reuters", into: "Reuters news agency" });
    expect(d.pairs[0].question.outlet).toBe("Reuters news agency");
    expect(d.outlets).toEqual(["Reuters news agency"]);
  });

  it("marks a pair reviewed by clearing the parser's doubt flags", () => {
    const d = sample();
    expect(applyDraftEdit(d, { op: "markReviewed", pairId: d.pairs[1].id }).pairs[1].flags).toEqual([]);
  });

  it("validates metadata at the boundary", () => {
    const d = sample();
    const metadata = { title: "T", heldOn: "2024-05-17", organizer: "", location: "Beijing", language: "en", sourceUrl: "", sourceName: "", translationOfSlug: "" };
    const next = applyDraftEdit(d, { op: "setMetadata", metadata });
    expect(next.metadata).toMatchObject({ title: "T", heldOn: "2024-05-17", organizer: null, location: "Beijing", sourceUrl: null });
    expect(() => applyDraftEdit(d, { op: "setMetadata", metadata: { ...metadata, heldOn: "16 May" } })).toThrow(/YYYY-MM-DD/);
    expect(() => applyDraftEdit(d, { op: "setMetadata", metadata: { ...metadata, sourceUrl: "javascript:alert(1)" } })).toThrow(/Source URL/);
  });

  it("reports a vanished turn clearly", () => {
    expect(() => applyDraftEdit(sample(), { op: "editText", turnId: "t999", text: "x" })).toThrow(/no longer in the draft/);
  });
});

describe("conferenceInputFromDraft", () => {
  it("maps roles and keys the conference by its source URL", () => {
    let d = sample();
    d = applyDraftEdit(d, {
      op: "setMetadata",
      metadata: { ...d.metadata, heldOn: d.metadata.heldOn ?? "", sourceUrl: "https://example.org/a", organizer: "", location: "", sourceName: "", translationOfSlug: "" },
    });
    const input = conferenceInputFromDraft(d, { sourceText: "source" });
    expect(input.metadata).toMatchObject({ title: "Regular briefing", sourceKey: "https://example.org/a", heldOn: "2024-05-16" });
    expect(input.pairs[0].answers.map((a) => a.role)).toEqual(["MODERATOR", "OFFICIAL"]);
    expect(input.statements?.[0]).toMatchObject({ speaker: "Host", role: "MODERATOR" });
  });

  it("lists every problem that blocks publishing", () => {
    let d = sample();
    d = applyDraftEdit(d, { op: "moveTurn", turnId: d.pairs[1].answers[0].id, direction: "previous" });
    d = { ...d, metadata: { ...d.metadata, title: " " } };
    const error = (() => {
      try {
        conferenceInputFromDraft(d, { sourceText: "x" });
      } catch (e) {
        return e;
      }
    })();
    expect(error).toBeInstanceOf(DraftNotReadyError);
    expect((error as DraftNotReadyError).problems).toEqual(["the conference needs a title", expect.stringMatching(/^pair 2 has no answer/)]);
  });
});

describe("placeUnassigned", () => {
  it("takes unassigned text into a pair or the statements and removes it from the list", () => {
    const d = {
      ...sample(),
      unassigned: [
        { text: " Also, coal. ", start: 200, end: 213, reason: "after_last_turn" },
        { text: "x", start: 220, end: 221, reason: "r" },
      ],
    };
    const into = applyDraftEdit(d, { op: "placeUnassigned", index: 0, target: d.pairs[1].id });
    expect(into.pairs[1].answers.at(-1)).toMatchObject({ text: "Also, coal.", speaker: null, role: "unknown", start: 200, end: 213 });
    expect(into.unassigned.map((u) => u.text)).toEqual(["x"]);
    const statement = applyDraftEdit(d, { op: "placeUnassigned", index: 1, target: "statements" });
    expect(statement.statements.at(-1)?.text).toBe("x");
    expect(() => applyDraftEdit(d, { op: "placeUnassigned", index: 5, target: "statements" })).toThrow(/no longer/);
  });
});

describe("an unlabelled transcript becomes pairs in the review", () => {
  // What the parser makes of an unlabelled paste: one speakerless statement per paragraph.
  function unlabelled(): EditableDraft {
    const paragraphs = ["Good morning.", "Will the bridge reopen?", "On Monday.", "And the tolls?", "They stay.", "Thank you."];
    let at = 0;
    const statements = paragraphs.map((text) => {
      const turn = { speaker: null, role: "unknown" as const, text, start: at, end: at + text.length };
      at += text.length + 2;
      return turn;
    });
    return editableDraftFrom({
      title: "Briefing",
      date: null,
      language: "en",
      sourceName: null,
      header: null,
      statements,
      pairs: [],
      unassigned: [],
      dropped: [],
      warnings: [],
      speakers: [],
    });
  }
  const texts = (d: EditableDraft) => ({
    statements: d.statements.map((t) => t.text),
    pairs: d.pairs.map((p) => [p.question.text, ...p.answers.map((a) => a.text)]),
  });

  it("a statement made a question takes the statements after it as answers, then later answers start their own pairs", () => {
    let d = unlabelled();
    d = applyDraftEdit(d, { op: "startPairAt", turnId: d.statements[1]!.id });
    expect(texts(d)).toEqual({ statements: ["Good morning."], pairs: [["Will the bridge reopen?", "On Monday.", "And the tolls?", "They stay.", "Thank you."]] });
    expect(d.pairs[0]!.question.role).toBe("journalist");
    d = applyDraftEdit(d, { op: "startPairAt", turnId: d.pairs[0]!.answers[1]!.id });
    expect(texts(d).pairs).toEqual([
      ["Will the bridge reopen?", "On Monday."],
      ["And the tolls?", "They stay.", "Thank you."],
    ]);
  });

  it("a later statement becomes a pair in its place among the pairs, taking only the statements up to the next pair", () => {
    let d = unlabelled();
    d = applyDraftEdit(d, { op: "startPairAt", turnId: d.statements[3]!.id });
    expect(texts(d)).toEqual({ statements: ["Good morning.", "Will the bridge reopen?", "On Monday."], pairs: [["And the tolls?", "They stay.", "Thank you."]] });
    d = applyDraftEdit(d, { op: "startPairAt", turnId: d.statements[1]!.id });
    expect(texts(d)).toEqual({
      statements: ["Good morning."],
      pairs: [
        ["Will the bridge reopen?", "On Monday."],
        ["And the tolls?", "They stay.", "Thank you."],
      ],
    });
    // Speakers assigned, the draft publishes: nothing in it was refused or lost.
    for (const pair of d.pairs) for (const a of pair.answers) d = applyDraftEdit(d, { op: "setSpeaker", turnId: a.id, speaker: "MS. LEE" });
    const input = conferenceInputFromDraft(d, { sourceText: "x" });
    expect(input.pairs.map((p) => p.answers.map((a) => a.speaker))).toEqual([["MS. LEE"], ["MS. LEE", "MS. LEE"]]);
    expect(input.statements?.map((s) => s.text)).toEqual(["Good morning."]);
  });

  it("a question is already the start of its pair", () => {
    const d = sample();
    expect(() => applyDraftEdit(d, { op: "startPairAt", turnId: d.pairs[0]!.question.id })).toThrow(DraftEditError);
  });
});
