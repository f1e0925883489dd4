import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { useTestServices, type TestServices } from "../support/services";
import { editAs, versionOf } from "./transcript-edit";
import { seedUsers, type SeededUsers } from "../auth/fixtures";

// A statement that really is a question, and a question that really is a statement, on a
// published conference (lib/archive/transcript-layout.ts written by lib/archive/edit-transcript.ts):
// real Postgres for the rows, real Meilisearch for what search finds afterwards.

let services: TestServices;
let users: SeededUsers;
let counter = 0;

beforeAll(async () => {
  services = await useTestServices();
  users = await seedUsers();
});
afterAll(async () => services?.cleanup());

async function fresh() {
  const { publishConference } = await import("@/lib/archive/publish");
  const published = await publishConference({
    metadata: { title: `Harbour briefing ${++counter}`, heldOn: "2024-06-03", organizer: "Harbour Office", language: "en", sourceName: "test" },
    statements: [
      { speaker: "Moderator", role: "MODERATOR", text: "Good morning." },
      { speaker: "Ann Reporter", role: "JOURNALIST", text: "Is the harbour tunnel finished?" },
      { speaker: "Li Official", role: "OFFICIAL", text: "The harbour tunnel opens in June." },
      { speaker: "Moderator", role: "MODERATOR", text: "Thank you, that is all from the podium.", beforePair: 1 },
      { speaker: "Cy Reporter", role: "JOURNALIST", text: "Will the zeppelin service resume?", beforePair: 1 },
      { speaker: "Li Official", role: "OFFICIAL", text: "The zeppelin flies again in May.", beforePair: 1 },
    ],
    pairs: [
      { question: { speaker: "Bo Reporter", outlet: "Radio East", text: "When will the bridge open?" }, answers: [{ speaker: "Li Official", text: "Next spring." }], topics: [] },
      { question: { speaker: "Di Reporter", outlet: "Daily Wire", text: "What about ferries?" }, answers: [{ speaker: "Li Official", text: "They keep running." }], topics: [] },
    ],
  });
  return { slug: published.slug, publicIds: published.pairs.map((p) => p.publicId) };
}

async function turnsOf(slug: string) {
  const { db } = await import("@/lib/db/client");
  return db().turn.findMany({
    where: { conference: { slug } },
    orderBy: { position: "asc" },
    select: { id: true, kind: true, position: true, role: true, text: true, qaPair: { select: { publicId: true, ordinal: true, status: true } } },
  });
}
const turnWith = async (slug: string, text: string) => (await turnsOf(slug)).find((t) => t.text === text)!;

const edit = (slug: string, op: Record<string, unknown>, correctionNote?: string) => editAs(users.editor.id, "10.0.0.7", slug, op, correctionNote);

async function search(q: string) {
  const { searchPairs } = await import("@/lib/search/query");
  const { searchParamsSchema } = await import("@/lib/search/params");
  return (await searchPairs(searchParamsSchema.parse({ q }))).hits;
}

