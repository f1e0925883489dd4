import { describe, expect, it } from "vitest";
import type { AlignConference } from "./conferences";
import { planAlignment, type StoredLink } from "./plan";

// Two versions of a three-exchange briefing, ids as the database would give them.
const pairs = (base: number, texts: [string, string][]) => texts.map(([question, answer], k) => ({ id: String(base + k), question, answer }));
const EN: AlignConference = {
  id: "1",
  language: "en",
  heldOn: "2020-05-06",
  title: "Regular Press Conference on May 6, 2020",
  organizer: "Ministry of Foreign Affairs of the PRC",
  pairs: pairs(10, [
    ["On May 4, the EU pledged 7.4 billion euros for vaccines. Comment?", "China welcomes the pledge and will contribute to the WHO effort against COVID-19."],
    ["The Cuban embassy in the US was shot at last week. Comment?", "China condemns the attack on the Cuban embassy."],
    ["Will Wang Yi visit Russia on May 12?", "Wang Yi will visit Russia from May 12 to 14."],
  ]),
};
const ZH: AlignConference = {
  id: "2",
  language: "zh",
  heldOn: "2020-05-06",
  title: "2020年5月6日外交部发言人华春莹主持例行记者会",
  organizer: "中华人民共和国外交部 (Ministry of Foreign Affairs of the PRC)",
  pairs: pairs(20, [
    ["5月4日，欧盟承诺为疫苗筹集74亿欧元。有何评论？", "中方欢迎这一承诺，将为世卫组织抗击新冠疫情的努力作出贡献。"],
    ["古巴驻美国使馆上周遭到枪击。有何评论？", "中方谴责对古巴使馆的袭击。"],
    ["王毅会在5月12日访问俄罗斯吗？", "王毅将于5月12日至14日访问俄罗斯。"],
  ]),
};

const stored = (id: number, first: number, second: number, extra: Partial<StoredLink> = {}): StoredLink => ({
  id,
  first,
  second,
  status: "LINKED",
  confidence: 0.9,
  confirmed: false,
  method: "auto",
  ...extra,
});

describe("planning a run", () => {
  it("creates the conference link and one link per exchange on an empty archive", () => {
    const plan = planAlignment([EN, ZH], { conferences: [], pairs: [] });
    expect(plan.conferences.create.map((l) => [l.first, l.second, l.status])).toEqual([[1, 2, "LINKED"]]);
    expect(plan.pairs.create.map((l) => [l.first, l.second])).toEqual([
      [10, 20],
      [11, 21],
      [12, 22],
    ]);
  });

  it("changes nothing when what is stored is what it would write", () => {
    const first = planAlignment([EN, ZH], { conferences: [], pairs: [] });
    const asStored = (links: typeof first.pairs.create) =>
      links.map((l, k) => stored(k + 1, l.first, l.second, { status: l.status, confidence: l.confidence, reason: l.reason ?? null }));
    const again = planAlignment([EN, ZH], { conferences: asStored(first.conferences.create), pairs: asStored(first.pairs.create) });
    expect(again.conferences).toMatchObject({ create: [], update: [], remove: [], unchanged: 1 });
    expect(again.pairs).toMatchObject({ create: [], update: [], remove: [], unchanged: 3 });
  });

  it("keeps editors' decisions: a removed link is not made again, a confirmed one is not touched, a stale automatic one goes", () => {
    const plan = planAlignment([EN, ZH], {
      conferences: [],
      pairs: [stored(1, 10, 20, { status: "REJECTED", confirmed: true }), stored(2, 11, 22, { confirmed: true, method: "editor" }), stored(3, 12, 21)],
    });
    expect(plan.pairs.create.map((l) => [l.first, l.second])).toEqual([]);
    expect(plan.pairs.remove).toEqual([3]);
  });

  it("aligns pages an editor's manifest paired even when matching would not, and never re-links a removed conference pairing", () => {
    const other = { ...ZH, id: "3", heldOn: "2021-01-01" };
    const manifest = planAlignment([EN, other], { conferences: [], pairs: [] }, [[1, 3]]);
    expect(manifest.conferences.create).toEqual([]);
    expect(manifest.pairs.create.length).toBe(3);
    const rejected = planAlignment([EN, ZH], { conferences: [stored(9, 1, 2, { status: "REJECTED", confirmed: true, method: "editor" })], pairs: [] });
    expect(rejected.conferences.create).toEqual([]);
    expect(rejected.pairs.create).toEqual([]);
  });
});
