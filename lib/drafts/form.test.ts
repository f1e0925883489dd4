import { describe, expect, it } from "vitest";
import { draftEditFromForm } from "./form";
import { editableDraftFrom } from "./model";
import { applyDraftEdit, DraftEditError } from "./operations";

const draft = editableDraftFrom({
  title: "T",
  date: null,
  language: "en",
  sourceName: null,
  header: null,
  statements: [],
  pairs: [
    {
      question: { speaker: "Q", outlet: null, text: "Why? And how?", start: 0, end: 13 },
      answers: [{ speaker: "A", text: "Because.", start: 15, end: 23, role: "official" }],
      flags: [],
    },
  ],
  unassigned: [],
  dropped: [],
  warnings: [],
  speakers: [],
});

const form = (entries: Record<string, string>) => {
  const f = new FormData();
  for (const [k, v] of Object.entries(entries)) f.set(k, v);
  return f;
};

describe("draftEditFromForm", () => {
  it("finds a split position from the words the editor typed", () => {
    const edit = draftEditFromForm(form({ op: "splitTurn", turnId: draft.pairs[0].question.id, splitBefore: "And how" }), draft);
    expect(edit).toEqual({ op: "splitTurn", turnId: draft.pairs[0].question.id, offset: 5 });
    expect(applyDraftEdit(draft, edit).pairs[0].answers[0].text).toBe("And how?");
  });

  it("maps the move buttons to a direction and rejects unknown operations", () => {
    const turnId = draft.pairs[0].answers[0].id;
    expect(draftEditFromForm(form({ op: "moveTurnPrevious", turnId }), draft)).toEqual({ op: "moveTurn", turnId, direction: "previous" });
    expect(() => draftEditFromForm(form({ op: "dropTable", turnId }), draft)).toThrow(DraftEditError);
    expect(() => draftEditFromForm(form({ op: "splitTurn", turnId, splitBefore: "nowhere" }), draft)).toThrow(/does not occur/);
  });

  it("turns blank metadata fields into nulls after validation", () => {
    const edit = draftEditFromForm(
      form({ op: "setMetadata", title: "New", heldOn: "", organizer: "", location: "", language: "en", sourceUrl: "", sourceName: "", translationOfSlug: "" }),
      draft,
    );
    expect(applyDraftEdit(draft, edit).metadata).toMatchObject({ title: "New", heldOn: null, organizer: null, sourceUrl: null });
  });
});

describe("describeEdit", () => {
  it("keeps the text of a refused text edit so the editor can redo it", async () => {
    const { describeEdit } = await import("./form");
    expect(describeEdit({ op: "editText", turnId: "t3", text: "Corrected answer." })).toBe("Replace the text of turn t3 with:\nCorrected answer.");
  });
});
