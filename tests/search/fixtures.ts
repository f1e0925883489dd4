import { afterAll, beforeAll } from "vitest";
import type { ConferenceInput } from "@/lib/archive/conference-input";
import { useTestServices, type TestServices } from "../support/services";

/**
 * For a test file: its own services with these conferences published and indexed before the
 * tests, dropped after them. Read `.services` inside tests (it is set in beforeAll).
 */
export function withIndexedArchive(...conferences: ConferenceInput[]): { services: TestServices } {
  const archive = {} as { services: TestServices };
  beforeAll(async () => {
    archive.services = await useTestServices();
    const { publishConference } = await import("@/lib/archive/publish");
    const { drainOutboxOnce } = await import("@/lib/search/worker");
    for (const conference of conferences) await publishConference(conference);
    await drainOutboxOnce();
  });
  afterAll(async () => {
    await archive.services?.cleanup();
  });
  return archive;
}

// Small, made-up conferences whose words the search tests look for.

export const englishBriefing: ConferenceInput = {
  metadata: { title: "Ministry of Water briefing on desalination", heldOn: "2023-03-14", organizer: "Ministry of Water", language: "en", sourceName: "test" },
  pairs: [
    {
      question: { speaker: "Ana Ruiz", outlet: "Harbour Times", text: "When will the desalination plant in the north open?" },
      answers: [{ speaker: "Minister Okafor", text: "The desalination plant opens next spring, after the pipeline tests." }],
      topics: ["water"],
      sourceCorpus: "test",
      sourceId: "en-1",
    },
    {
      question: { speaker: "Ben Cole", outlet: "Daily Ledger", text: "Is the price of bottled water going up?" },
      answers: [{ speaker: "Minister Okafor", text: "Prices are set by the market; we watch them closely." }],
      topics: ["prices"],
      sourceCorpus: "test",
      sourceId: "en-2",
    },
    {
      question: { speaker: "Ana Ruiz", outlet: "Harbour Times", text: "What about the clean energy transition and the grid?" },
      answers: [{ speaker: "Deputy Lind", text: "The grid will carry clean energy from offshore wind by 2026." }],
      topics: ["energy"],
      sourceCorpus: "test",
      sourceId: "en-3",
    },
  ],
};

export const laterBriefing: ConferenceInput = {
  metadata: { title: "Energy agency press conference", heldOn: "2024-11-02", organizer: "Energy Agency", language: "en", sourceName: "test" },
  pairs: [
    {
      question: { speaker: "Chen Li", outlet: "Wire Service", text: "Will energy prices fall this winter, and is the transition on track?" },
      answers: [{ speaker: "Director Haas", text: "Energy prices should fall. The clean transition is on track." }],
      topics: ["energy", "prices"],
      sourceCorpus: "test",
      sourceId: "en-4",
    },
    {
      question: { speaker: "Dana Fox", outlet: "Harbour Times", text: "A reader sent <script>alert('x')</script> in a letter about the grid: comment?" },
      answers: [{ speaker: "Director Haas", text: "We do not comment on letters <b>about</b> the grid." }],
      sourceCorpus: "test",
      sourceId: "en-5",
    },
  ],
};

export const chineseBriefing: ConferenceInput = {
  metadata: { title: "外交部例行记者会", heldOn: "2019-06-20", organizer: "外交部", language: "zh", sourceName: "test" },
  pairs: [
    {
      question: { speaker: "记者", outlet: "新华社", text: "请问中方对海水淡化合作有何评论？" },
      answers: [{ speaker: "耿爽", text: "我们欢迎各方在海水淡化领域开展合作，共同应对水资源短缺。" }],
      sourceCorpus: "test",
      sourceId: "zh-1",
    },
  ],
};
