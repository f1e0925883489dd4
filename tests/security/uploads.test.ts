import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { docxOf, docxParagraph, emptyParagraphsDocx, nestedHtml, shortPairsPaste, zipBombDocx } from "@/lib/transcripts/hostile-files";
import { useTestServices, type TestServices } from "../support/services";

// Hostile uploads go through createImportDraft, the code the upload action calls, against a
// real Postgres: each is refused with a message, nothing is written, and the event loop (the
// thread that serves every reader) keeps ticking while they are read on a worker thread.

let services: TestServices;
let store: typeof import("@/lib/drafts/store");
let offThread: typeof import("@/lib/transcripts/read-off-thread");
let db: typeof import("@/lib/db/client").db;
let editor: { id: number };

beforeAll(async () => {
  services = await useTestServices();
  store = await import("@/lib/drafts/store");
  offThread = await import("@/lib/transcripts/read-off-thread");
  ({ db } = await import("@/lib/db/client"));
  editor = await db().user.create({ data: { email: "editor-uploads@example.org", passwordHash: "not-a-real-hash", role: "EDITOR" }, select: { id: true } });
});

afterAll(async () => {
  await services?.cleanup();
});

/** Runs `work` while a 10 ms timer measures the longest gap between its ticks on this thread. */
async function withLoopLag<T>(work: () => Promise<T>): Promise<{ outcome: PromiseSettledResult<T>; maxLagMs: number }> {
  let last = performance.now();
  let maxLagMs = 0;
  const timer = setInterval(() => {
    const now = performance.now();
    maxLagMs = Math.max(maxLagMs, now - last - 10);
    last = now;
  }, 10);
  const [outcome] = await Promise.allSettled([work()]);
  clearInterval(timer);
  return { outcome, maxLagMs };
}

const utf8 = (s: string) => new TextEncoder().encode(s);

describe("hostile uploads are refused off the request thread", () => {
  const cases: [string, () => import("@/lib/drafts/store").ImportSource, RegExp][] = [
    ["a .docx zip bomb (300 MB of XML)", () => ({ kind: "file", fileName: "bomb.docx", bytes: zipBombDocx(300) }), /unpacks to more than 25 MB/],
    [
      "a .docx that states 4 kB and inflates to 60 MB",
      () => ({ kind: "file", fileName: "liar.docx", bytes: zipBombDocx(60, { lieAboutSize: true }) }),
      /more than the size it states/,
    ],
    ["HTML with 300,000 nested elements", () => ({ kind: "file", fileName: "deep.html", bytes: utf8(nestedHtml(300_000)) }), /nests elements more than 256 deep/],
    [
      "a 4 kB .docx with 10,000 empty paragraphs",
      () => ({ kind: "file", fileName: "empty.docx", bytes: emptyParagraphsDocx(10_000) }),
      /paragraphs; one import takes at most 10000/,
    ],
    ["a 1 MB paste of short pairs", () => ({ kind: "text", text: shortPairsPaste(1_000_000) }), /more than 40000 lines/],
  ];

  it.each(cases)("%s: clear message, nothing written, event loop never stalled", async (_name, source, message) => {
    const input = source();
    const before = await db().importDraft.count();
    const { outcome, maxLagMs } = await withLoopLag(() => store.createImportDraft(editor, input));
    expect(outcome.status).toBe("rejected");
    const error = (outcome as PromiseRejectedResult).reason;
    expect(error).toMatchObject({ name: "TranscriptInputError", message: expect.stringMatching(message) });
    expect(await db().importDraft.count()).toBe(before);
    // Copying the bytes to the worker is the only work on this thread.
    expect(maxLagMs).toBeLessThan(500);
  });

  it("stops a read that overruns its time budget, and frees its slot for the next one", async () => {
    const paste = shortPairsPaste(100_000);
    await expect(offThread.readTranscriptOffThread({ kind: "text", text: paste }, { timeBudgetMs: 150 })).rejects.toMatchObject({
      code: "too_slow",
      message: expect.stringMatching(/took longer than 0.15 s and was stopped/),
    });
    const ok = await offThread.readTranscriptOffThread({ kind: "text", text: "Q: Is the port open?\nA: Yes." });
    expect(ok.draft.pairs).toHaveLength(1);
  });

  it("stops a read that needs more memory than the worker's heap limit", async () => {
    const html = `<p>Q: ${"word ".repeat(400_000)}?</p><p>A: Yes.</p>`;
    await expect(offThread.readTranscriptOffThread({ kind: "file", fileName: "big.html", bytes: utf8(html) }, { heapMb: 12 })).rejects.toMatchObject({
      code: "too_large",
      message: expect.stringMatching(/needed more than 12 MB of memory and was stopped/),
    });
  });

  it("keeps more than two reads waiting for a slot and answers them all", async () => {
    const text = "Q: Is the port open?\nA: Yes.";
    const results = await Promise.all(Array.from({ length: 5 }, () => offThread.readTranscriptOffThread({ kind: "text", text })));
    expect(results.map((r) => r.draft.pairs.length)).toEqual([1, 1, 1, 1, 1]);
  });
});

describe("the largest import allowed is saved and published without a transaction timeout", () => {
  it("creates a draft of 2,000 pairs from a .docx and publishes it", async () => {
    const paragraphs = Array.from({ length: 2000 }, (_, i) => docxParagraph(`Q: Question number ${i + 1} about the port?`) + docxParagraph(`A: Answer number ${i + 1}.`));
    const { id } = await store.createImportDraft(editor, { kind: "file", fileName: "long.docx", bytes: docxOf(`${docxParagraph("Long Briefing")}${paragraphs.join("")}`) });
    const stored = await store.loadImportDraft(id);
    expect(stored.draft.pairs).toHaveLength(2000);
    const result = await store.publishImportDraft(editor, id, stored.version);
    expect(await db().qaPair.count({ where: { conferenceId: result.conferenceId } })).toBe(2000);
  }, 240_000);
});
