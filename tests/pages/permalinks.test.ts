import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PublishResult } from "@/lib/archive/publish";
import { useTestServices, type TestServices } from "../support/services";
import { harbourBriefing, harbourBriefingZh, olderBriefing } from "./fixtures";

let services: TestServices;
let harbour: PublishResult;
let zh: PublishResult;

const qaRoute = () => import("@/app/qa/[publicId]/route");
const ctx = <T extends Record<string, string>>(params: T) => ({ params: Promise.resolve(params) });

beforeAll(async () => {
  services = await useTestServices();
  const { publishConference } = await import("@/lib/archive/publish");
  await publishConference(olderBriefing); // an earlier conference, so listings and neighbours have more than one
  harbour = await publishConference(harbourBriefing);
  zh = await publishConference(harbourBriefingZh);
});

afterAll(async () => {
  await services?.cleanup();
});

describe("Q&A permalinks", () => {
  it("renders the canonical slug and redirects any other slug there", async () => {
    const { routeQa } = await import("@/lib/catalog/qa-routing");
    const first = harbour.pairs[0].publicId;
    const canonical = `/qa/${first}/when-will-the-ferry-terminal-open-to-passengers-cars`;
    const ok = await routeQa(first, "when-will-the-ferry-terminal-open-to-passengers-cars");
    expect(ok.kind).toBe("render");
    if (ok.kind !== "render") throw new Error("unreachable");
    expect(ok.lookup.pair.conference.slug).toBe("harbour-ferry-briefing");
    expect(ok.lookup.previous).toBeNull();
    expect(ok.lookup.next?.publicId).toBe(harbour.pairs[1].publicId);
    expect(await routeQa(first, "an-old-slug")).toEqual({ kind: "redirect", location: canonical });
    expect(await routeQa(first.toUpperCase(), "when-will-the-ferry-terminal-open-to-passengers-cars")).toEqual({ kind: "redirect", location: canonical });
    expect(await routeQa("zzzzzzzz", "x")).toEqual({ kind: "missing" });
    expect(await routeQa("not-an-id", null)).toEqual({ kind: "missing" });
  });

  it("answers the bare id with 308 to the canonical URL and an unknown id with 404", async () => {
    const { GET } = await qaRoute();
    const second = harbour.pairs[1].publicId;
    const response = await GET(new Request(`http://test/qa/${second}`), ctx({ publicId: second }));
    expect(response.status).toBe(308);
    expect(response.headers.get("location")).toBe(`/qa/${second}/how-much-did-the-ferry-terminal-cost-in-the-end`);
    const missing = await GET(new Request("http://test/qa/zzzzzzzz"), ctx({ publicId: "zzzzzzzz" }));
    expect(missing.status).toBe(404);
  });

  it("keeps Chinese slugs and finds both translations", async () => {
    const { routeQa } = await import("@/lib/catalog/qa-routing");
    const id = zh.pairs[0].publicId;
    const redirect = await routeQa(id, null);
    expect(redirect).toEqual({ kind: "redirect", location: `/qa/${id}/新渡轮码头什么时候向乘客开放` });
    expect((await routeQa(id, encodeURIComponent("新渡轮码头什么时候向乘客开放"))).kind).toBe("render");
    const { findPublishedConference } = await import("@/lib/catalog/conference");
    expect((await findPublishedConference("harbour-ferry-briefing"))?.translation?.slug).toBe("harbour-ferry-briefing-zh");
    expect((await findPublishedConference("harbour-ferry-briefing-zh"))?.translation?.slug).toBe("harbour-ferry-briefing");
  });

  it("answers 410 Gone with the title and reason once a pair is withdrawn", async () => {
    const { db } = await import("@/lib/db/client");
    const { routeQa } = await import("@/lib/catalog/qa-routing");
    const { GET } = await qaRoute();
    const third = harbour.pairs[2].publicId;
    await db().qaPair.update({ where: { publicId: third }, data: { status: "UNPUBLISHED", statusReason: "Duplicate of question 1 & misattributed" } });
    expect(await routeQa(third, "will-fares-rise-next-year")).toEqual({ kind: "redirect", location: `/qa/${third}` });
    const response = await GET(new Request(`http://test/qa/${third}`), ctx({ publicId: third }));
    expect(response.status).toBe(410);
    const html = await response.text();
    expect(html).toContain("Will fares rise next year?");
    expect(html).toContain("Duplicate of question 1 &amp; misattributed");
    // The withdrawn pair drops out of the transcript and of its neighbours' next links.
    const { findPublishedConference } = await import("@/lib/catalog/conference");
    const conference = await findPublishedConference("harbour-ferry-briefing");
    expect(conference?.transcript.filter((b) => b.kind === "pair").map((b) => (b.kind === "pair" ? b.pair.publicId : ""))).toEqual([
      harbour.pairs[0].publicId,
      harbour.pairs[1].publicId,
    ]);
    const second = await routeQa(harbour.pairs[1].publicId, "how-much-did-the-ferry-terminal-cost-in-the-end");
    expect(second.kind === "render" && second.lookup.next).toBeNull();
  });

  it("treats pairs of a draft conference as never published (404)", async () => {
    const { publishConference } = await import("@/lib/archive/publish");
    const draft = await publishConference({ ...olderBriefing, metadata: { ...olderBriefing.metadata, slug: "a-draft" } }, { status: "DRAFT" });
    const { routeQa } = await import("@/lib/catalog/qa-routing");
    expect(await routeQa(draft.pairs[0].publicId, null)).toEqual({ kind: "missing" });
  });
});

