import { describe, expect, it } from "vitest";
import { matchConferences, organizerKey, titleKind, titlesCompatible, type AlignConference } from "./conferences";
import { numbersOf } from "./features";
import { conceptsOf } from "./lexicon";
import { alignPairs } from "./pairs";

const en = (id: string, question: string, answer: string, outlet: string | null = null) => ({ id, question, answer, outlet });

// Five exchanges of one briefing, written for these tests in both languages.
const EN_PAIRS = [
  en(
    "e1",
    "On July 28, Japan and the US held talks in Tokyo. What is your comment?",
    "We have noted the reports. China hopes Japan and the US will do more for regional peace and stability.",
  ),
  en(
    "e2",
    "The UK said 37 countries signed a letter on Xinjiang. Do you have any comment?",
    "The letter signed by 37 countries shows that the international community supports China's position on Xinjiang. ".repeat(3),
  ),
  en("e3", "Has China received any request from Brazil?", "I am not aware of that."),
  en(
    "e4",
    "Huawei said its revenue rose 23% to 400 billion yuan in 2019. Any comment?",
    "Huawei is a private company. We support Chinese firms in operating in accordance with law, and we oppose the abuse of national security. ".repeat(2),
  ),
  en("e5", "Will Wang Yi visit Russia next week?", "Wang Yi will visit Russia from July 30 to August 2 at the invitation of Foreign Minister Lavrov. ".repeat(2)),
];
const ZH_PAIRS = [
  en("z1", "7月28日，日本和美国在东京举行会谈。你对此有何评论？", "我们注意到有关报道。中方希望日美为地区和平稳定多做贡献。"),
  en("z2", "英方称37个国家就新疆问题签署联名信。你有何评论？", "37国联名信表明，国际社会支持中方在新疆问题上的立场。".repeat(3)),
  // The Chinese page folds the follow-up ("追问") into this pair, so e4 has no pair of its own.
  en("z4", "华为称其2019年收入增长23%，达到4000亿元。你有何评论？", "华为是民营企业。我们支持中国企业依法经营，反对滥用国家安全。".repeat(2)),
  en("z5", "王毅下周会访问俄罗斯吗？", "王毅将于7月30日至8月2日应拉夫罗夫外长邀请访问俄罗斯。".repeat(2)),
];

describe("features that survive translation", () => {
  it("reads dates, scaled amounts and thousands separators the same way in both languages", () => {
    expect(numbersOf("On July 28, 1,000 people and 30 million dollars", "en")).toEqual(new Set(["7", "28", "1000", "30000000"]));
    expect(numbersOf("7月28日，1000人和3000万美元", "zh")).toEqual(new Set(["7", "28", "1000", "30000000"]));
    expect(numbersOf("第二十二次会晤于十月举行", "zh")).toEqual(new Set(["22", "10"]));
  });

  it("finds names in both scripts and does not read the pronoun 'us' or the word 'who' as names", () => {
    expect(conceptsOf("Let us ask who will meet President Xi Jinping in Hong Kong", "en")).toEqual(new Set(["xi-jinping", "hong-kong"]));
    expect(conceptsOf("The US and the WHO", "en")).toEqual(new Set(["us", "who"]));
    expect(conceptsOf("美方与世卫组织在香港会见习近平主席", "zh")).toEqual(new Set(["us", "who", "hong-kong", "xi-jinping"]));
    expect(conceptsOf("Reuters", "fr")).toEqual(new Set());
  });
});

describe("pair alignment", () => {
  it("links the shared exchanges in order and leaves the one the other page omits unmatched", () => {
    const result = alignPairs({ language: "en", pairs: EN_PAIRS }, { language: "zh", pairs: ZH_PAIRS });
    const links = result.links.map((l) => `${l.a}-${l.b}`);
    expect(links).toEqual(["e1-z1", "e2-z2", "e4-z4", "e5-z5"]);
    expect(result.unmatchedA).toEqual(["e3"]);
    expect(result.links.every((l) => l.confidence > 0.5 && l.confidence <= 1)).toBe(true);
  });

  it("links a run of follow-ups to the one pair that folds them together", () => {
    const english = [
      EN_PAIRS[0],
      en("f1", "Which US companies are on the sanctions list over the Taiwan arms sale?", "Which question do you want me to answer first?"),
      en("f2", "Three.", "Please ask them one by one."),
      en("f3", "Okay.", "On the first question, the arms sale to Taiwan seriously violates international law. China will sanction the US companies involved. ".repeat(3)),
      EN_PAIRS[4],
    ];
    const chinese = [
      ZH_PAIRS[0],
      en(
        "g1",
        "哪些美国企业因对台军售被列入制裁名单？\n你问了几个问题？\n记者：三个。\n你下次一个个地问。\n记者：好。",
        "关于第一个问题，美方向台湾出售武器严重违反国际法。中方将对参与的美国企业实施制裁。".repeat(3),
      ),
      ZH_PAIRS[3],
    ];
    const links = alignPairs({ language: "en", pairs: english }, { language: "zh", pairs: chinese }).links;
    expect(links.map((l) => `${l.a}-${l.b}`)).toEqual(["e1-z1", "f1-g1", "f2-g1", "f3-g1", "e5-z5"]);
    expect(links[1].shape).toBe("3:1");
  });

  it("returns nothing for an empty side instead of failing", () => {
    const result = alignPairs({ language: "en", pairs: EN_PAIRS }, { language: "zh", pairs: [] });
    expect(result.links).toEqual([]);
    expect(result.coverage).toBe(0);
  });
});

