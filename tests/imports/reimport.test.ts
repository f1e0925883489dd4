import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { useTestServices, type TestServices } from "../support/services";

// Re-importing a newer version of the same source (same source URL) through the draft flow:
// the editor sees the diff first, and confirming it keeps the permanent ids of pairs that
// are still there.

const URL = "https://example.org/briefings/2024-05-20";

const briefing = (pairs: [string, string][]) =>
  ["Regular Press Briefing on Trade", "May 20, 2024", "", "MODERATOR: Good afternoon. Let's begin.", "", ...pairs.flatMap(([q, a]) => [`Q: ${q}`, "", `MS. LIN: ${a}`, ""])].join(
    "\n",
  );

const STEEL: [string, string] = ["What is the outlook for steel exports this year?", "Steel exports grew by four percent in the first quarter."];
const SOLAR: [string, string] = ["Will the ministry change tariffs on solar panels?", "No change is planned for solar panel tariffs."];
const PORTS: [string, string] = ["How many ports reopened after the storm?", "All twelve ports reopened by Friday."];
const GRAIN: [string, string] = ["When will grain quotas be announced?", "The quotas will be announced in June."];

let services: TestServices;
let store: typeof import("@/lib/drafts/store");
let db: typeof import("@/lib/db/client").db;
let editor: { id: number };

async function importAndPrepare(pairs: [string, string][]) {
  const { id } = await store.createImportDraft(editor, { kind: "text", text: briefing(pairs) });
  const loaded = await store.loadImportDraft(id);
  const { version } = await store.editImportDraft(editor, id, loaded.version, {
    op: "setMetadata",
    metadata: {
      title: loaded.draft.metadata.title,
      heldOn: "2024-05-20",
      organizer: "Ministry of Commerce",
      location: "",
      language: "en",
      sourceUrl: URL,
      sourceName: "",
      translationOfSlug: "",
    },
  });
  return { id, version };
}

beforeAll(async () => {
  services = await useTestServices();
  store = await import("@/lib/drafts/store");
  ({ db } = await import("@/lib/db/client"));
  editor = await db().user.create({ data: { email: "reimport@example.org", passwordHash: "not-a-real-hash", role: "EDITOR" }, select: { id: true } });
});

afterAll(async () => {
  await services?.cleanup();
});

