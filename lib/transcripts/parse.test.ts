import { describe, expect, it } from "vitest";
import { accountFor, NO_SPEAKER_LABELS, parseDate, parseTranscript } from "./index";
import { readShared } from "./test-support";

const answersOf = (text: string) => parseTranscript(text).pairs.map((p) => p.answers.map((a) => a.speaker));

describe("dates", () => {
  it.each([
    ["May 16, 2024", "2024-05-16"],
    ["16 May 2024", "2024-05-16"],
    ["2024-05-16", "2024-05-16"],
    ["June11, 2018", "2018-06-11"],
    ["2019年9月2日", "2019-09-02"],
    ["Sept. 3, 2019", "2019-09-03"],
    ["May 13,\u00a02021", "2021-05-13"],
    ["February 30, 2020", null],
  ])("%s", (input, iso) => expect(parseDate(input)).toBe(iso));
});

describe("labels", () => {
  it("does not take prose with a colon for a speaker", () => {
    const text = "Q: What will you do?\nA: Three things.\nFirst: we will build.\nNote: this is final.\nQ: And then?\nA: Done.";
    const d = parseTranscript(text);
    expect(d.pairs).toHaveLength(2);
    expect(d.pairs[0]!.answers[0]!.text).toContain("First: we will build.");
    expect(d.pairs[0]!.answers[0]!.text).toContain("Note: this is final.");
    expect(accountFor(text, d)).toEqual([]);
  });

  it("reads outlet labels and names on the same line, and follow-ups", () => {
    const text = [
      "Reuters: Is the port open?",
      "Wang Wei: Yes, it is.",
      "China Daily: When will the bridge open?",
      "Wang Wei: Next year.",
      "Follow-up: Which month?",
      "Wang Wei: May.",
    ].join("\n");
    const d = parseTranscript(text);
    expect(d.pairs.map((p) => p.question.outlet)).toEqual(["Reuters", "China Daily", null]);
    expect(d.pairs[2]!.flags).toContain("follow_up");
    expect(d.speakers.find((s) => s.label === "Wang Wei")!.role).toBe("official");
  });

  it("reads 问/答/追问 with full-width colons", () => {
    const text = "问：港口何时开放？\n答：明年。\n追问：几月？\n答：五月。";
    const d = parseTranscript(text);
    expect(d.language).toBe("zh");
    expect(d.pairs.map((p) => p.question.speaker)).toEqual(["问", "追问"]);
    expect(d.pairs[1]!.flags).toContain("follow_up");
  });

  it("keeps MODERATOR turns as moderator answers, not dropped content", () => {
    const text =
      "MS. LEE:  Welcome.\n\nQ    Is it safe?\n\nMS. LEE:  Yes.  It is safe for everyone.\n\nMODERATOR:  Next, Ann Park, AP.\n\nQ    Thanks.  Why now?\n\nMS. LEE:  Because the tests finished this week.";
    const d = parseTranscript(text);
    expect(answersOf(text)).toEqual([["MS. LEE", "MODERATOR"], ["MS. LEE"]]);
    expect(d.pairs[0]!.answers[1]!.role).toBe("moderator");
    expect(accountFor(text, d)).toEqual([]);
  });

  it("flags a second question after a very short answer as a follow-up", () => {
    const d = parseTranscript("Q: Is it true?\nA: Yes.\nQ: Since when?\nA: Since the spring of this year, when the report came out.");
    expect(d.pairs[1]!.flags).toContain("follow_up");
    expect(d.pairs[0]!.flags).toContain("short_answer");
  });

  it("flags an answer that has no question", () => {
    const d = parseTranscript("A: We have nothing to add.\nQ: Really?\nA: Really.");
    expect(d.pairs[0]!.flags).toContain("answer_without_question");
  });
});

describe("noise and pages", () => {
  it("parses several pasted pages as one conference", () => {
    const seed = readShared("seeds", "000_47fa108efec89af6.txt");
    const page2 = [
      "Home -  Press Room - ",
      "SCIO press conference on striving for new breakthroughs to revitalize Jilin in the new era",
      "",
      "China.org.cn | May 16, 2024",
      "",
      "China Daily:",
      "",
      "How will Jilin protect its black soil?",
      "",
      "Hu Yuting:",
      "",
      "Mr. Zhang, please.",
      "",
      "Zhang Ming:",
      "",
      "We will protect it by law. Thank you.",
      "",
      "<  1  2  3  4  5  6  7  8  9  10  >",
    ].join("\n");
    const text = seed + "\n" + page2;
    const d = parseTranscript(text);
    expect(d.title).toBe("SCIO press conference on striving for new breakthroughs to revitalize Jilin in the new era");
    expect(d.pairs).toHaveLength(2);
    expect(d.pairs[1]!.question.outlet).toBe("China Daily");
    expect(d.pairs[1]!.answers.map((a) => a.speaker)).toEqual(["Hu Yuting", "Zhang Ming"]);
    expect(d.dropped.filter((x) => x.reason === "repeated_header")).toHaveLength(2);
    expect(d.dropped.filter((x) => x.reason === "navigation")).toHaveLength(2);
    expect(d.dropped.filter((x) => x.reason === "pagination")).toHaveLength(2);
    expect(accountFor(text, d)).toEqual([]);
  });

  it("turns text without speakers into speakerless paragraphs, flagged", () => {
    const text = "Just some notes.\n\nNothing else here.";
    const d = parseTranscript(text);
    expect(d.pairs).toEqual([]);
    expect(d.unassigned).toEqual([]);
    expect(d.statements.map((s) => s.speaker)).toEqual([null, null]);
    expect(d.warnings).toContain(NO_SPEAKER_LABELS);
    expect(accountFor(text, d)).toEqual([]);
  });
});
