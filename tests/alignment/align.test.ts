import { mkdtemp, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedUsers, type SeededUsers } from "../auth/fixtures";
import { useTestServices, type TestServices } from "../support/services";

// Real MFA pages in both languages through the real importer: the Chinese file, imported
// second, is linked within its import; `runAlignment` over everything changes nothing after
// that; editors' decisions survive re-runs; bad input is refused or flagged, never linked.

const corpusDir = path.resolve(import.meta.dirname, "../../../shared/corpus");
const EN_PAGES = [
  "t1650723", // 2019-04-02, five exchanges in both versions
  "t1674433", // 2019-06-21, the Chinese page folds follow-ups together (15 vs 11 pairs)
  "t1664498", // 2019-05-17, its Chinese page below is cut to two pairs: too different to link
  "t1686638", // undated remarks
];
const ZH_PAGES = ["t1650630", "t1650254" /* 2019-04-01, the day before: a distractor */, "t1674409", "t1664434"];
const TRUNCATED = "t1664434";

type Raw = { id: string; seq: number; lang: string };
let services: TestServices;
let users: SeededUsers;
let dir: string;
let files: { en: string; zh: string };

async function pageLines(file: string, pages: string[]): Promise<string[]> {
  const { readFile } = await import("node:fs/promises");
  const text = await readFile(path.join(corpusDir, file), "utf8");
  return text.split("\n").filter((line) => {
    if (!line.trim()) return false;
    const record = JSON.parse(line) as Raw;
    const page = /-(t\d+)-\d+$/.exec(record.id)?.[1] ?? "";
    return pages.includes(page) && !(page === TRUNCATED && record.seq > 2);
  });
}

beforeAll(async () => {
  services = await useTestServices();
  users = await seedUsers();
  dir = await mkdtemp(path.join(os.tmpdir(), "pressroom-align-test-"));
  files = { en: path.join(dir, "en.jsonl"), zh: path.join(dir, "zh.jsonl") };
  await writeFile(files.en, `${(await pageLines("mfa_prc_press_conferences_2016_2020_en.jsonl", EN_PAGES)).join("\n")}\n`);
  await writeFile(files.zh, `${(await pageLines("mfa_prc_press_conferences_2016_2020_zh.jsonl", ZH_PAGES)).join("\n")}\n`);
});

afterAll(async () => {
  await services?.cleanup();
  if (dir) await rm(dir, { recursive: true, force: true });
});

async function pairId(sourceId: string): Promise<number> {
  const { db } = await import("@/lib/db/client");
  return (await db().qaPair.findFirstOrThrow({ where: { sourceId }, select: { id: true } })).id;
}

async function publicIdOf(sourceId: string): Promise<string> {
  const { db } = await import("@/lib/db/client");
  return (await db().qaPair.findFirstOrThrow({ where: { sourceId }, select: { publicId: true } })).publicId;
}

async function linkedSourceIds(): Promise<string[]> {
  const { db } = await import("@/lib/db/client");
  const rows = await db().pairCounterpart.findMany({ where: { status: "LINKED" }, select: { pair: { select: { sourceId: true } }, counterpart: { select: { sourceId: true } } } });
  const short = (id: string | null) => (id ?? "").replace(/^mfa-/, "");
  return rows.map((r) => [short(r.pair.sourceId), short(r.counterpart.sourceId)].sort().join(" ")).sort();
}