describe("a statement becomes a question on a published conference", () => {
  it("an opening statement starts the first pair with the statements after it as answers; permalinks, revision, audit and search follow", async () => {
    const { db } = await import("@/lib/db/client");
    const { drainOutboxOnce } = await import("@/lib/search/worker");
    const { routeQa } = await import("@/lib/catalog/qa-routing");
    const { slug, publicIds } = await fresh();
    await drainOutboxOnce();
    const question = await turnWith(slug, "Is the harbour tunnel finished?");
    expect((await search("harbour tunnel")).map((h) => h.id)).toContain(`statement-${question.id}`);
    const positions = (await turnsOf(slug)).map((t) => [t.id, t.position]);

    const result = await edit(slug, { op: "startPairAt", turnId: `t${question.id}` }, "A reporter's question was printed as a statement.");
    expect(result.message).toMatch(/question of a new pair/);

    const turns = await turnsOf(slug);
    // Nothing moved: the turns keep their order, only their place in pairs changed.
    expect(turns.map((t) => [t.id, t.position])).toEqual(positions);
    expect(turns.map((t) => [t.text, t.kind, t.qaPair?.ordinal ?? null])).toEqual([
      ["Good morning.", "STATEMENT", null],
      ["Is the harbour tunnel finished?", "QUESTION", 1],
      ["The harbour tunnel opens in June.", "ANSWER", 1],
      ["When will the bridge open?", "QUESTION", 2],
      ["Next spring.", "ANSWER", 2],
      ["Thank you, that is all from the podium.", "STATEMENT", null],
      ["Will the zeppelin service resume?", "STATEMENT", null],
      ["The zeppelin flies again in May.", "STATEMENT", null],
      ["What about ferries?", "QUESTION", 3],
      ["They keep running.", "ANSWER", 3],
    ]);
    const created = turns[1].qaPair!;
    expect(created.status).toBe("PUBLISHED");
    expect(publicIds).not.toContain(created.publicId);
    // The pairs that were there keep their permalinks.
    expect(turns.filter((t) => t.kind === "QUESTION").map((t) => t.qaPair!.publicId)).toEqual([created.publicId, ...publicIds]);

    // The new pair has its own permalink, which renders.
    const route = await routeQa(created.publicId, null);
    expect(route).toEqual({ kind: "redirect", location: expect.stringMatching(new RegExp(`^/qa/${created.publicId}/`)) });
    const slugPart = (route as { location: string }).location.split("/").at(-1)!;
    expect((await routeQa(created.publicId, slugPart)).kind).toBe("render");

    // One revision with the note, one audit event, one outbox row for the new pair plus the statements.
    const pairRow = await db().qaPair.findUniqueOrThrow({ where: { publicId: created.publicId }, select: { id: true } });
    const revision = await db().revision.findFirstOrThrow({ where: { conference: { slug }, qaPairId: null }, orderBy: { id: "desc" } });
    expect(revision.publicNote).toBe("A reporter's question was printed as a statement.");
    expect(await db().revision.count({ where: { qaPairId: pairRow.id } })).toBe(1);
    const audit = await db().auditEvent.findFirstOrThrow({ where: { action: "conference.transcript.startPairAt", targetType: "Conference" }, orderBy: { id: "desc" } });
    expect(audit).toMatchObject({ userId: users.editor.id, ip: "10.0.0.7" });
    const queued = await db().searchOutbox.findMany({ where: { processedAt: null } });
    expect(queued).toEqual(expect.arrayContaining([expect.objectContaining({ qaPairId: pairRow.id, op: "UPSERT" })]));

    // Search finds the pair now, and no longer the statement.
    await drainOutboxOnce();
    const hits = await search("harbour tunnel");
    expect(hits.map((h) => h.id)).toContain(created.publicId);
    expect(hits.map((h) => h.id)).not.toContain(`statement-${question.id}`);
  });

  it("a statement between pairs starts a pair after the pair before it; the statements before it stay", async () => {
    const { slug, publicIds } = await fresh();
    const question = await turnWith(slug, "Will the zeppelin service resume?");
    await edit(slug, { op: "startPairAt", turnId: `t${question.id}` });
    const turns = await turnsOf(slug);
    expect(turns.map((t) => [t.text, t.kind, t.qaPair?.ordinal ?? null]).slice(3)).toEqual([
      ["When will the bridge open?", "QUESTION", 1],
      ["Next spring.", "ANSWER", 1],
      ["Thank you, that is all from the podium.", "STATEMENT", null],
      ["Will the zeppelin service resume?", "QUESTION", 2],
      ["The zeppelin flies again in May.", "ANSWER", 2],
      ["What about ferries?", "QUESTION", 3],
      ["They keep running.", "ANSWER", 3],
    ]);
    expect(turns.find((t) => t.text === "What about ferries?")!.qaPair!.publicId).toBe(publicIds[1]);
  });

  it("refuses a statement with no statement after it to answer, and writes nothing", async () => {
    const { db } = await import("@/lib/db/client");
    const { slug } = await fresh();
    const last = await turnWith(slug, "The zeppelin flies again in May.");
    const before = await turnsOf(slug);
    const version = await versionOf(slug);
    await expect(edit(slug, { op: "startPairAt", turnId: `t${last.id}` })).rejects.toThrow(/would have no answer/);
    expect(await turnsOf(slug)).toEqual(before);
    expect(await versionOf(slug)).toBe(version);
    expect(await db().revision.count({ where: { conference: { slug } } })).toBe(0);
  });
});

