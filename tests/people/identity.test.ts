import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ConferenceInput } from "@/lib/archive/conference-input";
import { useTestServices, type TestServices } from "../support/services";

// One person, one speaker page: imports resolve printed variants to one person; editors merge,
// split and rename, and pages, redirects and the search index follow. Real Postgres and Meilisearch.

let services: TestServices;

beforeAll(async () => {
  services = await useTestServices();
});
afterAll(async () => services?.cleanup());

function briefing(title: string, heldOn: string, organizer: string, turns: { asker: string | null; outlet: string | null; answerer: string; text: string }[]): ConferenceInput {
  return {
    metadata: { title, heldOn, language: "en", organizer, sourceName: "test" },
    statements: [],
    pairs: turns.map((t, i) => ({
      question: { speaker: t.asker, outlet: t.outlet, text: `Question ${i} about ${t.text}?` },
      answers: [{ speaker: t.answerer, role: "OFFICIAL" as const, text: `Answer ${i}: ${t.text} will be reviewed.` }],
      flags: [],
      topics: [],
    })),
  };
}

async function drainAll() {
  const { drainOutboxOnce } = await import("@/lib/search/worker");
  for (;;) {
    const r = await drainOutboxOnce({ batchSize: 1000 });
    expect(r.failed).toBe(0);
    if (r.processed === 0 && r.skipped === 0) return;
  }
}

async function search(params: Record<string, string | string[]>) {
  const { searchPairs } = await import("@/lib/search/query");
  const { searchParamsSchema, rawSearchParams } = await import("@/lib/search/params");
  const results = await searchPairs(searchParamsSchema.parse(rawSearchParams(params)));
  return { total: results.estimatedTotalHits, hits: results.hits };
}

