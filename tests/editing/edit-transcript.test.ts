import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { useTestServices, type TestServices } from "../support/services";
import { editAs, versionOf } from "./transcript-edit";
import { publishSample, seedUsers, type SeededUsers } from "../auth/fixtures";

// Turn operations on a published conference (lib/archive/edit-transcript.ts): each test
// publishes its own conference so that the tests do not depend on each other's edits.

let services: TestServices;
let users: SeededUsers;
let counter = 0;

beforeAll(async () => {
  services = await useTestServices();
  users = await seedUsers();
});
afterAll(async () => services?.cleanup());

async function fresh() {
  const published = await publishSample(`Transcript edits ${++counter}`);
  return { slug: published.slug, publicIds: published.pairs.map((p) => p.publicId) };
}

async function turnsOf(slug: string) {
  const { db } = await import("@/lib/db/client");
  return db().turn.findMany({
    where: { conference: { slug } },
    orderBy: { position: "asc" },
    select: { id: true, kind: true, position: true, speakerLabel: true, role: true, text: true, qaPair: { select: { publicId: true } } },
  });
}

const edit = (slug: string, op: Record<string, unknown>, correctionNote?: string) => editAs(users.editor.id, "10.0.0.9", slug, op, correctionNote);

describe("editTranscript on a published conference", () => {
  it("deletes a turn, keeps its text in the revision, audits it and reindexes the pair", async () => {
    const { db } = await import("@/lib/db/client");
    const { slug, publicIds } = await fresh();
    const wrong = (await turnsOf(slug)).find((t) => t.text === "Weather permitting.")!;
    const outboxBefore = await db().searchOutbox.count();
    const result = await edit(slug, { op: "deleteTurn", turnId: `t${wrong.id}` }, "A reporter's cross-talk was removed.");
    expect(result.changed).toBe(true);

    const turns = await turnsOf(slug);
    expect(turns.map((t) => t.text)).not.toContain("Weather permitting.");
    expect(turns.map((t) => t.position)).toEqual(turns.map((_, i) => i + 1));

    const revision = await db().revision.findFirstOrThrow({ where: { conference: { slug }, qaPairId: null }, orderBy: { id: "desc" } });
    expect(JSON.stringify(revision.before)).toContain("Weather permitting.");
    expect(revision.publicNote).toBe("A reporter's cross-talk was removed.");
    const pair = await db().qaPair.findUniqueOrThrow({ where: { publicId: publicIds[0] }, select: { id: true, version: true } });
    expect(pair.version).toBe(2);
    const pairRevision = await db().revision.findFirstOrThrow({ where: { qaPairId: pair.id } });
    expect(pairRevision.publicNote).toBe("A reporter's cross-talk was removed.");
    const outbox = await db().searchOutbox.findMany({ where: { id: { gt: 0 } }, orderBy: { id: "asc" }, skip: outboxBefore });
    expect(outbox).toEqual([expect.objectContaining({ qaPairId: pair.id, op: "UPSERT" }), expect.objectContaining({ qaPairId: null, op: "UPSERT" })]);
    const audit = await db().auditEvent.findFirstOrThrow({ where: { action: "conference.transcript.deleteTurn" }, orderBy: { id: "desc" } });
    expect(audit).toMatchObject({ userId: users.editor.id, targetType: "Conference", ip: "10.0.0.9" });
  });

  it("refuses to delete the last answer or the question of a pair, and writes nothing", async () => {
    const { db } = await import("@/lib/db/client");
    const { slug } = await fresh();
    const turns = await turnsOf(slug);
    const only = turns.find((t) => t.text === "They keep running.")!;
    const question = turns.find((t) => t.text === "What about ferries?")!;
    const version = await versionOf(slug);
    await expect(edit(slug, { op: "deleteTurn", turnId: `t${only.id}` })).rejects.toThrow(/last answer of pair 2/);
    await expect(edit(slug, { op: "deleteTurn", turnId: `t${question.id}` })).rejects.toThrow(/question of pair 2/);
    expect(await versionOf(slug)).toBe(version);
    expect(await turnsOf(slug)).toEqual(turns);
    expect(await db().revision.count({ where: { conference: { slug } } })).toBe(0);
  });

  it("saves speaker, role and text of a turn at once and can rename a speaker everywhere", async () => {
    const { slug } = await fresh();
    const turns = await turnsOf(slug);
    const deputy = turns.find((t) => t.text === "Weather permitting.")!;
    expect(deputy.role).toBe("OFFICIAL");
    await edit(slug, { op: "saveTurn", turnId: `t${deputy.id}`, speaker: "Cai Reporter", role: "journalist", text: "Weather permitting?" });
    const li = turns.find((t) => t.text === "Next spring.")!;
    await edit(slug, { op: "saveTurn", turnId: `t${li.id}`, speaker: "Li Guoqiang", role: "official", text: "Next spring.", renameEverywhere: "on" });

    const after = await turnsOf(slug);
    expect(after.find((t) => t.id === deputy.id)).toMatchObject({ speakerLabel: "Cai Reporter", role: "JOURNALIST", text: "Weather permitting?", kind: "ANSWER" });
    expect(after.filter((t) => t.speakerLabel === "Li Guoqiang").map((t) => t.text)).toEqual(["Next spring.", "They keep running."]);
    expect(after.some((t) => t.speakerLabel === "Li Official")).toBe(false);
  });

  it("merges a pair into the previous one; the merged pair's permalink redirects to the survivor", async () => {
    const { db } = await import("@/lib/db/client");
    const { routeQa } = await import("@/lib/catalog/qa-routing");
    const { slug, publicIds } = await fresh();
    const merged = await db().qaPair.findUniqueOrThrow({ where: { publicId: publicIds[1] }, select: { id: true } });
    await edit(slug, { op: "mergePairIntoPrevious", pairId: `p${merged.id}` });

    const turns = await turnsOf(slug);
    expect(turns.filter((t) => t.qaPair?.publicId === publicIds[0]).map((t) => t.text)).toEqual([
      "When will the bridge open?",
      "Next spring.",
      "Weather permitting.",
      "What about ferries?",
      "They keep running.",
    ]);
    const row = await db().qaPair.findUniqueOrThrow({ where: { publicId: publicIds[1] } });
    expect(row).toMatchObject({ status: "DELETED", mergedIntoId: expect.any(Number) });
    const routing = await routeQa(publicIds[1], null);
    expect(routing).toEqual({ kind: "redirect", location: expect.stringMatching(new RegExp(`^/qa/${publicIds[0]}/`)) });
    // The read API follows the merge too: 308 to the survivor's API URL, never 410.
    const { GET } = await import("@/app/api/v1/qa/[publicId]/route");
    const api = await GET(new Request(`http://test/api/v1/qa/${publicIds[1]}`), { params: Promise.resolve({ publicId: publicIds[1] }) });
    expect(api.status).toBe(308);
    expect(api.headers.get("location")).toBe(`/api/v1/qa/${publicIds[0]}`);
    expect(await api.json()).toMatchObject({ id: publicIds[1], mergedInto: publicIds[0] });
    const survivor = await GET(new Request(`http://test${api.headers.get("location")}`), { params: Promise.resolve({ publicId: publicIds[0] }) });
    expect(survivor.status).toBe(200);
    expect((await survivor.json()).answers.map((a: { text: string }) => a.text)).toContain("They keep running.");
    const outbox = await db().searchOutbox.findMany({ where: { qaPairId: row.id }, orderBy: { id: "desc" }, take: 1 });
    expect(outbox[0].op).toBe("DELETE");
    // A merged pair cannot be restored into an empty pair.
    const { changePairStatus } = await import("@/lib/archive/status");
    await expect(changePairStatus(publicIds[1], { action: "restore", version: row.version }, { userId: users.editor.id })).rejects.toThrow(/merged into another pair/);
  });

  it("splits a pair: the original publicId keeps the first part and the new pair gets its own", async () => {
    const { db } = await import("@/lib/db/client");
    const { slug, publicIds } = await fresh();
    const deputy = (await turnsOf(slug)).find((t) => t.text === "Weather permitting.")!;
    await edit(slug, { op: "startPairAt", turnId: `t${deputy.id}` });
    const pairs = await db().qaPair.findMany({ where: { conference: { slug }, status: "PUBLISHED" }, orderBy: { ordinal: "asc" }, select: { publicId: true, ordinal: true } });
    expect(pairs).toHaveLength(3);
    expect(pairs[0].publicId).toBe(publicIds[0]);
    expect(pairs[2]).toEqual({ publicId: publicIds[1], ordinal: 3 });
    const turns = await turnsOf(slug);
    expect(turns.find((t) => t.id === deputy.id)).toMatchObject({ kind: "QUESTION", qaPair: { publicId: pairs[1].publicId } });
  });

  it("splits a turn inside its text and reorders a turn into the next pair", async () => {
    const { slug, publicIds } = await fresh();
    const deputy = (await turnsOf(slug)).find((t) => t.text === "Weather permitting.")!;
    await edit(slug, { op: "splitTurn", turnId: `t${deputy.id}`, splitBefore: "permitting" });
    let turns = await turnsOf(slug);
    expect(turns.filter((t) => t.qaPair?.publicId === publicIds[0]).map((t) => t.text)).toEqual(["When will the bridge open?", "Next spring.", "Weather", "permitting."]);
    const last = turns.find((t) => t.text === "permitting.")!;
    await edit(slug, { op: "moveTurn", turnId: `t${last.id}`, direction: "next" });
    turns = await turnsOf(slug);
    expect(turns.filter((t) => t.qaPair?.publicId === publicIds[1]).map((t) => t.text)).toEqual(["What about ferries?", "permitting.", "They keep running."]);
    expect(turns.map((t) => t.position)).toEqual(turns.map((_, i) => i + 1));
  });

  it("of two operations from the same version one wins; the other is a conflict and writes nothing", async () => {
    const { editTranscript } = await import("@/lib/archive/edit-transcript");
    const { ConflictError } = await import("@/lib/archive/revisions");
    const { slug } = await fresh();
    const turns = await turnsOf(slug);
    const version = await versionOf(slug);
    const deputy = turns.find((t) => t.text === "Weather permitting.")!;
    const li = turns.find((t) => t.text === "Next spring.")!;
    const results = await Promise.allSettled([
      editTranscript({ slug, version, edit: { op: "deleteTurn", turnId: `t${deputy.id}` } }, { userId: users.editor.id }),
      editTranscript({ slug, version, edit: { op: "deleteTurn", turnId: `t${li.id}` } }, { userId: users.admin.id }),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const refused = results.filter((r): r is PromiseRejectedResult => r.status === "rejected");
    expect(refused).toHaveLength(1);
    expect(refused[0].reason).toBeInstanceOf(ConflictError);
    expect(await versionOf(slug)).toBe(version + 1);
    expect((await turnsOf(slug)).length).toBe(turns.length - 1);
  });
});