describe("alignment over the database", () => {
  it("links a briefing imported in its second language within the import, choosing the page by content", async () => {
    const { importCorpusFiles } = await import("@/lib/corpus/import");
    const first = await importCorpusFiles([files.en], { concurrency: 1 });
    expect(first.alignment && "conferences" in first.alignment ? first.alignment.conferenceLinks.created : 0).toBe(0);
    const second = await importCorpusFiles([files.zh], { concurrency: 1 });
    expect(second.alignment && "conferences" in second.alignment ? second.alignment.conferenceLinks.created : -1).toBeGreaterThanOrEqual(2);

    const { db } = await import("@/lib/db/client");
    const conferenceLinks = await db().conferenceCounterpart.findMany({
      select: { status: true, method: true, conference: { select: { sourceUrl: true } }, counterpart: { select: { sourceUrl: true } } },
    });
    const page = (url: string | null) => /t\d+/.exec(url ?? "")?.[0];
    const linked = conferenceLinks.filter((l) => l.status === "LINKED").map((l) => [page(l.conference.sourceUrl), page(l.counterpart.sourceUrl)].sort().join(" "));
    expect(linked.sort()).toEqual(["t1650630 t1650723", "t1674409 t1674433"]);
    // The page cut to two of ten pairs is offered to editors, not linked.
    const suggested = conferenceLinks.filter((l) => l.status === "SUGGESTED").map((l) => [page(l.conference.sourceUrl), page(l.counterpart.sourceUrl)].sort().join(" "));
    expect(suggested).toEqual(["t1664434 t1664498"]);

    const links = await linkedSourceIds();
    expect(links).toContain("en-t1650723-001 zh-t1650630-001");
    expect(links).toContain("en-t1650723-005 zh-t1650630-005");
    // Follow-ups folded into one Chinese pair: EN 3 and 4 both link to ZH 2.
    expect(links).toContain("en-t1674433-003 zh-t1674409-002");
    expect(links).toContain("en-t1674433-004 zh-t1674409-002");
    expect(links.some((l) => l.includes("t1650254"))).toBe(false);
  });

  it("changes nothing when run again, and reports pages without a counterpart", async () => {
    const { runAlignment } = await import("@/lib/alignment/run");
    const before = await linkedSourceIds();
    const again = await runAlignment();
    expect(again.conferenceLinks).toMatchObject({ created: 0, updated: 0, removed: 0 });
    expect(again.pairLinks).toMatchObject({ created: 0, updated: 0, removed: 0 });
    expect(again.pairLinks.unchanged).toBe(before.length);
    expect(await linkedSourceIds()).toEqual(before);
    expect(again.unmatched.find((u) => u.reason.startsWith("no date"))).toBeTruthy();
  });

  it("puts counterparts into the pair JSON of the API, and an empty list where there are none", async () => {
    const { pairJsonByPublicId } = await import("@/lib/catalog/api");
    const json = await pairJsonByPublicId(await publicIdOf("mfa-en-t1650723-002"));
    expect(json?.counterparts).toEqual([
      expect.objectContaining({ id: await publicIdOf("mfa-zh-t1650630-002"), sourceId: "mfa-zh-t1650630-002", language: "zh", confirmed: false }),
    ]);
    expect(json!.counterparts[0].url).toMatch(/\/qa\/[0-9a-z]{8}\//);
    expect(json!.counterparts[0].confidence).toBeGreaterThan(0.5);
    const lone = await pairJsonByPublicId(await publicIdOf("mfa-en-t1686638-001"));
    expect(lone?.counterparts).toEqual([]);
  });

  it("lets editors confirm, remove and relink, audited, and a re-run keeps their decisions", async () => {
    const { editPairLink } = await import("@/lib/alignment/edit");
    const { runAlignment } = await import("@/lib/alignment/run");
    const { db } = await import("@/lib/db/client");
    const actor = { userId: users.editor.id, ip: "10.0.0.9" };
    const en1 = await publicIdOf("mfa-en-t1650723-001");
    const zh1 = await publicIdOf("mfa-zh-t1650630-001");
    const en3 = await publicIdOf("mfa-en-t1650723-003");
    const zh3 = await publicIdOf("mfa-zh-t1650630-003");

    expect(await editPairLink({ action: "confirm", pair: en1, counterpart: zh1 }, actor)).toMatch(/Confirmed/);
    expect(await editPairLink({ action: "remove", pair: en3, counterpart: zh3 }, actor)).toMatch(/Removed/);
    const audit = await db().auditEvent.findMany({ where: { action: { startsWith: "pair.counterpart." } }, orderBy: { id: "asc" } });
    expect(audit.map((a) => [a.action, a.targetId, a.ip])).toEqual([
      ["pair.counterpart.confirm", en1, "10.0.0.9"],
      ["pair.counterpart.remove", en3, "10.0.0.9"],
    ]);

    await runAlignment();
    const row = (a: number, b: number) =>
      db().pairCounterpart.findUnique({ where: { pairId_counterpartId: a < b ? { pairId: a, counterpartId: b } : { pairId: b, counterpartId: a } } });
    expect(await row(await pairId("mfa-en-t1650723-003"), await pairId("mfa-zh-t1650630-003"))).toMatchObject({ status: "REJECTED" });
    expect(await row(await pairId("mfa-en-t1650723-001"), await pairId("mfa-zh-t1650630-001"))).toMatchObject({ status: "LINKED", confirmed: true });

    // Relinking EN 3 by hand to ZH 4 replaces nothing still linked (its link was removed) and is confirmed.
    const zh4 = await publicIdOf("mfa-zh-t1650630-004");
    expect(await editPairLink({ action: "link", pair: en3, counterpart: zh4 }, actor)).toMatch(/Linked/);
    expect(await row(await pairId("mfa-en-t1650723-003"), await pairId("mfa-zh-t1650630-004"))).toMatchObject({ status: "LINKED", method: "editor", confirmed: true });
  });

  it("refuses same-language links, links to a pair already confirmed elsewhere, and malformed ids with a clear message", async () => {
    const { editPairLink } = await import("@/lib/alignment/edit");
    const actor = { userId: users.editor.id };
    const en1 = await publicIdOf("mfa-en-t1650723-001");
    const en2 = await publicIdOf("mfa-en-t1650723-002");
    const zh1 = await publicIdOf("mfa-zh-t1650630-001");
    await expect(editPairLink({ action: "link", pair: en1, counterpart: en2 }, actor)).rejects.toThrow(/same language \(en\)/);
    await expect(editPairLink({ action: "link", pair: en1, counterpart: zh1 }, actor)).rejects.toThrow(/already linked/);
    await expect(editPairLink({ action: "link", pair: en2, counterpart: zh1 }, actor)).rejects.toThrow(/already linked to .* \(confirmed\); remove that link first/);
    await expect(editPairLink({ action: "link", pair: "nope", counterpart: zh1 }, actor)).rejects.toThrow(/8 letters and digits/);
    await expect(editPairLink({ action: "confirm", pair: en2, counterpart: await publicIdOf("mfa-zh-t1650630-005") }, actor)).rejects.toThrow(/is not linked to/);
  });
  it("reads only the published conference's organizer, still finding its names in other languages and cases", async () => {
    const { bilingualOrganizers } = await import("@/lib/alignment/load");
    const { organizerKey } = await import("@/lib/alignment/conferences");
    const { db } = await import("@/lib/db/client");
    const others: [string, string][] = [
      ["Élysée Palace", "fr"],
      ["ÉLYSÉE PALACE", "en"],
      ["外交部", "zh"],
      ["Foreign Ministry (外交部)", "en"],
      ["100% Press_Office", "en"],
      ["100% press office", "de"],
    ];
    for (const [i, [organizer, language]] of others.entries())
      await db().conference.create({ data: { slug: `organizer-scope-${i}`, title: organizer, organizer, language, heldOn: new Date("2019-04-02"), status: "PUBLISHED" } });

    const everything = await bilingualOrganizers();
    const mfa = organizerKey((await db().conference.findFirstOrThrow({ where: { language: "zh", sourceKey: { not: null } }, select: { organizer: true } })).organizer);
    for (const key of [mfa, "élysée palace", "外交部", "100 press office"]) {
      const scoped = await bilingualOrganizers([key]);
      expect([...scoped.keys()]).toEqual([key]);
      expect(new Set(scoped.get(key))).toEqual(new Set(everything.get(key)));
      expect(scoped.get(key)!.length).toBeGreaterThanOrEqual(2);
    }
    expect(everything.size).toBeGreaterThanOrEqual(4);
    expect((await bilingualOrganizers(["nobody at all"])).size).toBe(0);
    await db().conference.deleteMany({ where: { slug: { startsWith: "organizer-scope-" } } });
  });
});