/** Imports corpus lines through the real bulk importer, from a temporary file. */
async function importLines(lines: string[]) {
  const { importCorpusFiles } = await import("@/lib/corpus/import");
  const { mkdtemp, writeFile, rm } = await import("node:fs/promises");
  const os = await import("node:os");
  const path = await import("node:path");
  const dir = await mkdtemp(path.join(os.tmpdir(), "pressroom-people-"));
  const file = path.join(dir, "records.jsonl");
  await writeFile(file, `${lines.join("\n")}\n`);
  try {
    return await importCorpusFiles([file], { batchSize: 2 });
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

const speakerId = async (name: string) => {
  const { db } = await import("@/lib/db/client");
  return (await db().speaker.findFirstOrThrow({ where: { name, mergedIntoId: null } })).id;
};

describe("import resolution", () => {
  it("files printed variants of one person and one outlet under one row, per archive", async () => {
    const { publishConference } = await import("@/lib/archive/publish");
    const { db } = await import("@/lib/db/client");
    await publishConference(
      briefing("Briefing one", "2021-03-01", "The White House", [
        { asker: null, outlet: "Reuters", answerer: "MS. PSAKI", text: "harbour dredging" },
        { asker: null, outlet: "REUTERS", answerer: "QMS. PSAKI", text: "tariff schedules" },
        { asker: null, outlet: "Reuters News Agency", answerer: "SENIOR ADMINISTRATION OFFICIAL", text: "vaccine supply" },
      ]),
    );
    await publishConference(
      briefing("Briefing two", "2021-04-01", "The White House", [
        { asker: null, outlet: "Journalist", answerer: "PRESS SECRETARY PSAKI", text: "rail strike" },
        { asker: null, outlet: null, answerer: "MR. SULLIAN", text: "alliance summit" },
        { asker: null, outlet: null, answerer: "MR. SULLIVAN", text: "export controls" },
      ]),
    );
    // Same surname in another archive: not the same person.
    await publishConference(briefing("Other ministry", "2021-05-01", "Ministry of Examples", [{ asker: null, outlet: null, answerer: "MS. PSAKI", text: "fisheries" }]));

    const psaki = await db().speaker.findMany({ where: { aliases: { some: { label: { contains: "PSAKI" } } } }, include: { aliases: true, turns: true } });
    expect(psaki).toHaveLength(2);
    const wh = psaki.find((s) => s.turns.length === 3)!;
    expect(wh.name).toBe("MS. PSAKI");
    expect(wh.aliases.map((a) => a.label).sort()).toEqual(["MS. PSAKI", "PRESS SECRETARY PSAKI", "QMS. PSAKI"]);
    // Turns keep the label exactly as printed.
    expect(wh.turns.map((t) => t.speakerLabel).sort()).toEqual(["MS. PSAKI", "PRESS SECRETARY PSAKI", "QMS. PSAKI"]);

    const outlets = await db().outlet.findMany({ include: { aliases: true, _count: { select: { questions: true } } } });
    expect(outlets).toHaveLength(1);
    expect(outlets[0]).toMatchObject({ name: "Reuters", _count: { questions: 3 } });
    // A role stays its own speaker, and a near-miss spelling is only suggested.
    expect(await db().speaker.count({ where: { name: "SENIOR ADMINISTRATION OFFICIAL" } })).toBe(1);
    const { mergeSuggestions } = await import("@/lib/people/suggestions");
    const suggestions = await mergeSuggestions("speaker");
    expect(suggestions.map((s) => [[s.a.name, s.b.name].sort(), s.reason])).toContainEqual([["MR. SULLIAN", "MR. SULLIVAN"], "similar spelling in the same archive"]);
    expect(suggestions.some((s) => s.a.name.includes("PSAKI") && s.b.name.includes("PSAKI"))).toBe(false);
  });

  it("resolves labels in the bulk corpus writer the same way", async () => {
    const { db } = await import("@/lib/db/client");
    const record = (n: number, answerer: string, questioner: string | null) =>
      JSON.stringify({
        id: `wh-people-${n}`,
        date: "2021-06-0" + (1 + (n % 3)),
        conference: `Press Briefing ${n % 3}`,
        organizer: "The White House",
        answerers: [answerer],
        questioner,
        question: `Corpus question ${n} on dredging?`,
        answer: `Corpus answer ${n}.`,
        lang: "en",
        seq: n,
        topic: null,
        url: `https://example.org/briefing-${n % 3}`,
        flags: [],
        source: "example/wh@abcdef1:briefings.jsonl",
      });
    const summary = await importLines([record(1, "MS. PSAKI", null), record(2, "S. PSAKI", null), record(3, "MS PSAKI", null), record(4, "MR. SULLIVAN", null)]);
    expect(summary.pairsInserted).toBe(4);
    const psaki = await db().speaker.findFirstOrThrow({
      where: { name: "MS. PSAKI", mergedIntoId: null, organization: null, aliases: { some: { label: "S. PSAKI" } } },
      include: { _count: { select: { turns: true } } },
    });
    expect(psaki._count.turns).toBe(6); // 3 published before + 3 imported now
    expect(await db().speaker.count({ where: { name: "MR. SULLIVAN" } })).toBe(1);
  });
});

describe("editor changes", () => {
  it("merges two people: turns move, pages redirect, the index and filters follow", async () => {
    const { mergeIdentities } = await import("@/lib/people/changes");
    const { resolveRenamedSlug } = await import("@/lib/catalog/redirects");
    const { db } = await import("@/lib/db/client");
    await drainAll();
    const sullivan = await speakerId("MR. SULLIVAN");
    const sullian = await speakerId("MR. SULLIAN");
    const before = await search({ speaker: "MR. SULLIAN" });
    expect(before.total).toBe(1);

    const result = await mergeIdentities({ kind: "speaker", fromId: sullian, intoId: sullivan }, null);
    expect(result).toMatchObject({ id: sullivan, slug: "mr-sullivan", pairsQueued: 1 });
    expect(await db().turn.count({ where: { speakerId: sullian } })).toBe(0);
    expect(await db().speaker.findUniqueOrThrow({ where: { id: sullian } })).toMatchObject({ mergedIntoId: sullivan });
    expect(await resolveRenamedSlug("SPEAKER", "mr-sullian")).toBe("mr-sullivan");
    expect(await db().auditEvent.count({ where: { action: "speaker.merge", targetId: String(sullivan) } })).toBe(1);
    expect(await db().revision.count({ where: { entityType: "Speaker" } })).toBe(1);
    const participants = await db().conferenceParticipant.findMany({ where: { speakerId: { in: [sullian, sullivan] } } });
    expect(participants.every((p) => p.speakerId === sullivan)).toBe(true);

    await drainAll();
    expect((await search({ speaker: "MR. SULLIAN" })).total).toBe(0);
    expect((await search({ speaker: "MR. SULLIVAN" })).total).toBe(3);

    // A later import of the merged label lands on the survivor.
    const { publishConference } = await import("@/lib/archive/publish");
    await publishConference(briefing("Briefing three", "2021-07-01", "The White House", [{ asker: null, outlet: null, answerer: "MR. SULLIAN", text: "ports" }]));
    expect(await db().turn.count({ where: { speakerId: sullivan } })).toBe(4);
  });

  it("refuses merging into itself or into an already merged person, with a clear message", async () => {
    const { mergeIdentities } = await import("@/lib/people/changes");
    const { EditError } = await import("@/lib/archive/revisions");
    const sullivan = await speakerId("MR. SULLIVAN");
    const { db } = await import("@/lib/db/client");
    const merged = (await db().speaker.findFirstOrThrow({ where: { mergedIntoId: sullivan } })).id;
    await expect(mergeIdentities({ kind: "speaker", fromId: sullivan, intoId: sullivan }, null)).rejects.toThrow(new EditError("A person cannot be merged into itself."));
    await expect(mergeIdentities({ kind: "speaker", fromId: sullivan, intoId: merged }, null)).rejects.toThrow(/already merged into another person/);
    await expect(mergeIdentities({ kind: "speaker", fromId: 999_999, intoId: sullivan }, null)).rejects.toThrow(/no person with id 999999/);
  });

  it("the editor's merge form names the address an old slug now leads to, instead of finding nothing", async () => {
    const { findIdentityIdBySlug } = await import("@/lib/people/editor");
    const sullivan = await speakerId("MR. SULLIVAN");
    expect(await findIdentityIdBySlug("speaker", "https://archive.example/people/mr-sullivan/")).toBe(sullivan);
    // "mr-sullian" was merged away: its address redirects for visitors, and the form says where.
    await expect(findIdentityIdBySlug("speaker", "/people/mr-sullian")).rejects.toThrow(
      "/people/mr-sullian is an old address that now leads to /people/mr-sullivan; give that one instead.",
    );
    await expect(findIdentityIdBySlug("speaker", "nobody-here")).rejects.toThrow("Nothing at /people/nobody-here.");
    await expect(findIdentityIdBySlug("speaker", " ")).rejects.toThrow(/Give the slug or URL/);
  });

  it("splits chosen labels off into a new person, moving their turns", async () => {
    const { splitIdentity } = await import("@/lib/people/changes");
    const { db } = await import("@/lib/db/client");
    const psaki = (await db().speaker.findFirstOrThrow({ where: { name: "MS. PSAKI", aliases: { some: { label: "S. PSAKI" } } } })).id;
    const result = await splitIdentity({ kind: "speaker", id: psaki, labels: ["PRESS SECRETARY PSAKI"], name: "Press secretary (unnamed)" }, null);
    expect(result).toMatchObject({ name: "Press secretary (unnamed)", slug: "press-secretary-unnamed", pairsQueued: 1 });
    const moved = await db().turn.findMany({ where: { speakerId: result.id } });
    expect(moved.map((t) => t.speakerLabel)).toEqual(["PRESS SECRETARY PSAKI"]);
    expect(await db().conferenceParticipant.count({ where: { speakerId: result.id } })).toBe(1);
    await drainAll();
    expect((await search({ speaker: "Press secretary (unnamed)" })).total).toBe(1);
    const { EditError } = await import("@/lib/archive/revisions");
    await expect(splitIdentity({ kind: "speaker", id: psaki, labels: ["NOT A LABEL"] }, null)).rejects.toBeInstanceOf(EditError);
  });

  it("renames with a redirect from the old slug, and merges outlets", async () => {
    const { renameIdentity, mergeIdentities } = await import("@/lib/people/changes");
    const { resolveRenamedSlug } = await import("@/lib/catalog/redirects");
    const { db } = await import("@/lib/db/client");
    const sullivan = await speakerId("MR. SULLIVAN");
    await renameIdentity({ kind: "speaker", id: sullivan, name: "Jake Sullivan" }, null);
    expect(await resolveRenamedSlug("SPEAKER", "mr-sullivan")).toBe("jake-sullivan");
    // The older merged slug follows to the new one too.
    expect(await resolveRenamedSlug("SPEAKER", "mr-sullian")).toBe("jake-sullivan");
    await drainAll();
    expect((await search({ speaker: "Jake Sullivan" })).total).toBe(4);

    const { publishConference } = await import("@/lib/archive/publish");
    await publishConference(briefing("Briefing four", "2021-08-01", "The White House", [{ asker: null, outlet: "Agence France-Presse", answerer: "MS. PSAKI", text: "shipping" }]));
    const afp = await db().outlet.findFirstOrThrow({ where: { name: "Agence France-Presse" } });
    const reuters = await db().outlet.findFirstOrThrow({ where: { name: "Reuters" } });
    await mergeIdentities({ kind: "outlet", fromId: afp.id, intoId: reuters.id }, null);
    expect(await resolveRenamedSlug("OUTLET", "agence-france-presse")).toBe("reuters");
    await drainAll();
    expect((await search({ outlet: "Reuters" })).total).toBe(4);
  });

  it("splits an outlet label off, moving the questions printed with it", async () => {
    const { splitIdentity } = await import("@/lib/people/changes");
    const { db } = await import("@/lib/db/client");
    const record = (n: number, questioner: string) =>
      JSON.stringify({
        id: `mfa-en-people-${n}`,
        date: "2019-03-04",
        conference: null,
        organizer: "Ministry of Foreign Affairs",
        answerers: ["Geng Shuang"],
        questioner,
        question: `MFA question ${n}?`,
        answer: `MFA answer ${n}.`,
        lang: "en",
        seq: n,
        topic: null,
        url: "https://example.org/mfa-2019-03-04",
        flags: [],
        source: "example/mfa@abcdef1:en.jsonl",
      });
    await importLines([record(1, "Bloomberg"), record(2, "Bloomberg News"), record(3, "Bloomberg")]);
    const bloomberg = await db().outlet.findFirstOrThrow({ where: { name: "Bloomberg" }, include: { _count: { select: { questions: true } } } });
    expect(bloomberg._count.questions).toBe(3);
    const split = await splitIdentity({ kind: "outlet", id: bloomberg.id, labels: ["Bloomberg News"] }, null);
    expect(split).toMatchObject({ name: "Bloomberg News", slug: "bloomberg-news", pairsQueued: 1 });
    expect(await db().qaPair.count({ where: { outletId: bloomberg.id } })).toBe(2);
    expect((await db().qaPair.findFirstOrThrow({ where: { outletId: split.id } })).sourceId).toBe("mfa-en-people-2");
  });
});
