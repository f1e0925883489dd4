import { describe, expect, it } from "vitest";
import { extractText } from "./formats";
import { docxOf, docxParagraph, zipBombDocx, zipOf } from "./hostile-files";
import { assertSafeDocx, MAX_DOCX_ENTRIES, readZipDirectory } from "./zip-limits";

describe("docx zip limits, checked before anything inflates the archive", () => {
  it("reads the central directory of an honest .docx and lets it through", async () => {
    const bytes = docxOf(docxParagraph("Q: Is the port open?") + docxParagraph("A: Yes."));
    expect(readZipDirectory(bytes).map((e) => e.name)).toEqual(["[Content_Types].xml", "_rels/.rels", "word/document.xml"]);
    expect(() => assertSafeDocx(bytes)).not.toThrow();
    expect((await extractText(bytes, "ok.docx")).text).toContain("Is the port open?");
  });

  it("refuses a zip bomb by its stated size before mammoth sees it", async () => {
    const bomb = zipBombDocx(40);
    expect(bomb.length).toBeLessThan(100_000);
    await expect(extractText(bomb, "bomb.docx")).rejects.toMatchObject({ code: "too_large", message: expect.stringMatching(/unpacks to more than 25 MB/) });
  });

  it("refuses an extreme compression ratio even under the total limit", async () => {
    await expect(extractText(zipBombDocx(20), "ratio.docx")).rejects.toMatchObject({ code: "too_large", message: expect.stringMatching(/compressed \d+:1/) });
  });

  it("refuses an archive whose entry inflates past the size it states, with a byte cap", async () => {
    const liar = zipBombDocx(40, { lieAboutSize: true });
    expect(readZipDirectory(liar).find((e) => e.name === "word/document.xml")?.uncompressedSize).toBe(4096);
    await expect(extractText(liar, "liar.docx")).rejects.toMatchObject({ code: "too_large", message: expect.stringMatching(/more than the size it states/) });
  });

  it("refuses too many entries", () => {
    const many = zipOf(Array.from({ length: MAX_DOCX_ENTRIES + 1 }, (_, i) => ({ name: `f${i}.xml`, data: new Uint8Array([0x20]) })));
    expect(() => assertSafeDocx(many)).toThrow(/holds 2001 files; the limit is 2000/);
  });

  it("refuses bytes that are not a zip with a readable message", () => {
    expect(() => assertSafeDocx(new TextEncoder().encode("Q: not a zip at all, just text"))).toThrow(/not a readable \.docx \(no zip directory found\)/);
  });
});
