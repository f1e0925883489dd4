import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { ImportSource } from "@/components/editor/import-source";
import { editableDraftFrom } from "./model";
import { applyDraftEdit } from "./operations";
import { sourceSegments } from "./source-segments";

const source = "Title\n\nnav\n\nQ: <script>alert(1)</script>?\n\nA: Fine & well.\n";
const draft = editableDraftFrom({
  title: "Title",
  date: null,
  language: "en",
  sourceName: null,
  header: { start: 0, end: 5 },
  statements: [],
  pairs: [
    {
      question: { speaker: "Q", outlet: null, text: "<script>alert(1)</script>?", start: 12, end: 41 },
      answers: [{ speaker: "A", text: "Fine & well.", start: 43, end: 58, role: "official" }],
      flags: [],
    },
  ],
  unassigned: [],
  dropped: [{ start: 7, end: 10, reason: "navigation" }],
  warnings: [],
  speakers: [],
});

describe("sourceSegments", () => {
  it("shows every character of the source exactly once, in order", () => {
    const segments = sourceSegments(source, draft);
    expect(segments.map((s) => s.text).join("")).toBe(source);
    expect(segments.map((s) => s.kind)).toEqual(["header", "plain", "dropped", "plain", "turn", "plain", "turn", "plain"]);
  });

  it("still covers the source once when an edit leaves spans overlapping", () => {
    const widened = applyDraftEdit(draft, { op: "mergeWithNext", turnId: draft.pairs[0].question.id });
    const overlapping = { ...widened, dropped: [{ start: 40, end: 50, reason: "test" }] };
    expect(
      sourceSegments(source, overlapping)
        .map((s) => s.text)
        .join(""),
    ).toBe(source);
  });

  it("renders transcript text as text, never as HTML", () => {
    const html = renderToStaticMarkup(createElement(ImportSource, { sourceText: source, draft }));
    expect(html).not.toContain("<script>");
    expect(html).toContain("&lt;script&gt;alert(1)&lt;/script&gt;");
    expect(html).toContain('href="#turn-' + draft.pairs[0].question.id + '"');
  });
});
