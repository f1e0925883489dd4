import { describe, expect, it } from "vitest";
import { htmlToText, MAX_HTML_DEPTH } from "./formats";
import { emptyParagraphsDocx, nestedHtml, shortPairsPaste } from "./hostile-files";
import { MAX_LINES, MAX_PAIRS, readTranscript } from "./read-transcript";
import { MAX_DOCX_PARAGRAPHS } from "./zip-limits";

const utf8 = (s: string) => new TextEncoder().encode(s);

describe("per-import caps", () => {
  it("reads an ordinary paste into a draft", async () => {
    const { draft, format } = await readTranscript({ kind: "text", text: shortPairsPaste(2_000) });
    expect(format).toBe("txt");
    expect(draft.pairs.length).toBeGreaterThan(50);
  });

  it("stops HTML nested deeper than the limit at once, with a message", async () => {
    expect(htmlToText(nestedHtml(MAX_HTML_DEPTH - 10))).toContain("Is the port open?");
    const started = performance.now();
    await expect(readTranscript({ kind: "file", fileName: "deep.html", bytes: utf8(nestedHtml(300_000)) })).rejects.toMatchObject({
      code: "too_complex",
      message: expect.stringMatching(/nests elements more than 256 deep/),
    });
    expect(performance.now() - started).toBeLessThan(1000);
  });

  it("refuses more pairs than one import takes, naming both numbers", async () => {
    const paste = shortPairsPaste(100_000);
    expect(paste.split("\n").length).toBeLessThan(MAX_LINES);
    await expect(readTranscript({ kind: "text", text: paste })).rejects.toMatchObject({
      code: "too_complex",
      message: expect.stringMatching(new RegExp(`has \\d+ question-and-answer pairs; one import takes at most ${MAX_PAIRS}`)),
    });
  }, 30_000);

  it("refuses a 1 MB paste of short pairs by its line count, before parsing", async () => {
    const started = performance.now();
    await expect(readTranscript({ kind: "text", text: shortPairsPaste(1_000_000) })).rejects.toMatchObject({
      code: "too_complex",
      message: expect.stringMatching(new RegExp(`more than ${MAX_LINES} lines`)),
    });
    expect(performance.now() - started).toBeLessThan(2000);
  });

  it("refuses a small .docx of very many paragraphs before mammoth reads it", async () => {
    const docx = emptyParagraphsDocx(MAX_DOCX_PARAGRAPHS + 1);
    expect(docx.length).toBeLessThan(5_000);
    const started = performance.now();
    await expect(readTranscript({ kind: "file", fileName: "empty.docx", bytes: docx })).rejects.toMatchObject({
      code: "too_complex",
      message: expect.stringMatching(new RegExp(`has ${MAX_DOCX_PARAGRAPHS + 3} paragraphs; one import takes at most ${MAX_DOCX_PARAGRAPHS}`)),
    });
    expect(performance.now() - started).toBeLessThan(1000);
  });
});
