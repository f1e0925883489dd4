import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { useTestServices, type TestServices } from "../support/services";
import { publishSample, seedUsers, type SeededUsers } from "../auth/fixtures";

let services: TestServices;
let users: SeededUsers;
let publicIds: string[];
let slug: string;

beforeAll(async () => {
  services = await useTestServices();
  users = await seedUsers();
  const published = await publishSample();
  publicIds = published.pairs.map((p) => p.publicId);
  slug = published.slug;
});
afterAll(async () => services?.cleanup());

async function formFor(publicId: string) {
  const { loadPairForEdit } = await import("@/lib/archive/edit-pair");
  const loaded = (await loadPairForEdit(publicId))!;
  return { publicId, version: loaded.version, ...loaded.snapshot };
}

describe("editPair", () => {
  it("saves answer text, speaker, outlet, topics and note with a revision, outbox row and audit event", async () => {
    const { editPair } = await import("@/lib/archive/edit-pair");
    const { db } = await import("@/lib/db/client");
    const form = await formFor(publicIds[0]);
    const outboxBefore = await db().searchOutbox.count();
    form.turns[1] = { ...form.turns[1], text: "Next spring, in April.", speaker: "Li Guoqiang" };
    const result = await editPair(
      { ...form, outlet: "Evening Post", topics: ["bridges", "transport"], correctionNote: "Answer corrected against the video." },
      { userId: users.editor.id, ip: "10.0.0.7" },
    );
    expect(result).toEqual({ version: 2, changed: true });

    const pair = await db().qaPair.findUniqueOrThrow({
      where: { publicId: publicIds[0] },
      include: { outlet: true, topics: { include: { topic: true } }, turns: { orderBy: { position: "asc" }, include: { speaker: true } } },
    });
    expect(pair.version).toBe(2);
    expect(pair.correctedAt).toBeInstanceOf(Date);
    expect(pair.correctionNote).toBe("Answer corrected against the video.");
    expect(pair.outlet?.name).toBe("Evening Post");
    expect(pair.topics.map((t) => t.topic.name).sort()).toEqual(["bridges", "transport"]);
    expect(pair.turns[1]).toMatchObject({ text: "Next spring, in April.", speakerLabel: "Li Guoqiang" });
    expect(pair.turns[1].speaker?.name).toBe("Li Guoqiang");

    const revisions = await db().revision.findMany({ where: { qaPairId: pair.id } });
    expect(revisions).toHaveLength(1);
    expect(revisions[0]).toMatchObject({ userId: users.editor.id, version: 2, publicNote: "Answer corrected against the video." });
    const fields = (revisions[0].diff as { field: string }[]).map((c) => c.field);
    expect(fields).toEqual(expect.arrayContaining(["outlet", "topics", "turns[1].speaker", "turns[1].text", "correctionNote"]));
    expect(fields).not.toContain("turns[0].text");

    const outbox = await db().searchOutbox.findMany({ orderBy: { id: "asc" } });
    expect(outbox.length).toBe(outboxBefore + 1);
    expect(outbox.at(-1)).toMatchObject({ qaPairId: pair.id, op: "UPSERT" });
    const audit = await db().auditEvent.findFirstOrThrow({ where: { action: "pair.edit" } });
    expect(audit).toMatchObject({ userId: users.editor.id, targetType: "QaPair", targetId: publicIds[0], ip: "10.0.0.7" });
  });

  it("of two simultaneous saves from the same version, one wins and the other gets the winner's values", async () => {
    const { editPair } = await import("@/lib/archive/edit-pair");
    const { ConflictError } = await import("@/lib/archive/revisions");
    const { db } = await import("@/lib/db/client");
    const base = await formFor(publicIds[1]);
    const edit = (text: string, userId: number) => {
      const turns = base.turns.map((t, i) => (i === 1 ? { ...t, text } : t));
      return editPair({ ...base, turns }, { userId });
    };
    const revisionsBefore = await db().revision.count();
    const results = await Promise.allSettled([edit("Ferries keep running (admin).", users.admin.id), edit("Ferries keep running (editor).", users.editor.id)]);
    const saved = results.filter((r) => r.status === "fulfilled");
    const refused = results.filter((r): r is PromiseRejectedResult => r.status === "rejected");
    expect(saved).toHaveLength(1);
    expect(refused).toHaveLength(1);
    const conflict = refused[0].reason;
    expect(conflict).toBeInstanceOf(ConflictError);

    const stored = await db().turn.findUniqueOrThrow({ where: { id: base.turns[1].turnId } });
    expect(conflict.current.turns[1].text).toBe(stored.text);
    expect(conflict.currentVersion).toBe(base.version + 1);
    expect(conflict.lastEdit?.userName).toMatch(/Ada Admin|Eddie Editor/);
    expect(await db().revision.count()).toBe(revisionsBefore + 1);

    // A stale form (old version) is refused outright and writes nothing.
    await expect(edit("Overwrite attempt", users.editor.id)).rejects.toBeInstanceOf(ConflictError);
    expect((await db().turn.findUniqueOrThrow({ where: { id: base.turns[1].turnId } })).text).toBe(stored.text);
    expect(await db().revision.count()).toBe(revisionsBefore + 1);
  });

  it("refuses turns that do not belong to the pair and empty texts", async () => {
    const { editPair } = await import("@/lib/archive/edit-pair");
    const { EditError } = await import("@/lib/archive/revisions");
    const a = await formFor(publicIds[0]);
    const b = await formFor(publicIds[1]);
    await expect(editPair({ ...a, turns: [...a.turns.slice(0, 1), b.turns[1]] }, { userId: users.editor.id })).rejects.toBeInstanceOf(EditError);
    await expect(editPair({ ...a, turns: a.turns.map((t) => ({ ...t, text: " " })) }, { userId: users.editor.id })).rejects.toThrow(/must not be empty/);
  });

  it("a save without changes writes nothing", async () => {
    const { editPair } = await import("@/lib/archive/edit-pair");
    const { db } = await import("@/lib/db/client");
    const form = await formFor(publicIds[0]);
    const before = await db().revision.count();
    expect(await editPair(form, { userId: users.editor.id })).toEqual({ version: form.version, changed: false });
    expect(await db().revision.count()).toBe(before);
  });
});

