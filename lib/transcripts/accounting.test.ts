import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { accountFor, parseTranscript, transcriptDraftSchema } from "./index";

const pieces = fc.constantFrom(
  "Q: ",
  "A: ",
  "Q.",
  "Q    ",
  "问：",
  "答：",
  "追问：",
  "Follow-up: ",
  "MS. PSAKI:  ",
  "THE PRESIDENT. ",
  "Reuters: ",
  "China Daily:",
  "Hu Yuting:\n\n",
  "MODERATOR: ",
  "First: ",
  "Note: ",
  "NOTE: ",
  ":",
  "：",
  ",",
  ",Q. ",
  "\n",
  "\n\n",
  "   \n",
  "\u00a0",
  "\u3000\u3000",
  "<  1  2  3  >",
  "Home -  Press Room - ",
  "12:50 P.M. EDT",
  "END",
  "---\n",
  "title: x\n",
  "Thank you.",
  "What is it?",
  "Mr. Li will answer your question.",
  "中方高度重视。",
  "？",
  "[3.] ",
  "May 16, 2024",
  "2019年9月2日",
  "China.org.cn | May 16, 2024\n",
  "word ",
  "THE ENERGY SITUATION",
  "\r\n",
);
const randomTranscript = fc.array(fc.oneof(pieces, fc.string({ maxLength: 12 }), fc.string({ unit: "grapheme", maxLength: 6 })), { maxLength: 60 }).map((a) => a.join(""));

describe("accounting", () => {
  it("accounts for every non-whitespace character of random input", () => {
    fc.assert(
      fc.property(randomTranscript, (text) => {
        const draft = parseTranscript(text);
        expect(transcriptDraftSchema.safeParse(draft).success).toBe(true);
        expect(accountFor(text, draft)).toEqual([]);
        for (const p of draft.pairs) expect(p.question.start).toBeLessThanOrEqual(p.question.end);
      }),
      { numRuns: 400 },
    );
  });

  it("reports uncovered and double-covered offsets", () => {
    const text = "Q: one?\nA: two.";
    const draft = parseTranscript(text);
    expect(accountFor(text, draft)).toEqual([]);
    const broken = { ...draft, dropped: [{ start: 0, end: 2, reason: "test" }], unassigned: [] };
    expect(accountFor(text, broken).map((p) => p.coverage)).toEqual([2, 2]);
    const missing = { ...draft, pairs: [] };
    expect(accountFor(text, missing).length).toBe(text.replace(/\s/g, "").length);
  });
});
