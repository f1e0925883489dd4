import { describe, expect, it } from "vitest";
import { corpusRecordSchema } from "./record";
import { mapCorpusRecord } from "./mapping";
import { seededRandom, synthesizeConferences, zipfSampler, type SourceExchange, type SynthesisSources } from "./synthesize";

const exchange = (lang: "en" | "zh", n: number, answerers = ["MS. PSAKI"]): SourceExchange => ({
  question: lang === "zh" ? `问题${n}` : `Question number ${n} about trade?`,
  answer: lang === "zh" ? `回答${n}` : `Answer number ${n}.`,
  answerers,
  lang,
  topic: n % 3 === 0 ? "TRADE" : null,
  flags: n % 5 === 0 ? ["short_answer", "year_inferred"] : [],
});

const sources: SynthesisSources = {
  en: Array.from({ length: 50 }, (_, i) => exchange("en", i)),
  zh: Array.from({ length: 20 }, (_, i) => exchange("zh", i, ["耿爽"])),
  conferenceSizes: [1, 5, 12, 30, 8],
  outlets: { en: ["Reuters", "AFP"], zh: ["新华社"] },
};

const all = (pairs: number, seed = 7) => [...synthesizeConferences(sources, { pairs, seed })];

describe("seededRandom", () => {
  it("repeats for a seed and differs between seeds", () => {
    const a = seededRandom(7);
    const b = seededRandom(7);
    const c = seededRandom(8);
    const seqA = Array.from({ length: 5 }, a);
    expect(Array.from({ length: 5 }, b)).toEqual(seqA);
    expect(Array.from({ length: 5 }, c)).not.toEqual(seqA);
    expect(seqA.every((x) => x >= 0 && x < 1)).toBe(true);
  });
});

describe("zipfSampler", () => {
  it("draws a long tail: the first item most often, the last rarely but sometimes", () => {
    const pick = zipfSampler(100, 1.1);
    const random = seededRandom(1);
    const counts = new Array(100).fill(0);
    for (let i = 0; i < 20_000; i++) counts[pick(random)]++;
    expect(counts[0]).toBeGreaterThan(counts[1]);
    expect(counts[1]).toBeGreaterThan(counts[10]);
    expect(counts[0] / 20_000).toBeGreaterThan(0.15);
    expect(counts.filter((c) => c > 0).length).toBeGreaterThan(90);
  });
});

describe("synthesizeConferences", () => {
  it("makes exactly the pairs asked for, the same ones for the same seed", () => {
    const first = all(1234);
    expect(first.flat()).toHaveLength(1234);
    expect(all(1234)).toEqual(first);
    expect(all(1234, 8)).not.toEqual(first);
  });

  it("writes valid corpus records with unique ids, contiguous seq per conference and one date per conference", () => {
    const conferences = all(3000);
    const ids = new Set<string>();
    for (const records of conferences) {
      expect(records.map((r) => r.seq)).toEqual(records.map((_, i) => i + 1));
      expect(new Set(records.map((r) => `${r.date}|${r.organizer}|${r.conference}|${r.lang}`)).size).toBe(1);
      for (const record of records) {
        expect(corpusRecordSchema.safeParse(record).success).toBe(true);
        ids.add(record.id);
      }
    }
    expect(ids.size).toBe(3000);
  });

  it("groups each synthetic conference into one archive conference, distinct from every other", () => {
    const conferences = all(2000);
    const keys = conferences.map((records) => new Set(records.map((r) => mapCorpusRecord(r).conference.sourceKey)));
    expect(keys.every((k) => k.size === 1)).toBe(true);
    expect(new Set(keys.map((k) => [...k][0])).size).toBe(conferences.length);
  });

  it("spreads over decades, both languages, many organizers and speakers, and drops year_inferred", () => {
    const records = all(20_000).flat();
    const years = new Set(records.map((r) => r.date!.slice(0, 3)));
    expect([...years].sort()).toEqual(["196", "197", "198", "199", "200", "201", "202"]);
    const zh = records.filter((r) => r.lang === "zh").length / records.length;
    expect(zh).toBeGreaterThan(0.08);
    expect(zh).toBeLessThan(0.25);
    expect(new Set(records.map((r) => r.organizer)).size).toBeGreaterThan(100);
    expect(new Set(records.map((r) => r.answerers[0])).size).toBeGreaterThan(300);
    const outlets = records.filter((r) => r.questioner).map((r) => r.questioner!.split(", ")[1]);
    expect(new Set(outlets).size).toBeGreaterThan(100);
    expect(records.some((r) => r.flags.includes("year_inferred"))).toBe(false);
    expect(records.some((r) => r.flags.includes("short_answer"))).toBe(true);
  });

  it("refuses zero pairs and empty sources", () => {
    expect(() => all(0)).toThrow(/1 or more/);
    expect(() => [...synthesizeConferences({ ...sources, zh: [] }, { pairs: 5, seed: 1 })]).toThrow(/Chinese/);
  });
});
