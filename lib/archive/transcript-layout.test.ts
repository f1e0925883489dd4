import { describe, expect, it } from "vitest";
import type { EditableDraft, EditableTurn } from "@/lib/drafts/model";
import { applyPublishedOp, type PublishedLayout } from "./transcript-layout";
import { transcriptOpSchema } from "./transcript-edits";

const turn = (id: string, speaker: string | null, role: EditableTurn["role"], text: string): EditableTurn => ({ id, speaker, role, text, start: null, end: null });

// Opening t1, t2, t12; pair p3 (t4, t5); between pairs t6 ("Thank you"), t7, t8; pair p9 (t10, t11).
function layout(): PublishedLayout {
  const draft: EditableDraft = {
    metadata: { title: "t", heldOn: null, organizer: null, location: null, language: "en", sourceUrl: null, sourceName: null, translationOfSlug: null },
    header: null,
    statements: [turn("t1", "Lin", "moderator", "Welcome."), turn("t2", "Ann", "journalist", "Is it finished?"), turn("t12", "Mao Ning", "official", "Almost.")],
    pairs: [
      { id: "p3", question: { ...turn("t4", "Bo", "journalist", "When?"), outlet: "TASS" }, answers: [turn("t5", "Mao Ning", "official", "Soon.")], flags: [] },
      { id: "p9", question: { ...turn("t10", "Cy", "journalist", "Why?"), outlet: null }, answers: [turn("t11", "Mao Ning", "official", "Because.")], flags: [] },
    ],
    unassigned: [],
    dropped: [],
    warnings: [],
    speakers: [
      { label: "Lin", role: "moderator" },
      { label: "Mao Ning", role: "official" },
    ],
    outlets: ["TASS"],
    nextId: 100,
  };
  return {
    draft,
    interludes: new Map([["p3", [turn("t6", "Lin", "moderator", "Thank you."), turn("t7", "Di", "journalist", "One more?"), turn("t8", "Mao Ning", "official", "Go on.")]]]),
  };
}
const op = (raw: Record<string, unknown>) => transcriptOpSchema.parse(raw);
const shape = (l: PublishedLayout) => ({
  statements: l.draft.statements.map((t) => t.id),
  pairs: l.draft.pairs.map((p) => [p.id, p.question.id, ...p.answers.map((a) => a.id)]),
  interludes: Object.fromEntries([...l.interludes].map(([k, v]) => [k, v.map((t) => t.id)])),
});

describe("applyPublishedOp", () => {
  it("makes an opening statement the question of a new first pair, the statements after it its answers", () => {
    const before = layout();
    const after = applyPublishedOp(before, op({ op: "startPairAt", turnId: "t2" }));
    expect(shape(after)).toEqual({
      statements: ["t1"],
      pairs: [
        ["p100", "t2", "t12"],
        ["p3", "t4", "t5"],
        ["p9", "t10", "t11"],
      ],
      interludes: { p3: ["t6", "t7", "t8"] },
    });
    expect(after.draft.pairs[0]).toMatchObject({ question: { role: "journalist", outlet: null }, flags: [] });
    expect(shape(before).statements).toEqual(["t1", "t2", "t12"]);
  });

  it("makes a statement between pairs the question of a pair after the pair it followed", () => {
    const after = applyPublishedOp(layout(), op({ op: "startPairAt", turnId: "t7" }));
    expect(shape(after).pairs).toEqual([
      ["p3", "t4", "t5"],
      ["p100", "t7", "t8"],
      ["p9", "t10", "t11"],
    ]);
    expect(shape(after).interludes).toEqual({ p3: ["t6"] });
  });

  it("refuses a statement with nothing after it to answer", () => {
    expect(() => applyPublishedOp(layout(), op({ op: "startPairAt", turnId: "t8" }))).toThrow(/would have no answer/);
    expect(() => applyPublishedOp(layout(), op({ op: "startPairAt", turnId: "t99" }))).toThrow(/no longer in this conference/);
  });

  it("turns a pair into statements where it stood, with the statements that followed it", () => {
    const middle = applyPublishedOp(layout(), op({ op: "pairToStatements", pairId: "p9" }));
    expect(shape(middle)).toMatchObject({ pairs: [["p3", "t4", "t5"]], interludes: { p3: ["t6", "t7", "t8", "t10", "t11"] } });
    expect(middle.interludes.get("p3")!.find((t) => t.id === "t10")).not.toHaveProperty("outlet");
    const first = applyPublishedOp(layout(), op({ op: "pairToStatements", pairId: "p3" }));
    expect(shape(first)).toEqual({ statements: ["t1", "t2", "t12", "t4", "t5", "t6", "t7", "t8"], pairs: [["p9", "t10", "t11"]], interludes: {} });
    expect(() => applyPublishedOp(layout(), op({ op: "pairToStatements", pairId: "p77" }))).toThrow(/no longer in this conference/);
  });

  it("gives a statement between pairs the statement tools and keeps it in its place", () => {
    const deleted = applyPublishedOp(layout(), op({ op: "deleteTurn", turnId: "t6" }));
    expect(shape(deleted).interludes).toEqual({ p3: ["t7", "t8"] });
    expect(shape(deleted).statements).toEqual(["t1", "t2", "t12"]);
    const merged = applyPublishedOp(layout(), op({ op: "mergeWithNext", turnId: "t7" }));
    expect(merged.interludes.get("p3")!.map((t) => t.text)).toEqual(["Thank you.", "One more?\n\nGo on."]);
    const renamed = applyPublishedOp(layout(), op({ op: "saveTurn", turnId: "t6", speaker: "Lin Jian", role: "moderator", text: "Thank you.", renameEverywhere: "on" }));
    expect([renamed.draft.statements[0].speaker, renamed.interludes.get("p3")![0].speaker]).toEqual(["Lin Jian", "Lin Jian"]);
    expect(() => applyPublishedOp(layout(), op({ op: "moveTurn", turnId: "t6", direction: "next" }))).toThrow(/cannot move into a pair/);
  });
});
