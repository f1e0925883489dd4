import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ConferenceInput } from "@/lib/archive/conference-input";
import { useTestServices, type TestServices } from "../support/services";

// Bugs found by walking the public pages on the imported real corpus, reproduced on made-up
// conferences: a spokesperson at many briefings (the real one has 441), Chinese names in English
// page chrome (耿爽, 新华社记者) and Chinese-language conferences.

let services: TestServices;

const briefing = (day: number): ConferenceInput => ({
  metadata: {
    title: `${day}日外交部发言人王明主持例行记者会`,
    slug: `wang-ming-briefing-${day}`,
    heldOn: `2024-05-${String(day).padStart(2, "0")}`,
    organizer: "示例外交部",
    language: "zh",
    sourceName: "test",
  },
  pairs: [
    {
      question: { speaker: "记者", outlet: "新华社记者", text: `第${day}天的问题是什么？` },
      answers: [{ speaker: "王明", role: "OFFICIAL", text: `这是第${day}天的回答。` }],
      topics: ["渡轮"],
    },
  ],
});

const englishBriefing: ConferenceInput = {
  metadata: { title: "Harbour night briefing", slug: "harbour-night-briefing", heldOn: "2024-06-01", organizer: "Harbour Authority", language: "en", sourceName: "test" },
  pairs: [
    {
      question: { speaker: "Ana Ruiz", outlet: "Harbour Times", text: "Will the night ferry run in winter?" },
      answers: [{ speaker: "王明", role: "OFFICIAL", text: "Yes, every night." }],
    },
  ],
};

beforeAll(async () => {
  services = await useTestServices();
  const { publishConference } = await import("@/lib/archive/publish");
  for (const day of [1, 2, 3]) await publishConference(briefing(day));
  await publishConference(englishBriefing);
});

afterAll(async () => {
  await services?.cleanup();
});

const props = (slug: string, page?: string) => ({ params: Promise.resolve({ slug }), searchParams: Promise.resolve(page ? { page } : {}) });

describe("speaker pages on busy speakers", () => {
  it("lists only the most recent conferences, with the total", async () => {
    const { findSpeaker, speakerConferences } = await import("@/lib/catalog/people");
    const speaker = await findSpeaker("王明");
    expect(speaker).not.toBeNull();
    const bounded = await speakerConferences(speaker!.id, 2);
    expect(bounded.total).toBe(4);
    expect(bounded.items.map((c) => c.conference.slug)).toEqual(["harbour-night-briefing", "wang-ming-briefing-3"]);
  });

  it("lists every conference, without a note, while a speaker has fewer than the limit", async () => {
    const { default: PersonPage } = await import("@/app/people/[slug]/page");
    const { SPEAKER_CONFERENCES_SHOWN } = await import("@/lib/catalog/people");
    const html = renderToStaticMarkup(await PersonPage(props(encodeURIComponent("王明"))));
    // Four conferences fit under the page's limit: no "most recent of" note.
    expect(SPEAKER_CONFERENCES_SHOWN).toBeGreaterThan(4);
    expect(html).not.toContain("most recent of");
    expect(html.match(/href="\/conferences\/[^"]+"/g)?.length).toBeGreaterThanOrEqual(4);
  });
});

describe("Chinese names inside English pages carry lang", () => {
  it("marks a Chinese speaker name in the heading and its answers' outlet links", async () => {
    const { default: PersonPage } = await import("@/app/people/[slug]/page");
    const html = renderToStaticMarkup(await PersonPage(props(encodeURIComponent("王明"))));
    expect(html).toContain('<h1 lang="zh">王明</h1>');
    expect(html).toMatch(/<a [^>]*href="\/outlets\/[^"]+"[^>]*lang="zh"[^>]*>新华社记者<\/a>|<a [^>]*lang="zh"[^>]*href="\/outlets\/[^"]+"[^>]*>新华社记者<\/a>/);
  });

  it("marks Chinese outlet and people names in the indexes but not Latin ones", async () => {
    const { default: OutletsPage } = await import("@/app/outlets/page");
    const outlets = renderToStaticMarkup(await OutletsPage({ searchParams: Promise.resolve({}) }));
    expect(outlets).toMatch(/lang="zh"[^>]*>新华社记者</);
    expect(outlets).not.toMatch(/lang="zh"[^>]*>Harbour Times</);
    const { default: PeoplePage } = await import("@/app/people/page");
    const people = renderToStaticMarkup(await PeoplePage({ searchParams: Promise.resolve({}) }));
    expect(people).toMatch(/lang="zh"[^>]*>王明</);
  });

  it("marks the speaker of an answer given in an English conference", async () => {
    const { TurnView } = await import("@/components/qa/turn-view");
    const html = renderToStaticMarkup(createElement(TurnView, { speakerName: "王明", speakerSlug: "王明", role: "OFFICIAL", text: "Yes, every night." }));
    expect(html).toMatch(/<span class="turn__speaker" lang="zh">/);
    expect(html).toMatch(/<p class="turn__text">Yes, every night.<\/p>/);
    const latin = renderToStaticMarkup(createElement(TurnView, { speakerName: "Ana Ruiz", speakerSlug: null, role: null, text: "?" }));
    expect(latin).not.toContain("lang=");
  });
});
