import type { ConferenceInput } from "@/lib/archive/conference-input";

// Made-up conferences for the public page, feed and API tests.

export const harbourBriefing: ConferenceInput = {
  metadata: {
    title: "Harbour Authority briefing on the new ferry terminal",
    slug: "harbour-ferry-briefing",
    heldOn: "2025-03-04",
    organizer: "Harbour Authority",
    location: "Port Hall",
    language: "en",
    sourceName: "Harbour Authority press office",
    sourceUrl: "https://example.org/briefings/ferry",
    retrievedAt: "2025-03-05T08:00:00Z",
    sourceText: "full source text",
  },
  statements: [{ speaker: "Mira Holt", role: "MODERATOR", text: "Good morning. The director will open with a statement." }],
  pairs: [
    {
      question: { speaker: "Ana Ruiz", outlet: "Harbour Times", text: "When will the ferry terminal open to passengers & cars?" },
      answers: [
        { speaker: "Director Okafor", role: "OFFICIAL", text: "The ferry terminal opens in June, once the ramps pass inspection." },
        { speaker: "Deputy Lind", role: "OFFICIAL", text: "Cars follow in July." },
      ],
      topics: ["ferries"],
    },
    {
      question: { speaker: "Ben Cole", outlet: "Daily <Ledger>", text: "How much did the ferry terminal cost in the end?" },
      answers: [{ speaker: "Director Okafor", role: "OFFICIAL", text: "It came in under budget by four percent." }],
      topics: ["ferries", "budget"],
    },
    {
      question: { speaker: "Ana Ruiz", outlet: "Harbour Times", text: "Will fares rise next year?" },
      answers: [{ speaker: "Director Okafor", role: "OFFICIAL", text: "No fare rise is planned." }],
      topics: ["fares"],
    },
  ],
};

export const harbourBriefingZh: ConferenceInput = {
  metadata: {
    title: "港务局新渡轮码头新闻发布会",
    slug: "harbour-ferry-briefing-zh",
    heldOn: "2025-03-04",
    organizer: "港务局",
    language: "zh",
    sourceName: "港务局",
    translationOfSlug: "harbour-ferry-briefing",
  },
  pairs: [
    {
      question: { speaker: "记者", outlet: "新华社", text: "新渡轮码头什么时候向乘客开放？" },
      answers: [{ speaker: "奥卡福", text: "码头将于六月开放。" }],
      topics: ["渡轮"],
    },
  ],
};

export const olderBriefing: ConferenceInput = {
  metadata: {
    title: "Harbour Authority annual review",
    slug: "harbour-annual-review-2023",
    heldOn: "2023-11-20",
    organizer: "Harbour Authority",
    language: "en",
    sourceName: "test",
  },
  pairs: [
    {
      question: { speaker: "Ana Ruiz", outlet: "Harbour Times", text: "Is the ferry terminal project on schedule?" },
      answers: [{ speaker: "Director Okafor", role: "OFFICIAL", text: "Yes, the ferry terminal is on schedule." }],
      topics: ["ferries"],
    },
  ],
};
