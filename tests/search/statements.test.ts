import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { useTestServices, type TestServices } from "../support/services";

// A real White House gaggle: Jen Psaki's opening statement names the "Ford Rouge Electric
// Vehicle Center"; no question or answer of that briefing does. Before statements were
// indexed, searching "Ford Rouge" found nothing (issue 13).
const GAGGLE = path.resolve(
  import.meta.dirname,
  "../../../shared/corpus/transcripts/wh_2021-05-18-press-gaggle-by-press-secretary-jen-psaki-aboard-air-force-one-en-route-detroit-mi.txt",
);

describe("opening statements in search", () => {
  let services: TestServices;
  beforeAll(async () => {
    services = await useTestServices();
  });
  afterAll(async () => {
    await services.cleanup();
  });

  it("finds a word said only in an opening statement and links to the statement in its transcript", async () => {
    const { publishTranscriptFile } = await import("@/lib/archive/transcript-file");
    const { db } = await import("@/lib/db/client");
    const { drainOutboxOnce } = await import("@/lib/search/worker");
    const { searchPairs } = await import("@/lib/search/query");
    const { searchParamsSchema } = await import("@/lib/search/params");
    const { handleSearchRequest } = await import("@/lib/search/api");
    const { searchFeed } = await import("@/lib/catalog/feeds");
    const { hitHeading } = await import("@/lib/search/hit-display");

    const published = (await publishTranscriptFile(GAGGLE, { sourceKey: "test:gaggle" }))!;
    expect(published).not.toBeNull();
    const conference = await db().conference.findUniqueOrThrow({ where: { id: published.conferenceId }, select: { id: true, slug: true } });
    const statement = await db().turn.findFirstOrThrow({ where: { conferenceId: conference.id, kind: "STATEMENT", text: { contains: "Ford Rouge" } } });
    // The premise: the words are in no pair of this briefing.
    expect(await db().turn.count({ where: { conferenceId: conference.id, qaPairId: { not: null }, text: { contains: "Rouge" } } })).toBe(0);

    // Publishing queued the conference's statements next to its pairs, one row each way.
    const queued = await db().searchOutbox.findMany({ where: { processedAt: null } });
    expect(queued.filter((row) => row.statementsOfConferenceId === conference.id)).toHaveLength(1);
    expect(queued.every((row) => (row.qaPairId === null) !== (row.statementsOfConferenceId === null))).toBe(true);
    await drainOutboxOnce();

    const results = await searchPairs(searchParamsSchema.parse({ q: "Ford Rouge" }));
    expect(results.hits.length).toBeGreaterThan(0);
    const hit = results.hits[0];
    expect(hit.kind).toBe("statement");
    expect(hit.id).toBe(`statement-${statement.id}`);
    expect(hit.url).toBe(`/conferences/${conference.slug}#statement-${statement.id}`);
    expect(hit.answers[0].text).toBe(statement.text);
    expect(hit._formatted.answer).toContain("<mark>Rouge</mark>");
    // The CLI import keeps the label as printed; the heading says whose statement it is either way.
    expect(hitHeading(hit)).toMatch(/^Statement by (MS\. PSAKI|Jen Psaki)$/);

    // Filterable: only statements, or only pairs (which then finds nothing here).
    expect((await searchPairs(searchParamsSchema.parse({ q: "Ford Rouge", kind: "statement" }))).hits.map((h) => h.id)).toContain(hit.id);
    expect((await searchPairs(searchParamsSchema.parse({ q: "Ford Rouge", kind: "pair" }))).hits.every((h) => h.kind === "pair" && h.id !== hit.id)).toBe(true);
    const pairsOnly = await searchPairs(searchParamsSchema.parse({ q: "", kind: "pair", limit: 100 }));
    expect(pairsOnly.hits.length).toBe(published.pairs.length);

    // The API says what each hit is; the feed links the statement's own permalink.
    const api = await handleSearchRequest(new Request("http://localhost/api/v1/search?q=Ford+Rouge"));
    const body = (await api.json()) as { hits: { kind: string; url: string }[] };
    expect(body.hits[0]).toMatchObject({ kind: "statement", url: hit.url });
    expect(await searchFeed(searchParamsSchema.parse({ q: "Ford Rouge" }))).toContain(`${hit.url}</id>`);

    // The anchor the permalink points at is the one the conference page renders.
    const { statementAnchor } = await import("@/lib/catalog/paths");
    expect(hit.url.endsWith(`#${statementAnchor(statement.id)}`)).toBe(true);
  });

  it("drops a statement from the index when an editor deletes it, and search:check and reindex count statements", async () => {
    const { db } = await import("@/lib/db/client");
    const { drainOutboxOnce } = await import("@/lib/search/worker");
    const { searchPairs } = await import("@/lib/search/query");
    const { searchParamsSchema } = await import("@/lib/search/params");
    const { checkIndex } = await import("@/lib/search/check");
    const { reindexAll } = await import("@/lib/search/reindex");
    const { editTranscript } = await import("@/lib/archive/edit-transcript");
    const { seedUsers } = await import("../auth/fixtures");
    const users = await seedUsers();

    const before = await checkIndex();
    expect(before.inSync).toBe(true);
    const statements = await db().turn.count({ where: { kind: "STATEMENT", conference: { status: "PUBLISHED" } } });
    const pairs = await db().qaPair.count({ where: { status: "PUBLISHED" } });
    expect(before.postgresVisible).toBe(statements + pairs);

    const rebuilt = await reindexAll();
    expect(rebuilt.documents).toBe(statements + pairs);
    expect((await checkIndex()).inSync).toBe(true);

    const statement = await db().turn.findFirstOrThrow({ where: { kind: "STATEMENT", text: { contains: "Ford Rouge" } }, include: { conference: true } });
    await editTranscript(
      { slug: statement.conference.slug, version: statement.conference.version, edit: { op: "deleteTurn", turnId: `t${statement.id}` } },
      { userId: users.editor.id },
    );
    await drainOutboxOnce();
    const after = await searchPairs(searchParamsSchema.parse({ q: "Ford Rouge", kind: "statement" }));
    expect(after.hits.map((h) => h.id)).not.toContain(`statement-${statement.id}`);
    expect((await checkIndex()).inSync).toBe(true);
  });
});
