import { readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { useTestServices, type TestServices } from "../support/services";

// Drafts are created, edited and published through lib/drafts with an explicit user, the same
// code the server actions call, against a real Postgres.

const seedPath = path.resolve(import.meta.dirname, "../../../shared/seeds/000_47fa108efec89af6.txt");

const briefing = (pairs: [string, string][]) =>
  ["Regular Press Briefing on Trade", "May 20, 2024", "", "MODERATOR: Good afternoon. Let's begin.", "", ...pairs.flatMap(([q, a]) => [`Q: ${q}`, "", `MS. LIN: ${a}`, ""])].join(
    "\n",
  );

const ORIGINAL: [string, string][] = [
  ["What is the outlook for steel exports this year?", "Steel exports grew by four percent in the first quarter."],
  ["Will the ministry change tariffs on solar panels?", "No change is planned for solar panel tariffs."],
  ["How many ports reopened after the storm?", "All twelve ports reopened by Friday."],
];

let services: TestServices;
let store: typeof import("@/lib/drafts/store");
let db: typeof import("@/lib/db/client").db;
let editor: { id: number };

async function counts() {
  const d = db();
  const [drafts, conferences, pairs, turns, outbox, audits] = await Promise.all([
    d.importDraft.count(),
    d.conference.count(),
    d.qaPair.count(),
    d.turn.count(),
    d.searchOutbox.count(),
    d.auditEvent.count(),
  ]);
  return { drafts, conferences, pairs, turns, outbox, audits };
}

beforeAll(async () => {
  services = await useTestServices();
  store = await import("@/lib/drafts/store");
  ({ db } = await import("@/lib/db/client"));
  editor = await db().user.create({ data: { email: "editor-import@example.org", passwordHash: "not-a-real-hash", role: "EDITOR" }, select: { id: true } });
});

afterAll(async () => {
  await services?.cleanup();
});

describe("import draft: create, edit, publish", () => {
  it("turns the seed page into a published conference with pairs, turns and outbox rows", async () => {
    const before = await counts();
    const bytes = new Uint8Array(readFileSync(seedPath));
    const { id } = await store.createImportDraft(editor, { kind: "file", fileName: "000_47fa108efec89af6.txt", bytes });
    const created = await store.loadImportDraft(id);
    expect(created.version).toBe(1);
    expect(created.draft.metadata).toMatchObject({ title: "SCIO press conference on striving for new breakthroughs to revitalize Jilin in the new era", heldOn: "2024-05-16" });
    expect(created.draft.pairs).toHaveLength(1);
    expect(created.draft.pairs[0].answers.map((a) => a.speaker)).toEqual(["Hu Yuting", "Li Guoqiang"]);
    expect(created.sourceText).toBe(readFileSync(seedPath, "utf8"));

    const question = created.draft.pairs[0].question;
    const { version } = await store.editImportDraft(editor, id, 1, { op: "setSpeaker", turnId: question.id, speaker: "Reporter from Jilin Daily" });
    expect(version).toBe(2);
    await store.editImportDraft(editor, id, 2, { op: "setOutlet", turnId: question.id, outlet: "China Daily" });

    const result = await store.publishImportDraft(editor, id, 3);
    expect(result.reimport).toBeNull();
    const conference = await db().conference.findUniqueOrThrow({
      where: { slug: result.slug },
      include: { pairs: { include: { turns: { orderBy: { position: "asc" } }, outlet: true, questioner: true } } },
    });
    expect(conference.status).toBe("PUBLISHED");
    expect(conference.sourceSha256).toBe(created.sourceSha256);
    // The upload time is not a retrieval date: pages say "imported <createdAt>" instead.
    expect(conference.retrievedAt).toBeNull();
    expect(conference.pairs).toHaveLength(1);
    const pair = conference.pairs[0];
    expect(pair.questioner?.name).toBe("Reporter from Jilin Daily");
    expect(pair.outlet?.name).toBe("China Daily");
    expect(pair.turns.map((t) => [t.kind, t.speakerLabel, t.role])).toEqual([
      ["QUESTION", "Reporter from Jilin Daily", "JOURNALIST"],
      ["ANSWER", "Hu Yuting", "MODERATOR"],
      ["ANSWER", "Li Guoqiang", "OFFICIAL"],
    ]);
    const outbox = await db().searchOutbox.findMany({ where: { qaPairId: pair.id } });
    expect(outbox.map((o) => o.op)).toEqual(["UPSERT"]);

    const draftRow = await db().importDraft.findUniqueOrThrow({ where: { id } });
    expect(draftRow.conferenceId).toBe(conference.id);
    expect(draftRow.publishedAt).not.toBeNull();
    const actions = (await db().auditEvent.findMany({ where: { userId: editor.id }, orderBy: { id: "asc" } })).map((a) => a.action);
    expect(actions).toEqual(expect.arrayContaining(["import_draft.create", "conference.publish", "import_draft.publish"]));

    const after = await counts();
    expect(after.conferences - before.conferences).toBe(1);
    expect(after.pairs - before.pairs).toBe(1);
    expect(after.turns - before.turns).toBe(3);

    await expect(store.editImportDraft(editor, id, 4, { op: "markReviewed", pairId: created.draft.pairs[0].id })).rejects.toBeInstanceOf(store.DraftPublishedError);
  });

  it("refuses a save from a stale tab and keeps the newer edit", async () => {
    const { id } = await store.createImportDraft(editor, { kind: "text", text: briefing(ORIGINAL) });
    const loaded = await store.loadImportDraft(id);
    const answer = loaded.draft.pairs[0].answers[0];
    await store.editImportDraft(editor, id, loaded.version, { op: "setSpeaker", turnId: answer.id, speaker: "Lin Jian" });
    await expect(store.editImportDraft(editor, id, loaded.version, { op: "setSpeaker", turnId: answer.id, speaker: "Somebody Else" })).rejects.toBeInstanceOf(
      store.DraftConflictError,
    );
    await expect(store.publishImportDraft(editor, id, loaded.version)).rejects.toBeInstanceOf(store.DraftConflictError);
    const now = await store.loadImportDraft(id);
    expect(now.version).toBe(loaded.version + 1);
    expect(now.draft.pairs[0].answers[0].speaker).toBe("Lin Jian");
    expect(now.publishedAt).toBeNull();
  });

  it("publishes a draft once when two tabs publish at the same time; the loser leaves no rows behind", async () => {
    const { id } = await store.createImportDraft(editor, { kind: "text", text: briefing(ORIGINAL) });
    const { version } = await store.loadImportDraft(id);
    const before = await counts();
    const results = await Promise.allSettled([store.publishImportDraft(editor, id, version), store.publishImportDraft(editor, id, version)]);
    expect(results.map((r) => r.status).sort()).toEqual(["fulfilled", "rejected"]);
    const after = await counts();
    expect(after.conferences - before.conferences).toBe(1);
    expect(after.pairs - before.pairs).toBe(3);
    // One row per pair, one for the conference's statements.
    expect(after.outbox - before.outbox).toBe(4);
    const won = results.find((r) => r.status === "fulfilled") as PromiseFulfilledResult<{ conferenceId: number }>;
    expect((await db().importDraft.findUniqueOrThrow({ where: { id } })).conferenceId).toBe(won.value.conferenceId);
  });

  it("refuses to publish a draft that is not ready and writes nothing", async () => {
    const { id } = await store.createImportDraft(editor, { kind: "text", text: briefing(ORIGINAL) });
    const loaded = await store.loadImportDraft(id);
    const { version } = await store.editImportDraft(editor, id, loaded.version, { op: "moveTurn", turnId: loaded.draft.pairs[2].answers[0].id, direction: "previous" });
    const before = await counts();
    await expect(store.publishImportDraft(editor, id, version)).rejects.toThrow(/pair 3 has no answer/);
    expect(await counts()).toEqual(before);
  });
});

describe("translation-of", () => {
  it("links a translation to an existing conference and refuses an unknown one", async () => {
    const original = await db().conference.findFirstOrThrow({ where: { status: "PUBLISHED" }, select: { id: true, slug: true } });
    const { id } = await store.createImportDraft(editor, { kind: "text", text: briefing(ORIGINAL) });
    const loaded = await store.loadImportDraft(id);
    const metadata = {
      title: "贸易例行记者会",
      heldOn: "2024-05-20",
      organizer: "",
      location: "",
      language: "zh",
      sourceUrl: "",
      sourceName: "",
      translationOfSlug: "no-such-conference",
    };
    let { version } = await store.editImportDraft(editor, id, loaded.version, { op: "setMetadata", metadata });
    const before = await counts();
    await expect(store.publishImportDraft(editor, id, version)).rejects.toThrow(/no-such-conference, which does not exist/);
    expect(await counts()).toEqual(before);

    ({ version } = await store.editImportDraft(editor, id, version, { op: "setMetadata", metadata: { ...metadata, translationOfSlug: original.slug } }));
    const published = await store.publishImportDraft(editor, id, version);
    const translation = await db().conference.findUniqueOrThrow({ where: { id: published.conferenceId }, include: { pairs: { include: { questioner: true } } } });
    expect(translation).toMatchObject({ translationOfId: original.id, language: "zh" });
    // "Q" says what a turn is, not who spoke: no speaker called "Q".
    expect(translation.pairs.map((p) => p.questioner)).toEqual([null, null, null]);
  });
});

describe("bad input writes nothing", () => {
  const cases: [string, import("@/lib/drafts/store").ImportSource, RegExp][] = [
    ["empty paste", { kind: "text", text: "" }, /no text was pasted/],
    ["whitespace paste", { kind: "text", text: " \n\t \n" }, /whitespace/],
    ["binary file", { kind: "file", fileName: "photo.txt", bytes: new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 13, 0x49, 0x48]) }, /binary/],
    ["over the limit", { kind: "file", fileName: "big.txt", bytes: new Uint8Array(5 * 1024 * 1024 + 1).fill(0x61) }, /limit/],
    ["pasted text over the limit", { kind: "text", text: "Q: a?\n".repeat(900_000) }, /limit/],
    ["unsupported type", { kind: "file", fileName: "slides.pdf", bytes: new TextEncoder().encode("%PDF-1.7") }, /unsupported file type/],
    ["invalid GB18030 bytes", { kind: "file", fileName: "bad.txt", bytes: new Uint8Array([0x81, 0x30, 0xff, 0xff, 0x80]) }, /neither UTF-8 nor GB18030/],
  ];
  for (const [name, source, message] of cases) {
    it(`rejects ${name} with a clear message`, async () => {
      const before = await counts();
      const { TranscriptInputError } = await import("@/lib/transcripts/formats");
      const error = await store.createImportDraft(editor, source).then(
        () => null,
        (e: unknown) => e,
      );
      expect(error).toBeInstanceOf(TranscriptInputError);
      expect((error as Error).message).toMatch(message);
      expect(await counts()).toEqual(before);
    });
  }

  it("converts a GB18030 file instead of rejecting it", async () => {
    // "外交部例行记者会 / 2024年5月20日 / 问：中方对此有何评论？ / 答：我们注意到有关报道。 / 问：… / 答：…" via iconv -t gb18030.
    const bytes = new Uint8Array(
      Buffer.from(
        "cde2bdbbb2bfc0fdd0d0bcc7d5dfbbe10a32303234c4ea35d4c23230c8d50a0acecaa3bad6d0b7bdb6d4b4cbd3d0bacec6c0c2dba3bf0a0ab4f0a3baced2c3c7d7a2d2e2b5bdd3d0b9d8b1a8b5c0a1a30a0acecaa3bacbabb7bdbbe1ccb8bacecab1bed9d0d0a3bf0a0ab4f0a3baced2c3c7bbe1bcb0cab1b7a2b2bccffbcfa2a1a30a",
        "hex",
      ),
    );
    const { id } = await store.createImportDraft(editor, { kind: "file", fileName: "briefing.txt", bytes });
    const stored = await store.loadImportDraft(id);
    expect(stored.sourceText).toContain("中方对此有何评论？");
    expect(stored.draft.metadata).toMatchObject({ title: "外交部例行记者会", heldOn: "2024-05-20", language: "zh" });
    expect(stored.draft.pairs.map((p) => p.answers[0]?.text)).toEqual(["我们注意到有关报道。", "我们会及时发布消息。"]);
  });
});
