import { describe, expect, it } from "vitest";
import { mapCorpusRecord, nameSlug } from "./mapping";
import { corpusFamily, parseCorpusLine, type CorpusRecord } from "./record";

const base: CorpusRecord = {
  id: "wh-2021-05-13-briefing-001",
  date: "2021-05-13",
  conference: "Press Briefing by Press Secretary Jen Psaki, May 13, 2021",
  organizer: "The White House",
  answerers: ["MS. PSAKI"],
  questioner: null,
  question: "Q1?",
  answer: "A1.",
  lang: "en",
  seq: 3,
  topic: null,
  url: "https://example.gov/briefing",
  flags: [],
  source: "brian14708/wh-briefings@737ca03a271a:press-briefings/2021-05/x.md",
};

describe("mapCorpusRecord", () => {
  it("splits a White House answer on the inline labels of its answerers", () => {
    const pair = mapCorpusRecord({
      ...base,
      answerers: ["MS. PSAKI", "MR. KIRBY"],
      answer: "Let me hand it over.\n\nMR. KIRBY:  Thanks, Jen.\n\nU.S. forces are there.\n\nMS. PSAKI:  Go ahead.",
    });
    expect(pair.turns.map((t) => [t.kind, t.speakerLabel, t.text])).toEqual([
      ["QUESTION", null, "Q1?"],
      ["ANSWER", "MS. PSAKI", "Let me hand it over."],
      ["ANSWER", "MR. KIRBY", "Thanks, Jen.\n\nU.S. forces are there."],
      ["ANSWER", "MS. PSAKI", "Go ahead."],
    ]);
  });

  it("keeps one answer turn when a second answerer's label cannot be found", () => {
    const pair = mapCorpusRecord({ ...base, answerers: ["MS. PSAKI", "DR. FAUCI"], answer: "No label here." });
    expect(pair.turns.filter((t) => t.kind === "ANSWER")).toEqual([{ kind: "ANSWER", speaker: "MS. PSAKI", speakerLabel: "MS. PSAKI", role: "OFFICIAL", text: "No label here." }]);
  });

  it("names the president for THE PRESIDENT labels in the US file and splits reporter from outlet", () => {
    const pair = mapCorpusRecord({
      ...base,
      id: "uspnc-1962-12-12-292-004",
      conference: "The President's News Conference (John F. Kennedy)",
      answerers: ["John F. Kennedy", "SECRETARY MCNAMARA"],
      questioner: "Robert C. Pierpoint, CBS News",
      answer: "I will ask the Secretary.\nSECRETARY MCNAMARA. We have no plans.\nTHE PRESIDENT. That is right.",
      url: null,
      source: "henriquesposito/poldis@400366cc1fa2:data/US_News_Conferences_1960_1980.rda (row 292)",
    });
    expect(pair.sourceCorpus).toBe("uspnc");
    expect(pair.questioner).toBe("Robert C. Pierpoint");
    expect(pair.outlet).toBe("CBS News");
    expect(pair.turns.slice(1).map((t) => [t.speaker, t.speakerLabel])).toEqual([
      ["John F. Kennedy", "John F. Kennedy"],
      ["SECRETARY MCNAMARA", "SECRETARY MCNAMARA"],
      ["John F. Kennedy", "THE PRESIDENT"],
    ]);
    // No URL: the source document (without its commit) identifies the conference.
    expect(pair.conference.sourceKey).toBe("corpus:uspnc:2021-05-13:henriquesposito/poldis:data/US_News_Conferences_1960_1980.rda (row 292)");
    expect(pair.conference.sourceUrl).toBeNull();
  });

  it("treats the MFA questioner as the outlet and derives a title when the record has none", () => {
    const pair = mapCorpusRecord({
      ...base,
      id: "cmfa-v4-111",
      conference: null,
      organizer: "Ministry of Foreign Affairs of the PRC",
      date: "2002-11-19",
      questioner: "Reuters",
      flags: ["split_multitopic"],
      url: "http://web.archive.org/web/2003/http://www.fmprc.gov.cn/eng/t14647.htm",
      source: "Euro-sevic/China_MFA_Dashboard@a4367d0e9dd3:data/ukraine_dataset_combined.xlsx (row id 111)",
    });
    expect(pair.sourceCorpus).toBe("cmfa-v4");
    expect(pair).toMatchObject({ questioner: null, outlet: "Reuters", flags: ["split_multitopic"] });
    expect(pair.turns[0]).toMatchObject({ speaker: null, speakerLabel: "Reuters", role: "JOURNALIST" });
    expect(pair.conference).toMatchObject({
      title: "Regular Press Conference of the Ministry of Foreign Affairs, November 19, 2002",
      sourceKey: "corpus:cmfa-v4:2002-11-19:http://web.archive.org/web/2003/http://www.fmprc.gov.cn/eng/t14647.htm",
      sourceName: "Ministry of Foreign Affairs of the People's Republic of China (Internet Archive copy)",
    });
  });

  it("gives the same content hash for the same record and a new one for any change", () => {
    const a = mapCorpusRecord(base);
    expect(mapCorpusRecord({ ...base }).contentHash).toBe(a.contentHash);
    expect(mapCorpusRecord({ ...base, answer: "A1!" }).contentHash).not.toBe(a.contentHash);
    expect(mapCorpusRecord({ ...base, flags: ["short_answer"] }).contentHash).not.toBe(a.contentHash);
  });

  it("keeps an empty answer as an empty answer turn with no speaker", () => {
    const pair = mapCorpusRecord({ ...base, answerers: [], answer: "" });
    expect(pair.turns[1]).toMatchObject({ kind: "ANSWER", speaker: null, text: "" });
  });
});

describe("parseCorpusLine", () => {
  it("names the failing field", () => {
    const result = parseCorpusLine(JSON.stringify({ ...base, seq: 0, date: "2021-02-30" }));
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.reason).toContain("date: date is not a real calendar day");
      expect(result.reason).toContain("seq:");
    }
  });

  it("accepts a null date and rejects text that is not JSON", () => {
    expect(parseCorpusLine(JSON.stringify({ ...base, date: null })).ok).toBe(true);
    expect(parseCorpusLine("{oops")).toMatchObject({ ok: false, reason: expect.stringContaining("not valid JSON") });
  });
});

describe("names", () => {
  it("derives the file family from the id prefix", () => {
    expect(corpusFamily("mfa-en-t1-001")).toBe("mfa-en");
    expect(corpusFamily("cmfa-v4-26710_1")).toBe("cmfa-v4");
    expect(corpusFamily("other-1")).toBe("other");
  });

  it("does not merge names that slugify cannot spell", () => {
    expect(nameSlug("Reuters")).toBe("reuters");
    expect(nameSlug("路透社记者")).toBe("路透社记者");
    expect(nameSlug("ТАСС")).not.toBe(nameSlug("РИА Новости"));
  });
});