describe("re-import of a newer version of the same source", () => {
  it("shows the diff, then keeps the ids of unchanged pairs and retires the removed one", async () => {
    const first = await importAndPrepare([STEEL, SOLAR, PORTS]);
    const published = await store.publishImportDraft(editor, first.id, first.version);
    const conference = await db().conference.findUniqueOrThrow({ where: { slug: published.slug }, include: { pairs: { orderBy: { ordinal: "asc" } } } });
    expect(conference.sourceKey).toBe(URL);
    const [steel, solar, ports] = conference.pairs;

    // Newer version: steel unchanged (re-wrapped and full-width punctuation), solar answer
    // corrected, ports removed, grain added.
    const steelRewrapped: [string, string] = ["What is the outlook for steel   exports this year？", STEEL[1]];
    const solarCorrected: [string, string] = [SOLAR[0], "No change is planned for solar panel tariffs this year."];
    const second = await importAndPrepare([steelRewrapped, solarCorrected, GRAIN]);
    expect(await store.planPublish(second.id)).toMatchObject({ kind: "reimport" });

    const outboxBefore = await db().searchOutbox.count();
    const refusal = await store.publishImportDraft(editor, second.id, second.version).then(
      () => null,
      (e: unknown) => e,
    );
    expect(refusal).toBeInstanceOf(store.ReimportConfirmationNeeded);
    const diff = (refusal as InstanceType<typeof store.ReimportConfirmationNeeded>).diff;
    expect(diff.unchanged.map((p) => p.publicId)).toEqual([steel.publicId]);
    expect(diff.changed.map((c) => [c.before.publicId, c.after.ordinal])).toEqual([[solar.publicId, 2]]);
    expect(diff.removed.map((p) => p.publicId)).toEqual([ports.publicId]);
    expect(diff.added.map((p) => p.question)).toEqual([GRAIN[0]]);
    expect(await db().searchOutbox.count()).toBe(outboxBefore); // the preview wrote nothing

    const applied = await store.publishImportDraft(editor, second.id, second.version, { confirmedConferenceVersion: diff.version });
    expect(applied.slug).toBe(published.slug);
    expect(applied.reimport?.added[0].publicId).toMatch(/^[0-9a-z]{8}$/);

    const after = await db().qaPair.findMany({ where: { conferenceId: conference.id }, orderBy: { id: "asc" }, include: { turns: { orderBy: { position: "asc" } } } });
    const byId = new Map(after.map((p) => [p.publicId, p]));
    expect(byId.get(steel.publicId)).toMatchObject({ status: "PUBLISHED", ordinal: 1, version: 1 });
    expect(byId.get(solar.publicId)).toMatchObject({ status: "PUBLISHED", ordinal: 2, version: 2 });
    expect(byId.get(solar.publicId)!.turns.map((t) => t.text)).toEqual(solarCorrected);
    expect(byId.get(ports.publicId)).toMatchObject({ status: "DELETED" });
    expect(byId.get(ports.publicId)!.turns.map((t) => t.text)).toEqual(PORTS); // still explains the old link
    const grain = after.find((p) => p.publicId === applied.reimport!.added[0].publicId)!;
    expect(grain).toMatchObject({ status: "PUBLISHED", ordinal: 3 });

    const transcript = await db().turn.findMany({ where: { conferenceId: conference.id, position: { lt: 1_000_000 } }, orderBy: { position: "asc" } });
    expect(transcript.map((t) => t.text)).toEqual(["Good afternoon. Let's begin.", ...steelRewrapped, ...solarCorrected, ...GRAIN]);

    const outbox = await db().searchOutbox.findMany({ where: { id: { gt: BigInt(0) } }, orderBy: { id: "asc" }, skip: outboxBefore });
    expect(outbox.filter((o) => o.op === "DELETE").map((o) => o.qaPairId)).toEqual([ports.id]);
    expect(
      outbox
        .filter((o) => o.op === "UPSERT" && o.qaPairId !== null)
        .map((o) => o.qaPairId)
        .sort(),
    ).toEqual([steel.id, solar.id, grain.id].sort());
    // Its statements ("Good afternoon. Let's begin.") are re-indexed as a whole.
    expect(outbox.filter((o) => o.qaPairId === null).map((o) => [o.statementsOfConferenceId, o.op])).toEqual([[conference.id, "UPSERT"]]);

    const revisions = await db().revision.findMany({ where: { conferenceId: conference.id }, orderBy: { id: "asc" } });
    expect(revisions.map((r) => [r.entityType, r.qaPairId])).toEqual([
      ["QaPair", solar.id],
      ["Conference", null],
    ]);
    const updated = await db().conference.findUniqueOrThrow({ where: { id: conference.id } });
    expect(updated.version).toBe(conference.version + 1);
    expect(updated.correctionNote).toMatch(/1 added, 1 corrected, 1 removed/);
    expect(await db().auditEvent.count({ where: { action: "conference.reimport", targetId: String(conference.id) } })).toBe(1);
  });

  it("refuses a confirmation made against an older version of the conference and writes nothing", async () => {
    const draft = await importAndPrepare([STEEL, GRAIN]);
    const plan = await store.planPublish(draft.id);
    if (plan.kind !== "reimport") throw new Error("expected a re-import");
    const before = { pairs: await db().qaPair.count(), outbox: await db().searchOutbox.count(), revisions: await db().revision.count() };
    await expect(store.publishImportDraft(editor, draft.id, draft.version, { confirmedConferenceVersion: plan.diff.version - 1 })).rejects.toThrow(/changed while the re-import/);
    expect({ pairs: await db().qaPair.count(), outbox: await db().searchOutbox.count(), revisions: await db().revision.count() }).toEqual(before);
    expect((await store.loadImportDraft(draft.id)).publishedAt).toBeNull();
  });
});
