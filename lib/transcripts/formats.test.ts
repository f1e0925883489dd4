import JSZip from "jszip"; // mammoth's own dependency; used only to build a tiny .docx here
import { describe, expect, it } from "vitest";
import { decodeTranscriptBytes, extractText, htmlToText, MAX_TRANSCRIPT_BYTES, parseTranscript, TranscriptInputError } from "./index";

const utf8 = (s: string) => new TextEncoder().encode(s);
const codeOf = (fn: () => unknown) => {
  try {
    fn();
  } catch (e) {
    return e instanceof TranscriptInputError ? e.code : "other";
  }
  return null;
};

describe("decodeTranscriptBytes", () => {
  it("decodes UTF-8 and strips the BOM", () => {
    expect(decodeTranscriptBytes(new Uint8Array([0xef, 0xbb, 0xbf, ...utf8("Q: 你好")]))).toEqual({ text: "Q: 你好", encoding: "utf-8" });
  });

  it("detects GB18030/GBK bytes", () => {
    // "问：你好？" in GBK
    const gbk = new Uint8Array([0xce, 0xca, 0xa3, 0xba, 0xc4, 0xe3, 0xba, 0xc3, 0xa3, 0xbf]);
    expect(decodeTranscriptBytes(gbk)).toEqual({ text: "问：你好？", encoding: "gb18030" });
  });

  it("rejects binary, empty and oversized input with a code", () => {
    expect(codeOf(() => decodeTranscriptBytes(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00])))).toBe("binary");
    expect(codeOf(() => decodeTranscriptBytes(new Uint8Array(200).fill(0x01)))).toBe("binary");
    expect(codeOf(() => decodeTranscriptBytes(new Uint8Array()))).toBe("empty");
    expect(codeOf(() => decodeTranscriptBytes(utf8(" \n\t ")))).toBe("empty");
    expect(codeOf(() => decodeTranscriptBytes(new Uint8Array(MAX_TRANSCRIPT_BYTES + 1).fill(0x41)))).toBe("too_large");
  });
});

describe("html", () => {
  it("strips tags, drops scripts and styles, keeps paragraphs", () => {
    const html =
      "<html><head><style>p{color:red}</style><script>alert(1)</script></head><body>" +
      "<nav>Home</nav><h1>Briefing on Ports</h1><p>Q: Is the <b>port</b> open &amp; safe?</p>" +
      "<script>track()</script><p>A: Yes.<br>It reopened today.</p></body></html>";
    const text = htmlToText(html);
    expect(text).toBe("Home\n\nBriefing on Ports\n\nQ: Is the port open & safe?\n\nA: Yes.\n\nIt reopened today.\n");
    const draft = parseTranscript(text);
    expect(draft.pairs).toHaveLength(1);
    expect(draft.pairs[0]!.answers[0]!.text).toContain("It reopened today.");
  });

  it("is selected by extractText for .html files", async () => {
    const { text, format } = await extractText(utf8("<p>Q: One?</p><p>A: Two.</p>"), "page.HTM");
    expect(format).toBe("html");
    expect(text).toBe("Q: One?\n\nA: Two.\n");
  });
});

describe("docx", () => {
  it("extracts paragraphs with mammoth", async () => {
    const zip = new JSZip();
    zip.file(
      "[Content_Types].xml",
      '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
        '<Default Extension="xml" ContentType="application/xml"/>' +
        '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
    );
    zip.file(
      "_rels/.rels",
      '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
        '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>',
    );
    const para = (t: string) => `<w:p><w:r><w:t xml:space="preserve">${t}</w:t></w:r></w:p>`;
    zip.file(
      "word/document.xml",
      '<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>' +
        para("Q: Is the desalination plant finished?") +
        para("A: It opens in June.") +
        "</w:body></w:document>",
    );
    const bytes = await zip.generateAsync({ type: "uint8array" });
    const { text, format } = await extractText(bytes, "briefing.docx");
    expect(format).toBe("docx");
    const draft = parseTranscript(text);
    expect(draft.pairs.map((p) => [p.question.text, p.answers[0]!.text])).toEqual([["Is the desalination plant finished?", "It opens in June."]]);
  });

  it("rejects a broken .docx and unknown extensions", async () => {
    await expect(extractText(utf8("not a zip"), "x.docx")).rejects.toMatchObject({ code: "unsupported_format" });
    await expect(extractText(utf8("Q: a"), "x.pdf")).rejects.toMatchObject({ code: "unsupported_format" });
  });
});
