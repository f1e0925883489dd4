// Real transcripts read from ../shared. Expected numbers were verified by
// reading each file (counting its Q / 问 / outlet labels by hand and grep); since pairs follow
// the editor's conventions (NOTES-parser.md) a pair is an exchange, not a "Q" label, and
// bench/parser/gold holds the hand-segmented exchanges these counts are measured against.
import { describe, expect, it } from "vitest";
import { accountFor, parseTranscript, transcriptDraftSchema, type TranscriptDraft } from "./index";
import { readShared } from "./test-support";

interface Expectation {
  file: string;
  title: string | null;
  date: string | null;
  language: "en" | "zh";
  pairs: number;
  statements?: number;
  /** pair index -> answer speakers in order */
  answers: Record<number, Array<string | null>>;
  questionSpeakers?: Record<number, string | null>;
  sourceName?: string | null;
  dropped?: string[];
}

const EXPECTED: Expectation[] = [
  {
    file: "mfa_en_2019-09-02_t1693811.txt",
    title: "Foreign Ministry Spokesperson Geng Shuang's Regular Press Conference on September 2, 2019",
    date: "2019-09-02",
    language: "en",
    pairs: 8,
    statements: 1,
    answers: { 0: ["A"], 7: ["A"] },
    questionSpeakers: { 0: "Q" },
  },
  {
    file: "mfa_en_2020-02-17_t1745906.txt",
    title: "Foreign Ministry Spokesperson Geng Shuang's Daily Briefing Online on February 17, 2020",
    date: "2020-02-17",
    language: "en",
    pairs: 13,
    statements: 1,
    answers: { 0: ["A"], 12: ["A"] },
  },
  {
    file: "mfa_en_2020-06-17_t1789509.txt",
    title: "Foreign Ministry Spokesperson Zhao Lijian's Regular Press Conference on June 17, 2020",
    date: "2020-06-17",
    language: "en",
    pairs: 10,
    statements: 0,
    answers: { 0: ["Zhao Lijian"], 9: ["Zhao Lijian"] },
    questionSpeakers: { 0: "Reuters", 1: "Shenzhen TV", 2: "The Paper", 3: "National Public Radio", 4: "PTI", 7: "Bloomberg", 8: "RIA Novosti", 9: "AFP" },
  },
  {
    file: "mfa_zh_2018-06-15_t1569330.txt",
    title: "外交部发言人陆慷就美方公布对华贸易措施答记者问",
    date: "2018-06-15",
    language: "zh",
    pairs: 1,
    answers: { 0: ["答"] },
    questionSpeakers: { 0: "问" },
  },
  {
    file: "mfa_zh_2019-09-02_t1693739.txt",
    title: "2019年9月2日外交部发言人耿爽主持例行记者会",
    date: "2019-09-02",
    language: "zh",
    pairs: 8,
    statements: 1,
    answers: { 0: ["答"], 7: ["答"] },
  },
  {
    file: "mfa_zh_2020-06-17_t1789468.txt",
    title: "2020年6月17日外交部发言人赵立坚主持例行记者会",
    date: "2020-06-17",
    language: "zh",
    pairs: 10,
    statements: 0,
    answers: { 0: ["赵立坚"], 9: ["赵立坚"] },
    questionSpeakers: { 0: "路透社记者", 4: "印度报业托拉斯记者", 9: "法新社记者" },
  },
  {
    // 29 "Q." questions and one "Mr. Roberts:" question (one "Q." was answered by a "THE PRESIDENT"
    // glued to it without a period); the closing "Reporter: Thank you" is procedural, not a pair
    file: "us_president_news_conference_1962-12-12_kennedy_row292.txt",
    title: null,
    date: null,
    language: "en",
    pairs: 30,
    statements: 2,
    answers: { 0: ["THE PRESIDENT"], 18: ["THE PRESIDENT"], 29: ["THE PRESIDENT"] },
    questionSpeakers: { 18: "Mr. Roberts", 29: "Q" },
  },
  {
    file: "us_president_news_conference_1974-02-25_nixon_row101.txt",
    // 24 "Q." turns, of which "Good, thank you, sir..." continues a request for the floor; the closing
    // "MR. CORMIER. Thank you, Mr. President." is procedural (gold set: 21 exchanges, see bench/parser)
    title: null,
    date: null,
    language: "en",
    pairs: 22,
    statements: 3,
    answers: { 2: ["THE. PRESIDENT"], 0: ["THE PRESIDENT"], 21: ["THE PRESIDENT"] },
  },
  {
    file: "us_president_news_conference_1980-09-18_carter_row1.txt",
    title: null,
    date: null,
    language: "en",
    pairs: 15,
    statements: 3,
    answers: { 0: ["THE PRESIDENT"], 14: ["THE PRESIDENT"] },
  },
  {
    file: "wh_2021-05-13-press-briefing-by-press-secretary-jen-psaki-may-13-2021.txt",
    title: "Press Briefing by Press Secretary Jen Psaki, May 13, 2021",
    date: "2021-05-13",
    language: "en",
    pairs: 45,
    statements: 3,
    answers: { 0: ["MS. PSAKI"], 44: ["MS. PSAKI"] },
    sourceName: "bidenwhitehouse.archives.gov",
    dropped: ["timestamp", "timestamp"],
  },
  {
    file: "wh_2021-05-18-press-gaggle-by-press-secretary-jen-psaki-aboard-air-force-one-en-route-detroit-mi.txt",
    title: "Press Gaggle by Press Secretary Jen Psaki Aboard Air Force One En Route Detroit, MI",
    date: "2021-05-18",
    // "Yep." and the reporter's "Is he insisting...?" stay in the first pair
    language: "en",
    pairs: 23,
    statements: 3,
    answers: { 0: ["MS. PSAKI", "Q", "MS. PSAKI"] },
  },
  {
    file: "wh_2021-05-20-background-press-call-by-a-senior-administration-official-on-the-official-working-visit-of-the-republic-of-korea.txt",
    title: "Background Press Call by A Senior Administration Official on the Official Working Visit of the Republic of Korea",
    // six exchanges; thanks, "Can you hear me?" / "Yes, I can." and the closing are procedural statements
    date: "2021-05-20",
    language: "en",
    pairs: 6,
    statements: 9,
    answers: {
      0: ["SENIOR ADMINISTRATION OFFICIAL"],
      3: ["SENIOR ADMINISTRATION OFFICIAL", "Q", "SENIOR ADMINISTRATION OFFICIAL", "Q", "SENIOR ADMINISTRATION OFFICIAL", "Q", "SENIOR ADMINISTRATION OFFICIAL"],
      5: ["SENIOR ADMINISTRATION OFFICIAL"],
    },
  },
  {
    file: "wh_2021-05-21-press-briefing-by-white-house-covid-19-response-team-and-public-health-officials-38.txt",
    title: "Press Briefing by White House COVID-19 Response Team and Public Health Officials",
    date: "2021-05-21",
    language: "en",
    pairs: 7,
    statements: 8,
    answers: { 0: ["DR. WALENSKY", "ACTING ADMINISTRATOR SLAVITT", "MODERATOR"], 2: ["ACTING ADMINISTRATOR SLAVITT", "MODERATOR"] },
  },
  {
    // the title says July 30; the front-matter date (publication) is July 31
    file: "wh_2024-07-31-press-briefing-by-press-secretary-karine-jean-pierre-july-30-2024.txt",
    title: "Press Briefing by Press Secretary Karine Jean-Pierre, July 30, 2024",
    date: "2024-07-30",
    language: "en",
    pairs: 53,
    statements: 5,
    answers: { 1: ["MS. JEAN-PIERRE"] },
  },
];