describe("conference page", () => {
  it("lists statements then numbered pairs in spoken order, with participants and provenance", async () => {
    const { findPublishedConference } = await import("@/lib/catalog/conference");
    const conference = await findPublishedConference("harbour-ferry-briefing");
    expect(conference).not.toBeNull();
    const blocks = conference!.transcript;
    expect(blocks[0]).toMatchObject({ kind: "statement", turn: { speakerLabel: "Mira Holt", role: "MODERATOR" } });
    const firstPair = blocks[1];
    expect(firstPair.kind === "pair" && firstPair.number).toBe(1);
    expect(firstPair.kind === "pair" && firstPair.turns.map((t) => t.kind)).toEqual(["QUESTION", "ANSWER", "ANSWER"]);
    expect(conference!.sourceSha256).toMatch(/^[0-9a-f]{64}$/);
    expect(conference!.participants.map((p) => `${p.speaker.name}:${p.role}`).sort()).toEqual(
      ["Ana Ruiz:JOURNALIST", "Ben Cole:JOURNALIST", "Deputy Lind:OFFICIAL", "Director Okafor:OFFICIAL", "Mira Holt:MODERATOR"].sort(),
    );
  });
});

describe("renames keep old slugs working", () => {
  it("resolves old conference, speaker, outlet and topic slugs to the current ones", async () => {
    const { db } = await import("@/lib/db/client");
    const { resolveRenamedSlug } = await import("@/lib/catalog/redirects");
    const conference = await db().conference.update({ where: { slug: "harbour-annual-review-2023" }, data: { slug: "harbour-authority-annual-review-2023" } });
    await db().slugRedirect.create({ data: { kind: "CONFERENCE", oldSlug: "harbour-annual-review-2023", targetId: conference.id } });
    const speaker = await db().speaker.update({ where: { slug: "director-okafor" }, data: { slug: "amaka-okafor", name: "Amaka Okafor" } });
    await db().slugRedirect.create({ data: { kind: "SPEAKER", oldSlug: "director-okafor", targetId: speaker.id } });
    const outlet = await db().outlet.findUniqueOrThrow({ where: { slug: "harbour-times" } });
    await db().outlet.update({ where: { id: outlet.id }, data: { slug: "the-harbour-times" } });
    await db().slugRedirect.create({ data: { kind: "OUTLET", oldSlug: "harbour-times", targetId: outlet.id } });

    expect(await resolveRenamedSlug("CONFERENCE", "harbour-annual-review-2023")).toBe("harbour-authority-annual-review-2023");
    expect(await resolveRenamedSlug("SPEAKER", "director-okafor")).toBe("amaka-okafor");
    expect(await resolveRenamedSlug("OUTLET", "harbour-times")).toBe("the-harbour-times");
    expect(await resolveRenamedSlug("TOPIC", "ferries")).toBeNull();
    expect(await resolveRenamedSlug("CONFERENCE", "never-existed")).toBeNull();

    const { GET } = await import("@/app/api/v1/conferences/[slug]/route");
    const moved = await GET(new Request("http://test/api/v1/conferences/harbour-annual-review-2023"), ctx({ slug: "harbour-annual-review-2023" }));
    expect(moved.status).toBe(308);
    expect(moved.headers.get("location")).toBe("/api/v1/conferences/harbour-authority-annual-review-2023");
  });
});

describe("listing pages", () => {
  it("lists a speaker's answers newest first with per-year counts, topics and conferences", async () => {
    const people = await import("@/lib/catalog/people");
    const speaker = await people.findSpeaker("amaka-okafor");
    expect(speaker).not.toBeNull();
    const answers = await people.speakerAnswers(speaker!.id, { kind: "offset", page: 1 });
    // Pair 3 of the harbour briefing was withdrawn above: two 2025 answers and one from 2023.
    expect(answers.items.map((i) => i.conference.slug)).toEqual(["harbour-ferry-briefing", "harbour-ferry-briefing", "harbour-authority-annual-review-2023"]);
    expect(answers.items[0].answerers).toEqual(["Amaka Okafor", "Deputy Lind"]);
    expect(await people.speakerAnswersPerYear(speaker!.id)).toEqual([
      { year: 2023, count: 1 },
      { year: 2025, count: 2 },
    ]);
    expect(await people.speakerTopics(speaker!.id)).toEqual([
      { name: "ferries", slug: "ferries", count: 3 },
      { name: "budget", slug: "budget", count: 1 },
    ]);
    expect((await people.speakerConferences(speaker!.id)).items.map((c) => c.conference.slug)).toEqual(["harbour-ferry-briefing", "harbour-authority-annual-review-2023"]);
    const index = await people.listSpeakers(1, 100);
    expect(index.items[0]).toEqual({ name: "Amaka Okafor", slug: "amaka-okafor", answers: 3 });
  });

  it("lists an outlet's questions, a topic's pairs and filters the conference index", async () => {
    const { outletQuestions, findOutlet } = await import("@/lib/catalog/outlets");
    const outlet = await findOutlet("the-harbour-times");
    expect((await outletQuestions(outlet!.id, { kind: "offset", page: 1 })).total).toBe(2);
    const { topicPairs, findTopic } = await import("@/lib/catalog/topics");
    expect((await topicPairs((await findTopic("ferries"))!.id, { kind: "offset", page: 1 })).total).toBe(3);
    const { listConferences, conferenceFacets } = await import("@/lib/catalog/conference");
    expect((await listConferences({ year: 2023 })).items.map((c) => c.slug)).toEqual(["harbour-authority-annual-review-2023"]);
    expect((await listConferences({ organizer: "港务局" })).items.map((c) => c.slug)).toEqual(["harbour-ferry-briefing-zh"]);
    const facets = await conferenceFacets();
    expect(facets.years).toEqual([
      { year: 2025, count: 2 },
      { year: 2023, count: 1 },
    ]);
  });
});