describe("a pair becomes statements on a published conference", () => {
  it("its turns stay in place as statements and its permalink leads there, or to the pair its question joins again", async () => {
    const { db } = await import("@/lib/db/client");
    const { drainOutboxOnce } = await import("@/lib/search/worker");
    const { routeQa } = await import("@/lib/catalog/qa-routing");
    const { slug, publicIds } = await fresh();
    await drainOutboxOnce();
    const ferries = await db().qaPair.findUniqueOrThrow({ where: { publicId: publicIds[1] }, select: { id: true } });
    const positions = (await turnsOf(slug)).map((t) => [t.id, t.position]);
    await edit(slug, { op: "pairToStatements", pairId: `p${ferries.id}` }, "Not a question from the floor.");

    const turns = await turnsOf(slug);
    expect(turns.map((t) => [t.id, t.position])).toEqual(positions);
    expect(turns.slice(-2).map((t) => [t.text, t.kind, t.qaPair])).toEqual([
      ["What about ferries?", "STATEMENT", null],
      ["They keep running.", "STATEMENT", null],
    ]);
    const question = turns.find((t) => t.text === "What about ferries?")!;
    const row = await db().qaPair.findUniqueOrThrow({ where: { id: ferries.id } });
    expect(row).toMatchObject({ status: "DELETED", statementTurnId: question.id, mergedIntoId: null });
    expect((await db().searchOutbox.findMany({ where: { qaPairId: ferries.id }, orderBy: { id: "desc" }, take: 1 }))[0].op).toBe("DELETE");
    expect((await db().auditEvent.findFirstOrThrow({ where: { action: "conference.transcript.pairToStatements" }, orderBy: { id: "desc" } })).summary).toMatch(/into statements/);

    // The permalink leads to the statement in the transcript, never to a 404 or a 410.
    expect(await routeQa(publicIds[1], null)).toEqual({ kind: "redirect", location: `/conferences/${slug}#statement-${question.id}` });
    expect(await routeQa(publicIds[1], "what-about-ferries")).toEqual({ kind: "redirect", location: `/conferences/${slug}#statement-${question.id}` });
    const page = await (await import("@/app/qa/[publicId]/route")).GET(new Request(`http://test/qa/${publicIds[1]}`), { params: Promise.resolve({ publicId: publicIds[1] }) });
    expect([page.status, page.headers.get("location")]).toEqual([308, `/conferences/${slug}#statement-${question.id}`]);
    const { GET } = await import("@/app/api/v1/qa/[publicId]/route");
    const api = await GET(new Request(`http://test/api/v1/qa/${publicIds[1]}`), { params: Promise.resolve({ publicId: publicIds[1] }) });
    expect(api.status).toBe(410);
    expect(await api.json()).toMatchObject({ id: publicIds[1], statementsAt: `/conferences/${slug}#statement-${question.id}` });
    await drainOutboxOnce();
    const hits = await search("ferries");
    expect(hits.map((h) => h.id)).toContain(`statement-${question.id}`);
    expect(hits.map((h) => h.id)).not.toContain(publicIds[1]);

    // The same statement made a question again: the old permalink follows it to its new pair.
    await edit(slug, { op: "startPairAt", turnId: `t${question.id}` });
    const again = (await turnsOf(slug)).find((t) => t.id === question.id)!.qaPair!.publicId;
    expect(again).not.toBe(publicIds[1]);
    expect(await routeQa(publicIds[1], null)).toEqual({ kind: "redirect", location: expect.stringMatching(new RegExp(`^/qa/${again}/`)) });

    // Deleted later: the permalink still leads to the conference.
    await edit(slug, { op: "pairToStatements", pairId: `p${(await db().qaPair.findUniqueOrThrow({ where: { publicId: again } })).id}` });
    await edit(slug, { op: "deleteTurn", turnId: `t${question.id}` });
    expect(await routeQa(publicIds[1], null)).toEqual({ kind: "redirect", location: `/conferences/${slug}` });
  });

  it("a pair merged into one that later became statements leads to those statements too", async () => {
    const { db } = await import("@/lib/db/client");
    const { routeQa } = await import("@/lib/catalog/qa-routing");
    const { slug, publicIds } = await fresh();
    const [bridge, ferries] = await Promise.all(publicIds.map((publicId) => db().qaPair.findUniqueOrThrow({ where: { publicId }, select: { id: true } })));
    await edit(slug, { op: "mergePairIntoPrevious", pairId: `p${ferries.id}` });
    await edit(slug, { op: "pairToStatements", pairId: `p${bridge.id}` });
    const question = await turnWith(slug, "When will the bridge open?");
    expect(await routeQa(publicIds[1], null)).toEqual({ kind: "redirect", location: `/conferences/${slug}#statement-${question.id}` });
  });

  it("the first pair becomes opening statements, with the statements that followed it", async () => {
    const { db } = await import("@/lib/db/client");
    const { slug, publicIds } = await fresh();
    const bridge = await db().qaPair.findUniqueOrThrow({ where: { publicId: publicIds[0] }, select: { id: true } });
    await edit(slug, { op: "pairToStatements", pairId: `p${bridge.id}` });
    const turns = await turnsOf(slug);
    expect(turns.map((t) => [t.text, t.kind, t.qaPair?.ordinal ?? null]).slice(2)).toEqual([
      ["The harbour tunnel opens in June.", "STATEMENT", null],
      ["When will the bridge open?", "STATEMENT", null],
      ["Next spring.", "STATEMENT", null],
      ["Thank you, that is all from the podium.", "STATEMENT", null],
      ["Will the zeppelin service resume?", "STATEMENT", null],
      ["The zeppelin flies again in May.", "STATEMENT", null],
      ["What about ferries?", "QUESTION", 1],
      ["They keep running.", "ANSWER", 1],
    ]);
  });

  it("refuses to turn an unpublished pair into statements, whose text would then be public", async () => {
    const { db } = await import("@/lib/db/client");
    const { slug, publicIds } = await fresh();
    const pair = await db().qaPair.update({ where: { publicId: publicIds[1] }, data: { status: "UNPUBLISHED" }, select: { id: true } });
    const version = await versionOf(slug);
    await expect(edit(slug, { op: "pairToStatements", pairId: `p${pair.id}` })).rejects.toThrow(/unpublished/);
    expect(await versionOf(slug)).toBe(version);
    expect((await turnWith(slug, "What about ferries?")).kind).toBe("QUESTION");
  });
});