function check(text: string, draft: TranscriptDraft, e: Expectation) {
  expect(transcriptDraftSchema.safeParse(draft).success).toBe(true);
  expect(draft.title).toBe(e.title);
  expect(draft.date).toBe(e.date);
  expect(draft.language).toBe(e.language);
  expect(draft.pairs).toHaveLength(e.pairs);
  if (e.statements !== undefined) expect(draft.statements).toHaveLength(e.statements);
  for (const [i, speakers] of Object.entries(e.answers)) expect(draft.pairs[+i]!.answers.map((a) => a.speaker)).toEqual(speakers);
  for (const [i, speaker] of Object.entries(e.questionSpeakers ?? {})) expect(draft.pairs[+i]!.question.speaker).toBe(speaker);
  if (e.sourceName !== undefined) expect(draft.sourceName).toBe(e.sourceName);
  if (e.dropped) expect(draft.dropped.map((d) => d.reason)).toEqual(e.dropped);
  expect(accountFor(text, draft)).toEqual([]);
  // Soft line breaks are joined in the text, so compare without whitespace.
  const squash = (s: string) => s.replace(/\s+/g, "");
  for (const p of draft.pairs) expect(squash(text.slice(p.question.start, p.question.end))).toContain(squash(p.question.text.split("\n")[0]!));
  // Every paragraph of every turn reads as one line: no hard line break survives inside a paragraph.
  if (e.file.startsWith("wh_")) for (const p of draft.pairs) for (const a of p.answers) expect(a.text).not.toMatch(/[^\n]\n[^\n]/);
}

