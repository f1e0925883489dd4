import { describe, expect, it } from "vitest";
import { checkUrl } from "./header";
import { accountFor, parseTranscript, transcriptDraftSchema } from "./index";
import { joinSoftBreaks } from "./turns";

describe("source URL, date and location from the header", () => {
  it("reads them from front matter and the lines under it", () => {
    const text = [
      "---",
      "date: '2021-05-20'",
      "source_url: https://example.org/briefing-room/2021/05/20/call/",
      'title: "Background Press Call, May 19, 2021"',
      "---",
      "Aboard Air Force One  ",
      "En Route Detroit, Michigan",
      "",
      "4:32 P.M. EDT",
      "",
      "Q    Will the President meet the governor?",
      "",
      "MS. LEE:  Yes, this afternoon.",
      "",
    ].join("\n");
    const d = parseTranscript(text);
    expect(d.sourceUrl).toBe("https://example.org/briefing-room/2021/05/20/call/");
    expect(d.location).toBe("Aboard Air Force One, En Route Detroit, Michigan");
    expect(d.date).toBe("2021-05-19");
    expect(d.sourceName).toBe("example.org");
    expect(transcriptDraftSchema.safeParse(d).success).toBe(true);
    expect(accountFor(text, d)).toEqual([]);
  });

  it("reads Source: and Location: lines under a plain title", () => {
    const text = "Briefing on the port reopening\nMay 3, 2024\nSource: https://example.org/a\nLocation: Harbor Hall, Shanghai\n\nQ: Why now?\n\nA: The inspection is done.\n";
    const d = parseTranscript(text);
    expect([d.sourceUrl, d.location, d.date]).toEqual(["https://example.org/a", "Harbor Hall, Shanghai", "2024-05-03"]);
    expect(d.pairs).toHaveLength(1);
    expect(accountFor(text, d)).toEqual([]);
  });

  it.each(["javascript:alert(1)", "ftp://example.org/file", "https://exa mple.org", "not a url"])("flags %j for the editor instead of keeping it", (url) => {
    const text = `---\ntitle: Briefing, May 1, 2024\nsource_url: ${url}\n---\nQ: Why?\nA: Because the review is finished.\n`;
    const d = parseTranscript(text);
    expect(d.sourceUrl).toBeNull();
    expect(d.warnings.some((w) => w.includes("is not") && w.includes("URL"))).toBe(true);
    expect(transcriptDraftSchema.safeParse(d).success).toBe(true);
    expect(accountFor(text, d)).toEqual([]);
  });

  it("accepts only absolute http(s) URLs", () => {
    expect(checkUrl(" https://example.org/x ").url).toBe("https://example.org/x");
    expect(checkUrl("http://example.org").url).toBe("http://example.org");
    expect(checkUrl("mailto:press@example.org").url).toBeNull();
  });
});

describe("soft line breaks", () => {
  it("joins the lines of a paragraph and keeps paragraph breaks and list items", () => {
    expect(joinSoftBreaks("Thank you so\nmuch for joining.   \n   \nToday's call is\non background:\n- one\n- two\n")).toBe(
      "Thank you so much for joining.\n\nToday's call is on background:\n- one\n- two",
    );
  });

  it("gives answers as paragraphs while offsets still cover the source", () => {
    const text = "Q    Will the bridge\nreopen soon?\n\nMS. LEE:  It reopens on\nMonday morning.\n\nThe tolls stay\nthe same.\n";
    const d = parseTranscript(text);
    expect(d.pairs[0]!.question.text).toBe("Will the bridge reopen soon?");
    expect(d.pairs[0]!.answers[0]!.text).toBe("It reopens on Monday morning.\n\nThe tolls stay the same.");
    expect(accountFor(text, d)).toEqual([]);
  });

  it("keeps one paragraph per line in line layouts (MFA pages)", () => {
    const text = "Q: Is the port open?\nA: It is open.\nIt opened at noon.\nQ: Why?\nA: The inspection ended.";
    expect(parseTranscript(text).pairs[0]!.answers[0]!.text).toBe("It is open.\nIt opened at noon.");
  });
});
