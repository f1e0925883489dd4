import { describe, expect, it } from "vitest";
import type { ConferenceInput } from "@/lib/archive/conference-input";
import { chineseBriefing, englishBriefing, laterBriefing, withIndexedArchive } from "./fixtures";

// Hybrid mode end to end with the packaged sentence encoder (PRESSROOM_EMBEDDING_MODEL unset):
// the index declares the userProvided embedder, English pairs carry 512-dimension vectors and
// Chinese ones opt out, a description in other words is lifted by the semantic re-ranker, and
// "more like this" comes from Meilisearch's /similar across conferences and years.

Object.assign(process.env, { PRESSROOM_SEARCH_MODE: "hybrid" });
delete process.env.PRESSROOM_EMBEDDING_MODEL;

// A briefing from another year and organizer: one pair about the same thing as en-1 in other
// words, one about something else that shares its words ("north", "open").
const coastBriefing: ConferenceInput = {
  metadata: { title: "Coastal region council briefing", heldOn: "2021-07-09", organizer: "Coastal Council", language: "en", sourceName: "test" },
  pairs: [
    {
      question: { speaker: "Rui Sato", outlet: "Coast Post", text: "Has the facility that turns seawater into drinking water started operating?" },
      answers: [{ speaker: "Councillor Dee", text: "It supplies forty thousand homes since June." }],
      sourceCorpus: "test",
      sourceId: "coast-1",
    },
    {
      question: { speaker: "Rui Sato", outlet: "Coast Post", text: "Will the north road stay open during the football final?" },
      answers: [{ speaker: "Councillor Dee", text: "Yes, with police at the junctions." }],
      sourceCorpus: "test",
      sourceId: "coast-2",
    },
  ],
};

const archive = withIndexedArchive(englishBriefing, laterBriefing, chineseBriefing, coastBriefing);

async function documentVectors() {
  const { meili, liveIndexUid } = await import("@/lib/search/client");
  const page = await meili()
    .index(liveIndexUid())
    .getDocuments<{ id: string; sourceId: string; publicId: string; conferenceSlug: string; _vectors: { pressroom: { embeddings: number[][] } } }>({
      limit: 50,
      retrieveVectors: true,
      fields: ["id", "sourceId", "publicId", "conferenceSlug", "_vectors"],
    });
  return page.results;
}

describe("hybrid search with the packaged sentence encoder", () => {
  it("declares the embedder, gives English pairs their vectors and Chinese ones none", async () => {
    expect(archive.services).toBeDefined();
    const { meili, liveIndexUid } = await import("@/lib/search/client");
    expect((await meili().index(liveIndexUid()).getSettings()).embedders).toEqual({ pressroom: expect.objectContaining({ source: "userProvided", dimensions: 512 }) });
    const docs = await documentVectors();
    expect(docs.find((d) => d.sourceId === "en-1")?._vectors.pressroom.embeddings[0]).toHaveLength(512);
    expect(docs.find((d) => d.sourceId === "zh-1")?._vectors.pressroom.embeddings).toEqual([]);
  }, 120_000);

  it("orders a description's candidates by meaning and lifts the described pair", async () => {
    const { semanticQuery, semanticOrder } = await import("@/lib/search/semantic");
    const docs = await documentVectors();
    const id = (sourceId: string) => docs.find((d) => d.sourceId === sourceId)!.id;
    const q = "is the north getting a facility that makes sea water drinkable and when does it open";
    const semantic = await semanticQuery(q, { source: "rerank", ratio: 1, fusion: 1, minWords: 4, depth: 50 });
    expect(semantic?.vector).toHaveLength(512);
    // The road shares "north" and "open"; by meaning the seawater facility comes first.
    const order = await semanticOrder([id("coast-2"), id("en-2"), id("coast-1"), id("zh-1")], semantic!);
    expect(order.map((hit) => hit.id).slice(0, 1)).toEqual([id("coast-1")]);
    expect(order.map((hit) => hit.id)).not.toContain(id("zh-1"));

    const { searchPairs } = await import("@/lib/search/query");
    const { searchParamsSchema } = await import("@/lib/search/params");
    const results = await searchPairs(searchParamsSchema.parse({ q }));
    expect(results.hits[0]?.sourceId).toBe("coast-1");
  });

  it("finds more like this in another conference and year from the same vectors", async () => {
    const { relatedPairs } = await import("@/lib/catalog/related");
    const docs = await documentVectors();
    const facility = docs.find((d) => d.sourceId === "coast-1")!;
    const related = await relatedPairs({
      publicId: facility.publicId,
      question: "Has the facility that turns seawater into drinking water started operating?",
      topics: [],
      conferenceSlug: facility.conferenceSlug,
    });
    // Nearest by the encoder's cosine (0.68, 0.56): the 2023 ministry's water questions, not the same council's road.
    expect(related?.slice(0, 2).map((r) => r.publicId)).toEqual([docs.find((d) => d.sourceId === "en-2")!.publicId, docs.find((d) => d.sourceId === "en-1")!.publicId]);
    expect(related?.map((r) => r.conferenceSlug)).not.toContain(facility.conferenceSlug);
  });
});
