import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { useTestServices, type TestServices } from "../support/services";
import { unlabelledBriefing } from "../support/unlabelled-briefing";

// Issue 12, bad input: a transcript without speaker labels (or with one speaker only) is not
// refused at import. It becomes a draft of speakerless turns with a flag, and the review's own
// edits (set speaker, make a question, split) turn it into pairs that publish.

const UNLABELLED = unlabelledBriefing();

let services: TestServices;
let store: typeof import("@/lib/drafts/store");
let db: typeof import("@/lib/db/client").db;
let editor: { id: number };

beforeAll(async () => {
  services = await useTestServices();
  store = await import("@/lib/drafts/store");
  ({ db } = await import("@/lib/db/client"));
  editor = await db().user.create({ data: { email: "editor-unlabelled@example.org", passwordHash: "not-a-real-hash", role: "EDITOR" }, select: { id: true } });
});

afterAll(async () => {
  await services?.cleanup();
});

describe("unlabelled transcript", () => {
  it("imports as a flagged draft of speakerless paragraphs that the review turns into published pairs", async () => {
    const { NO_SPEAKER_LABELS } = await import("@/lib/transcripts");
    const { id } = await store.createImportDraft(editor, { kind: "text", text: UNLABELLED });
    let stored = await store.loadImportDraft(id);
    expect(stored.draft.warnings).toContain(NO_SPEAKER_LABELS);
    expect(stored.draft.pairs).toEqual([]);
    expect(stored.draft.unassigned).toEqual([]);
    expect(stored.draft.statements.map((t) => [t.speaker, t.text.slice(0, 20)])).toEqual([
      [null, "Good morning. The br"],
      [null, "Will the tolls chang"],
      [null, "No. The tolls stay a"],
      [null, "And the night closur"],
      [null, "They end on Friday. "],
    ]);
    await expect(store.publishImportDraft(editor, id, stored.version)).rejects.toThrow(/no question-and-answer pairs/);

    const edit = async (e: import("@/lib/drafts/edits").DraftEditInput) => {
      await store.editImportDraft(editor, id, stored.version, e);
      stored = await store.loadImportDraft(id);
    };
    const statement = (prefix: string) => stored.draft.statements.find((t) => t.text.startsWith(prefix))!;
    const answer = (prefix: string) => stored.draft.pairs.flatMap((p) => p.answers).find((t) => t.text.startsWith(prefix))!;

    await edit({ op: "saveTurn", turnId: statement("Good morning").id, speaker: "MS. LEE", role: "official", outlet: null, text: statement("Good morning").text });
    await edit({ op: "startPairAt", turnId: statement("Will the tolls").id });
    await edit({ op: "startPairAt", turnId: answer("And the night").id });
    await edit({ op: "splitTurn", turnId: answer("They end").id, offset: "They end on Friday. ".length });
    for (const prefix of ["No. The tolls", "They end", "Thank you"]) await edit({ op: "setSpeaker", turnId: answer(prefix).id, speaker: "MS. LEE" });

    expect(stored.draft.pairs.map((p) => [p.question.text, ...p.answers.map((a) => `${a.speaker}: ${a.text}`)])).toEqual([
      ["Will the tolls change when it reopens?", "MS. LEE: No. The tolls stay as they were."],
      ["And the night closures?", "MS. LEE: They end on Friday.", "MS. LEE: Thank you, everyone."],
    ]);
    const { slug } = await store.publishImportDraft(editor, id, stored.version);
    const conference = await db().conference.findUniqueOrThrow({
      where: { slug },
      select: {
        sourceText: true,
        pairs: { orderBy: { ordinal: "asc" }, select: { turns: { orderBy: { position: "asc" }, select: { kind: true, text: true, speakerLabel: true } } } },
      },
    });
    expect(conference.sourceText).toBe(UNLABELLED);
    expect(conference.pairs.map((p) => p.turns.map((t) => `${t.kind} ${t.speakerLabel ?? "-"}: ${t.text}`))).toEqual([
      ["QUESTION -: Will the tolls change when it reopens?", "ANSWER MS. LEE: No. The tolls stay as they were."],
      ["QUESTION -: And the night closures?", "ANSWER MS. LEE: They end on Friday.", "ANSWER MS. LEE: Thank you, everyone."],
    ]);
  });

  it("a one-speaker transcript imports with its own flag", async () => {
    const { oneSpeakerWarning } = await import("@/lib/transcripts");
    const text = "MS. LEE:  The bridge reopens Monday.\n\nMS. LEE:  Will the tolls change? No, they stay.\n";
    const { id } = await store.createImportDraft(editor, { kind: "text", text });
    const stored = await store.loadImportDraft(id);
    expect(stored.draft.warnings).toContain(oneSpeakerWarning("MS. LEE"));
    expect(stored.draft.statements.map((t) => t.speaker)).toEqual(["MS. LEE", "MS. LEE"]);
  });
});
