import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { useTestServices, type TestServices } from "../support/services";

const SEED = path.resolve(import.meta.dirname, "../../../shared/seeds/000_47fa108efec89af6.txt");

// The walking skeleton end to end on real services: transcript text → parser → one
// transaction with outbox rows → worker → Meilisearch → search with highlights.
describe("transcript to search", () => {
  let services: TestServices;
  beforeAll(async () => {
    services = await useTestServices();
  });
  afterAll(async () => {
    await services.cleanup();
  });

  it("publishes the seed page as one conference and finds its pair through Meilisearch", async () => {
    const { publishSeedPage } = await import("@/lib/archive/transcript-file");
    const { db } = await import("@/lib/db/client");
    const { drainOutboxOnce } = await import("@/lib/search/worker");
    const { searchPairs } = await import("@/lib/search/query");
    const { searchParamsSchema } = await import("@/lib/search/params");

    const published = await publishSeedPage(SEED);
    expect(published).not.toBeNull();
    const conference = await db().conference.findUniqueOrThrow({
      where: { id: published!.conferenceId },
      include: { turns: { orderBy: { position: "asc" }, include: { speaker: true } }, participants: { include: { speaker: true } } },
    });
    expect(conference.title).toBe("SCIO press conference on striving for new breakthroughs to revitalize Jilin in the new era");
    expect(conference.heldOn?.toISOString().slice(0, 10)).toBe("2024-05-16");
    expect(conference.sourceName).toBe("China.org.cn");
    expect(conference.status).toBe("PUBLISHED");
    expect(conference.sourceSha256).toMatch(/^[0-9a-f]{64}$/);
    expect(published!.pairs).toHaveLength(1);
    expect(conference.turns.map((t) => [t.kind, t.speaker?.name ?? null, t.role])).toEqual([
      ["QUESTION", null, "JOURNALIST"],
      ["ANSWER", "Hu Yuting", "MODERATOR"],
      ["ANSWER", "Li Guoqiang", "OFFICIAL"],
    ]);
    // The navigation and pagination lines are not content.
    expect(conference.turns.some((t) => t.text.includes("Press Room") || /<\s+1\s+2/.test(t.text))).toBe(false);
    expect(conference.participants.map((p) => [p.speaker.name, p.role]).sort()).toEqual([
      ["Hu Yuting", "MODERATOR"],
      ["Li Guoqiang", "OFFICIAL"],
    ]);

    const outbox = await db().searchOutbox.findMany({ where: { processedAt: null } });
    // The pair, and the conference's statements (none on this page, but that the worker decides).
    expect(outbox.map((row) => [row.qaPairId, row.statementsOfConferenceId, row.op])).toEqual([
      [published!.pairs[0].id, null, "UPSERT"],
      [null, published!.conferenceId, "UPSERT"],
    ]);

    const drained = await drainOutboxOnce();
    expect(drained.processed).toBe(2);
    expect(await db().searchOutbox.count({ where: { processedAt: null } })).toBe(0);

    const results = await searchPairs(searchParamsSchema.parse({ q: "maglev train" }));
    expect(results.hits.map((h) => h.id)).toEqual([published!.pairs[0].publicId]);
    expect(results.hits[0]._formatted.answer).toContain("<mark>maglev</mark>");
    expect(results.hits[0].answers.map((a) => a.speaker)).toEqual(["Hu Yuting", "Li Guoqiang"]);
  });

  it("publishes nothing and queues nothing when the input is invalid", async () => {
    const { publishConference } = await import("@/lib/archive/publish");
    const { db } = await import("@/lib/db/client");
    const before = [await db().conference.count(), await db().qaPair.count(), await db().turn.count(), await db().searchOutbox.count()];
    await expect(
      publishConference({
        metadata: { title: "Half a conference", heldOn: "2024-02-30x" },
        pairs: [{ question: { text: "Is this saved?" }, answers: [{ text: "It must not be." }] }],
      }),
    ).rejects.toThrow(/YYYY-MM-DD/);
    // A failure inside the transaction (an unknown translation target) rolls everything back.
    await expect(
      publishConference({
        metadata: { title: "Half a conference", translationOfSlug: "no-such-conference" },
        pairs: [{ question: { text: "Is this saved?" }, answers: [{ text: "It must not be." }] }],
      }),
    ).rejects.toThrow(/does not exist/);
    const after = [await db().conference.count(), await db().qaPair.count(), await db().turn.count(), await db().searchOutbox.count()];
    expect(after).toEqual(before);
  });
});