describe("real transcripts from ../shared/corpus/transcripts", () => {
  for (const e of EXPECTED) {
    it(e.file, () => {
      const text = readShared("corpus", "transcripts", e.file);
      check(text, parseTranscript(text), e);
    });
  }

  it("covers every file in the folder", async () => {
    const { readdirSync } = await import("node:fs");
    const { sharedPath } = await import("./test-support");
    expect(readdirSync(sharedPath("corpus", "transcripts")).sort()).toEqual(EXPECTED.map((e) => e.file).sort());
  });
});

describe("seed page", () => {
  const text = readShared("seeds", "000_47fa108efec89af6.txt");
  const draft = parseTranscript(text);

  it("reads the header", () => {
    expect(draft.title).toBe("SCIO press conference on striving for new breakthroughs to revitalize Jilin in the new era");
    expect(draft.date).toBe("2024-05-16");
    expect(draft.sourceName).toBe("China.org.cn");
    expect(draft.language).toBe("en");
  });

  it("finds one unlabeled question answered by the moderator hand-off and the official", () => {
    expect(draft.pairs).toHaveLength(1);
    const pair = draft.pairs[0]!;
    expect(pair.question.speaker).toBeNull();
    expect(pair.question.text.startsWith("In the first quarter of this year")).toBe(true);
    expect(pair.question.text.endsWith("Thank you.")).toBe(true);
    expect(pair.answers.map((a) => a.speaker)).toEqual(["Hu Yuting", "Li Guoqiang"]);
    expect(pair.answers.map((a) => a.role)).toEqual(["moderator", "official"]);
    expect(pair.answers[1]!.text.endsWith("featuring Jilin's characteristics and advantages. Thank you.")).toBe(true);
    expect(pair.flags).toContain("no_question_label");
    expect(draft.speakers).toEqual([
      { label: "Hu Yuting", role: "moderator" },
      { label: "Li Guoqiang", role: "official" },
    ]);
  });

  it("drops the navigation and pagination lines and accounts for everything", () => {
    expect(draft.dropped.map((d) => [d.reason, text.slice(d.start, d.end).replace(/\s+/g, " ")])).toEqual([
      ["navigation", "Home - Press Room -"],
      ["pagination", "< 1 2 3 4 5 6 7 8 9 10 >"],
    ]);
    expect(draft.unassigned).toEqual([]);
    expect(accountFor(text, draft)).toEqual([]);
  });
});
