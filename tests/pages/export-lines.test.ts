import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { useTestServices, type TestServices } from "../support/services";

// GET /export.jsonl writes its lines in Postgres (lib/catalog/export-lines.ts). Each line must
// be, byte for byte, the JSON of GET /qa/{publicId} (pairJson, built from Prisma rows in Node,
// which is how the export was written before). Real corpus pairs through the real importer, in
// a real Postgres, plus the awkward cases the corpus may lack: other-language links, corrections,
// flags, control characters, a hostile source URL, a pair without a questioner or answers.

const corpusDir = path.resolve(import.meta.dirname, "../../../shared/corpus");
let services: TestServices;

beforeAll(async () => {
  services = await useTestServices();
  const { importCorpusFiles } = await import("@/lib/corpus/import");
  // Each file on its own: a limit counts across files, and the first would fill it.
  for (const file of ["us_presidential_news_conferences_1960_1980.jsonl", "mfa_prc_press_conferences_2016_2020_en.jsonl", "mfa_prc_press_conferences_2016_2020_zh.jsonl"])
    await importCorpusFiles([path.join(corpusDir, file)], { limit: 800 });
  const { db } = await import("@/lib/db/client");
  const pairs = await db().qaPair.findMany({ orderBy: { id: "asc" }, select: { id: true, conferenceId: true } });
  const [c, a, b, d, e, f] = [pairs[3], pairs[40], pairs[41], pairs[700], pairs[1500], pairs[2000]];
  // Links on both sides of a (a link is stored smaller id first), one to a hidden pair (left
  // out), one rejected (left out).
  await db().pairCounterpart.createMany({
    data: [
      { pairId: a.id, counterpartId: b.id, confidence: 0.8125, confirmed: true, method: "manual" },
      { pairId: a.id, counterpartId: d.id, confidence: 0.1, method: "manual" },
      { pairId: c.id, counterpartId: a.id, confidence: 1, method: "manual" },
      { pairId: a.id, counterpartId: e.id, confidence: 0.5, method: "manual" },
      { pairId: a.id, counterpartId: f.id, confidence: 0.5, method: "manual", status: "REJECTED" },
    ],
  });
  await db().qaPair.update({ where: { id: e.id }, data: { status: "UNPUBLISHED" } });
  await db().qaPair.update({
    where: { id: b.id },
    data: {
      correctedAt: new Date("2026-03-04T05:06:07.089Z"),
      correctionNote: 'Figure "corrected"\n\ttab \u0001 \\ ünïcödé 中文 \u2028',
      flags: ["disputed", "translated"],
      version: 3,
      questionerId: null,
      outletId: null,
    },
  });
  await db().turn.updateMany({
    where: { qaPairId: c.id, kind: "ANSWER" },
    data: { speakerId: null, speakerLabel: null, role: null, text: 'Control \u0007 bell, quote " and backslash \\ </script>' },
  });
  await db().turn.deleteMany({ where: { qaPairId: d.id, kind: "ANSWER" } });
  await db().conference.update({ where: { id: a.conferenceId }, data: { sourceUrl: "javascript:alert(1)", organizer: null, location: 'Room "B"' } });
  await db().conference.update({ where: { id: c.conferenceId === a.conferenceId ? d.conferenceId : c.conferenceId }, data: { heldOn: null } });
  const topic = await db().topic.create({ data: { name: 'Trade "talks"', slug: "trade-talks-test" } });
  const other = await db().topic.create({ data: { name: "Ports", slug: "ports-test" } });
  await db().qaPairTopic.createMany({
    data: [
      { qaPairId: c.id, topicId: other.id },
      { qaPairId: c.id, topicId: topic.id },
      { qaPairId: a.id, topicId: topic.id },
    ],
  });
}, 600_000);

afterAll(async () => {
  await services?.cleanup();
});

async function exported(since: Date | null, batchSize?: number): Promise<string[]> {
  const { exportLines } = await import("@/lib/catalog/export-lines");
  let text = "";
  for await (const chunk of exportLines(since, batchSize)) text += chunk;
  expect(text.endsWith("\n")).toBe(true);
  return text.slice(0, -1).split("\n");
}

/** The line as GET /qa/{publicId} writes the pair, which is how the export wrote it before. */
async function pairApiLine(publicId: string): Promise<string> {
  const { pairJsonByPublicId } = await import("@/lib/catalog/api");
  return JSON.stringify(await pairJsonByPublicId(publicId));
}

describe("the export written by Postgres", () => {
  it("writes every visible pair exactly as the pair API does, in id order", async () => {
    const { db } = await import("@/lib/db/client");
    const visible = await db().qaPair.findMany({ where: { status: "PUBLISHED", conference: { status: "PUBLISHED" } }, orderBy: { id: "asc" }, select: { publicId: true } });
    expect(visible.length).toBeGreaterThan(2_000);
    const lines = await exported(null);
    expect(lines).toHaveLength(visible.length);
    const mismatches: string[] = [];
    for (const [i, { publicId }] of visible.entries()) {
      const expected = await pairApiLine(publicId);
      if (lines[i] !== expected) mismatches.push(`${publicId}\n  export: ${lines[i]}\n  api:    ${expected}`);
    }
    expect(mismatches.slice(0, 3)).toEqual([]);
  }, 300_000);

  it("covers the awkward cases: links both ways, corrections, control characters, nulls, a hostile URL", async () => {
    const lines = (await exported(null)).map((line) => JSON.parse(line));
    const withLinks = lines.filter((l) => l.counterparts.length > 0);
    // a links to b, d and c (d lost its answers but stays visible; e is hidden; f's link is rejected).
    expect(withLinks.some((l) => l.counterparts.length === 3)).toBe(true);
    expect(lines.some((l) => l.correctionNote?.includes("\u0001") && l.questioner === null && l.flags.length === 2)).toBe(true);
    expect(lines.some((l) => l.answers.some((a: { speaker: string; role: string | null }) => a.speaker === "Unidentified speaker" && a.role === null))).toBe(true);
    expect(lines.some((l) => l.answers.length === 0)).toBe(true);
    expect(lines.some((l) => l.conference.date === null)).toBe(true);
    expect(lines.some((l) => l.conference.organizer === null && l.conference.sourceUrl === null)).toBe(true);
    expect(lines.some((l) => l.topics.length === 2)).toBe(true);
    expect(new Set(lines.map((l) => l.conference.language))).toEqual(new Set(["en", "zh"]));
  });

  it("gives the same lines in batches of any size and with updated_since", async () => {
    const whole = await exported(null);
    expect(await exported(null, 7)).toEqual(whole);
    const { db } = await import("@/lib/db/client");
    const cutoff = new Date();
    const [pair] = await db().qaPair.findMany({ orderBy: { id: "desc" }, take: 1, where: { status: "PUBLISHED" }, select: { publicId: true } });
    await db().qaPair.update({ where: { publicId: pair.publicId }, data: { correctionNote: "Later correction" } });
    const since = await exported(cutoff);
    expect(since).toEqual([await pairApiLine(pair.publicId)]);
  });
});
