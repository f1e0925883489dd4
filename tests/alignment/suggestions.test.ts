import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedUsers, type SeededUsers } from "../auth/fixtures";
import { useTestServices, type TestServices } from "../support/services";

// The real case the aligner cannot settle alone: the ministry's English site published the
// 29 April 2019 briefing twice (t1659619 and t1660057), the Chinese site once (t1659475).
// The aligner must suggest, not guess; an editor's acceptance links the pages and their
// exchanges, rejects the rival, is audited, and survives re-runs.

const corpusDir = path.resolve(import.meta.dirname, "../../../shared/corpus");
const EN_PAGES = ["t1659619", "t1660057"];
const ZH_PAGES = ["t1659475"];

let services: TestServices;
let users: SeededUsers;
let dir: string;

async function pageLines(file: string, pages: string[]): Promise<string> {
  const text = await readFile(path.join(corpusDir, file), "utf8");
  const lines = text.split("\n").filter((line) => line.trim() && pages.includes(/-(t\d+)-\d+$/.exec((JSON.parse(line) as { id: string }).id)?.[1] ?? ""));
  return `${lines.join("\n")}\n`;
}

beforeAll(async () => {
  services = await useTestServices();
  users = await seedUsers();
  dir = await mkdtemp(path.join(os.tmpdir(), "pressroom-suggestions-test-"));
  await writeFile(path.join(dir, "en.jsonl"), await pageLines("mfa_prc_press_conferences_2016_2020_en.jsonl", EN_PAGES));
  await writeFile(path.join(dir, "zh.jsonl"), await pageLines("mfa_prc_press_conferences_2016_2020_zh.jsonl", ZH_PAGES));
  const { importCorpusFiles } = await import("@/lib/corpus/import");
  await importCorpusFiles([path.join(dir, "en.jsonl")], { concurrency: 1 });
  await importCorpusFiles([path.join(dir, "zh.jsonl")], { concurrency: 1 });
});

afterAll(async () => {
  await services?.cleanup();
  if (dir) await rm(dir, { recursive: true, force: true });
});

const pageOf = (url?: string | null) => /t\d+/.exec(url ?? "")?.[0];

describe("conference suggestions for editors", () => {
  it("suggests both English pages for the Chinese one instead of linking either", async () => {
    const { listConferenceSuggestions } = await import("@/lib/alignment/suggestions");
    const { db } = await import("@/lib/db/client");
    const suggestions = await listConferenceSuggestions();
    const pairs = suggestions.map((s) => [pageOf(s.first.sourceUrl), pageOf(s.second.sourceUrl)].sort().join(" ")).sort();
    expect(pairs).toEqual(["t1659475 t1659619", "t1659475 t1660057"]);
    expect(await db().conferenceCounterpart.count({ where: { status: "LINKED" } })).toBe(0);
    expect(await db().pairCounterpart.count()).toBe(0);
  });

  it("refuses malformed and unknown decisions with a clear message", async () => {
    const { decideConferenceSuggestion } = await import("@/lib/alignment/suggestions");
    const actor = { userId: users.editor.id };
    await expect(decideConferenceSuggestion({ action: "maybe", id: "1" }, actor)).rejects.toThrow("Choose accept or reject");
    await expect(decideConferenceSuggestion({ action: "accept", id: "abc" }, actor)).rejects.toThrow("A suggestion id is a number");
    await expect(decideConferenceSuggestion({ action: "accept", id: 999999 }, actor)).rejects.toThrow("There is no suggestion 999999");
  });

  it("accepting one links the pages and their exchanges, rejects the rival, audits, and survives a re-run", async () => {
    const { decideConferenceSuggestion, listConferenceSuggestions } = await import("@/lib/alignment/suggestions");
    const { runAlignment } = await import("@/lib/alignment/run");
    const { db } = await import("@/lib/db/client");
    const chosen = (await listConferenceSuggestions()).find((s) => [s.first.sourceUrl, s.second.sourceUrl].some((u) => pageOf(u) === "t1659619"))!;
    const decision = await decideConferenceSuggestion({ action: "accept", id: String(chosen.id) }, { userId: users.editor.id, ip: "10.0.0.7" });
    expect(decision.message).toMatch(/^Linked: /);
    expect(decision.alignment?.pairLinks.created).toBeGreaterThanOrEqual(8);

    const links = await db().conferenceCounterpart.findMany({
      select: { status: true, confirmed: true, method: true, conference: { select: { sourceUrl: true } }, counterpart: { select: { sourceUrl: true } } },
    });
    const byPages = Object.fromEntries(
      links.map((l) => [[pageOf(l.conference.sourceUrl), pageOf(l.counterpart.sourceUrl)].sort().join(" "), `${l.status} ${l.method} ${l.confirmed}`]),
    );
    expect(byPages).toEqual({ "t1659475 t1659619": "LINKED editor true", "t1659475 t1660057": "REJECTED editor true" });
    expect(await listConferenceSuggestions()).toEqual([]);

    const audit = await db().auditEvent.findMany({ where: { action: { startsWith: "conference.counterpart." } }, select: { action: true, userId: true, ip: true } });
    expect(audit).toEqual([{ action: "conference.counterpart.accept", userId: users.editor.id, ip: "10.0.0.7" }]);

    const pairLinks = await db().pairCounterpart.count({ where: { status: "LINKED" } });
    const again = await runAlignment();
    expect(again.suggestions).toBe(0);
    expect(again.conferenceLinks.created + again.conferenceLinks.removed + again.pairLinks.created + again.pairLinks.removed).toBe(0);
    expect(await db().pairCounterpart.count({ where: { status: "LINKED" } })).toBe(pairLinks);

    await expect(decideConferenceSuggestion({ action: "reject", id: String(chosen.id) }, { userId: users.editor.id })).rejects.toThrow(/already decided \(linked\)/);
  });
});