describe("status changes", () => {
  it("unpublishes, restores and soft-deletes a pair through the outbox", async () => {
    const { changePairStatus } = await import("@/lib/archive/status");
    const { db } = await import("@/lib/db/client");
    const pair = await db().qaPair.findUniqueOrThrow({ where: { publicId: publicIds[0] } });
    await expect(changePairStatus(publicIds[0], { action: "unpublish", version: pair.version, reason: "" }, { userId: users.editor.id })).rejects.toThrow(/reason/);

    const unpublished = await changePairStatus(publicIds[0], { action: "unpublish", version: pair.version, reason: "Speaker asked for review" }, { userId: users.editor.id });
    expect(unpublished.status).toBe("UNPUBLISHED");
    expect(await db().searchOutbox.findFirst({ where: { qaPairId: pair.id }, orderBy: { id: "desc" } })).toMatchObject({ op: "DELETE" });
    expect(await db().qaPair.findUniqueOrThrow({ where: { id: pair.id } })).toMatchObject({ status: "UNPUBLISHED", statusReason: "Speaker asked for review" });

    const restored = await changePairStatus(publicIds[0], { action: "restore", version: unpublished.version }, { userId: users.editor.id });
    expect(restored.status).toBe("PUBLISHED");
    expect(await db().searchOutbox.findFirst({ where: { qaPairId: pair.id }, orderBy: { id: "desc" } })).toMatchObject({ op: "UPSERT" });

    await changePairStatus(publicIds[0], { action: "delete", version: restored.version, reason: "Duplicate of another pair" }, { userId: users.admin.id });
    expect(await db().qaPair.findUniqueOrThrow({ where: { id: pair.id } })).toMatchObject({ status: "DELETED", statusReason: "Duplicate of another pair" });
    expect(await db().auditEvent.count({ where: { targetId: publicIds[0], action: { in: ["pair.unpublish", "pair.restore", "pair.delete"] } } })).toBe(3);
    // Stale version: refused.
    const { ConflictError } = await import("@/lib/archive/revisions");
    await expect(changePairStatus(publicIds[0], { action: "restore", version: restored.version }, { userId: users.admin.id })).rejects.toBeInstanceOf(ConflictError);
  });

  it("edits conference metadata with a version check and removes all its pairs from the index on unpublish", async () => {
    const { editConference, loadConferenceForEdit } = await import("@/lib/archive/edit-conference");
    const { changeConferenceStatus } = await import("@/lib/archive/status");
    const { ConflictError } = await import("@/lib/archive/revisions");
    const { db } = await import("@/lib/db/client");
    const loaded = (await loadConferenceForEdit(slug))!;
    const form = { slug, version: loaded.version, ...loaded.snapshot };
    const saved = await editConference({ ...form, location: "Changchun", correctionNote: "Location added." }, { userId: users.editor.id });
    expect(saved).toEqual({ version: loaded.version + 1, changed: true });
    await expect(editConference({ ...form, title: "Other title" }, { userId: users.admin.id })).rejects.toBeInstanceOf(ConflictError);
    const stored = await db().conference.findUniqueOrThrow({ where: { slug } });
    expect(stored).toMatchObject({ location: "Changchun", title: loaded.snapshot.title, correctionNote: "Location added." });

    const outboxBefore = await db().searchOutbox.findMany({ select: { id: true } });
    await changeConferenceStatus(slug, { action: "unpublish", version: saved.version, reason: "Transcript under review" }, { userId: users.editor.id });
    const added = await db().searchOutbox.findMany({ where: { id: { notIn: outboxBefore.map((o) => o.id) } } });
    expect(added.filter((o) => o.qaPairId !== null).map((o) => o.op)).toEqual(["DELETE", "DELETE"]);
    // The worker drops the conference's statements too: it re-syncs them and finds none public.
    expect(added.filter((o) => o.qaPairId === null).map((o) => o.op)).toEqual(["UPSERT"]);
    expect(await db().conference.findUniqueOrThrow({ where: { slug } })).toMatchObject({ status: "UNPUBLISHED", statusReason: "Transcript under review" });
  });
});
