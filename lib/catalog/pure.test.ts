import { describe, expect, it } from "vitest";
import { escapeXml, renderAtom } from "./atom";
import { groupTranscript } from "./conference";
import { ogSafeText } from "./og-text";
import { pairTitle, qaPath, qaSlug } from "./paths";
import { keyTerms } from "./related";
import { parseChunkName } from "./sitemap";

describe("public URL helpers", () => {
  it("derives a short decorative slug from the question's first words", () => {
    expect(qaSlug("When will the ferry terminal open to passengers & cars, and at what price?")).toBe("when-will-the-ferry-terminal-open-to-passengers-cars");
    expect(qaSlug("新渡轮码头什么时候向乘客开放？")).toBe("新渡轮码头什么时候向乘客开放");
    expect(qaPath("k3m9x2qa", "Why?")).toBe("/qa/k3m9x2qa/why");
    expect(qaPath("k3m9x2qa")).toBe("/qa/k3m9x2qa");
    expect(pairTitle("word ".repeat(40), 30)).toBe("word word word word word word…");
  });

  it("picks distinctive key terms for related pairs", () => {
    expect(keyTerms("What about the desalination plant and the water prices this summer?")).toBe("desalination prices summer plant water");
    // A real White House question: the stage direction and filler must not become the search.
    expect(keyTerms("I mean, you were basically banished for a few months there for a while. (Laughter.) Do you feel like you're back now?")).toBe("banished months feel back");
  });

  it("accepts only known sitemap chunk names", () => {
    expect(parseChunkName("qa-12.xml")).toEqual({ kind: "qa", chunk: 12 });
    expect(parseChunkName("secrets-1.xml")).toBeNull();
    expect(parseChunkName("qa-1.json")).toBeNull();
  });
});

describe("Atom", () => {
  it("escapes markup and drops characters XML forbids", () => {
    expect(escapeXml(`a & <b> "c" 'd'\u0001\uFFFE`)).toBe("a &amp; &lt;b&gt; &quot;c&quot; &apos;d&apos;");
    const xml = renderAtom({
      id: "urn:x",
      title: "T & T",
      selfUrl: "http://x/feed.xml?a=1&b=2",
      alternateUrl: "http://x/",
      updated: new Date("2025-01-01T00:00:00Z"),
      entries: [{ id: "urn:e", title: "<script>", url: "http://x/e", updated: new Date("2025-01-02T00:00:00Z"), lang: "zh" }],
    });
    expect(xml).toContain('<link rel="self" type="application/atom+xml" href="http://x/feed.xml?a=1&amp;b=2"/>');
    expect(xml).toContain("<title>&lt;script&gt;</title>");
    expect(xml).toContain('<entry xml:lang="zh">');
    expect(xml).not.toContain("<script>");
  });
});

describe("OG image text", () => {
  it("keeps Latin text and falls back for scripts the bundled font cannot draw", () => {
    expect(ogSafeText("Will fares rise?", "fallback")).toBe("Will fares rise?");
    expect(ogSafeText("新渡轮码头什么时候向乘客开放？", "Question 1")).toBe("Question 1");
    expect(ogSafeText("Geng Shuang 耿爽", "x")).toBe("Geng Shuang");
  });
});

describe("transcript grouping", () => {
  it("keeps statements in place, numbers visible pairs and skips withdrawn ones", () => {
    const turn = (id: number, qaPairId: number | null, kind = "ANSWER") => ({ id, kind, qaPairId, speakerLabel: null, role: null, text: `t${id}`, speaker: null });
    const pair = (id: number, status = "PUBLISHED") => ({ id, publicId: `p${id}`, ordinal: id, status, outlet: null });
    const blocks = groupTranscript(
      [turn(1, null, "STATEMENT"), turn(2, 10, "QUESTION"), turn(3, 10), turn(4, 11, "QUESTION"), turn(5, 12, "QUESTION"), turn(6, 12)],
      [pair(10), pair(11, "UNPUBLISHED"), pair(12)],
    );
    expect(blocks.map((b) => (b.kind === "statement" ? "s" : `${b.number}:${b.pair.publicId}:${b.turns.length}`))).toEqual(["s", "1:p10:2", "2:p12:2"]);
  });
});