describe("alignment after an editor's publish", () => {
  it("links a briefing published by an editor in its second language to the imported first one", async () => {
    const { importCorpusFiles } = await import("@/lib/corpus/import");
    const { publishTranscriptText } = await import("@/lib/archive/transcript-file");
    const { db } = await import("@/lib/db/client");
    const en = path.join(dir, "en-0402.jsonl");
    await writeFile(en, await pageLines("mfa_prc_press_conferences_2016_2020_en.jsonl", ["t1650723"]));
    await importCorpusFiles([en], { concurrency: 1 });

    // The Chinese page of the same day as an editor would paste it: 问/答 turns in order.
    const records = (await pageLines("mfa_prc_press_conferences_2016_2020_zh.jsonl", ["t1650630"]))
      .trim()
      .split("\n")
      .map((line) => JSON.parse(line) as { conference: string; organizer: string; question: string; answer: string });
    const text = records.map((r) => `问：${r.question}\n\n耿爽：${r.answer}`).join("\n\n");
    const published = await publishTranscriptText(text, {
      sourceKey: "editor-zh-2019-04-02",
      title: records[0].conference,
      heldOn: "2019-04-02",
      organizer: records[0].organizer,
      language: "zh",
    });
    expect(published?.pairs.length).toBe(records.length);

    const link = await db().conferenceCounterpart.findFirst({
      where: { status: "LINKED", OR: [{ conferenceId: published!.conferenceId }, { counterpartId: published!.conferenceId }] },
      select: { conference: { select: { sourceUrl: true, language: true } }, counterpart: { select: { sourceUrl: true, language: true } } },
    });
    expect([link?.conference.language, link?.counterpart.language].sort()).toEqual(["en", "zh"]);
    expect([link?.conference.sourceUrl, link?.counterpart.sourceUrl].map(pageOf)).toContain("t1650723");
    const pairLinks = await db().pairCounterpart.count({
      where: { status: "LINKED", OR: [{ pair: { conferenceId: published!.conferenceId } }, { counterpart: { conferenceId: published!.conferenceId } }] },
    });
    expect(pairLinks).toBeGreaterThanOrEqual(4);
  });
});