describe("conference matching", () => {
  const conference = (id: string, language: string, heldOn: string | null, title: string, pairs = language === "en" ? EN_PAIRS : ZH_PAIRS): AlignConference => ({
    id,
    language,
    heldOn,
    title,
    organizer: language === "en" ? "Ministry of Foreign Affairs of the PRC" : "中华人民共和国外交部 (Ministry of Foreign Affairs of the PRC)",
    pairs: pairs.map((p) => ({ ...p, id: `${id}:${p.id}` })),
  });

  it("treats the bilingual organizer name as the same body and tells daily briefings from topical remarks", () => {
    expect(organizerKey("中华人民共和国外交部 (Ministry of Foreign Affairs of the PRC)")).toBe(organizerKey("Ministry of Foreign Affairs of the PRC"));
    expect(titleKind("Foreign Ministry Spokesperson Hua Chunying's Remarks on August 6, 2019")).toBe("daily");
    expect(titleKind("Foreign Ministry Spokesperson Hua Chunying's Remarks on US House Speaker Pelosi's Remarks")).toBe("topical");
    expect(titleKind("2019年8月6日外交部发言人华春莹答记者问")).toBe("daily");
    expect(titleKind("外交部发言人华春莹就美方涉港言论答记者问")).toBe("topical");
    expect(
      titlesCompatible(
        conference("a", "en", "2019-09-23", "Foreign Ministry Spokesperson Geng Shuang's Regular Press Conference"),
        conference("b", "zh", "2019-09-23", "2019年9月23日外交部发言人华春莹主持例行记者会"),
      ),
    ).toBe(false);
  });

  it("picks the page by content when a date holds two pages, and accepts a date one day off", () => {
    const other = [en("x1", "关于巴西的问题，你有何评论？", "我不了解有关情况。")];
    const result = matchConferences([
      conference("en-1", "en", "2020-07-02", "Foreign Ministry Spokesperson Zhao Lijian's Regular Press Conference on July 2, 2020"),
      conference("zh-statement", "zh", "2020-07-01", "2020年7月1日外交部发言人赵立坚主持例行记者会", other),
      conference("zh-1", "zh", "2020-07-01", "2020年7月1日外交部发言人赵立坚主持例行记者会"),
    ]);
    expect(result.matches.map((m) => [m.a, m.b, m.dayOffset])).toEqual([["en-1", "zh-1", -1]]);
    expect(result.unmatched.map((u) => u.id)).toContain("zh-statement");
  });

  it("sends two equally good pages to editors instead of guessing, and flags undated pages", () => {
    const result = matchConferences([
      conference("en-1", "en", "2020-07-02", "Regular Press Conference on July 2, 2020"),
      conference("zh-a", "zh", "2020-07-02", "2020年7月2日例行记者会"),
      conference("zh-b", "zh", "2020-07-02", "2020年7月2日例行记者会"),
      conference("en-undated", "en", null, "Remarks on Hong Kong"),
    ]);
    expect(result.matches).toEqual([]);
    expect(result.suggestions).toHaveLength(1);
    expect(result.suggestions[0].candidates.map((c) => c.id).sort()).toEqual(["zh-a", "zh-b"]);
    // Never a suggestion between two pages of one language.
    const two = matchConferences([
      conference("en-a", "en", "2020-07-02", "Regular Press Conference"),
      conference("en-b", "en", "2020-07-02", "Regular Press Conference"),
      conference("zh-1", "zh", "2020-07-02", "例行记者会"),
    ]);
    expect(two.suggestions.length).toBeGreaterThan(0);
    for (const s of two.suggestions) for (const c of s.candidates) expect(c.id.slice(0, 2)).not.toBe(s.conference.slice(0, 2));
    expect(result.unmatched.find((u) => u.id === "en-undated")?.reason).toMatch(/no date/);
  });

  it("never links pages of the same language or of different organizers", () => {
    const result = matchConferences([
      conference("en-1", "en", "2020-07-02", "Regular Press Conference"),
      { ...conference("en-2", "en", "2020-07-02", "Regular Press Conference"), pairs: conference("x", "en", null, "").pairs },
      { ...conference("zh-1", "zh", "2020-07-02", "例行记者会"), organizer: "国务院新闻办公室" },
    ]);
    expect(result.matches).toEqual([]);
  });
});
