import { z } from "zod";
import type { SpeakerRole, TranscriptDraft } from "@/lib/transcripts/draft";

// The editable draft kept in ImportDraft.draft. It starts as the parser's output and then
// carries the editor's fixes. Every turn gets a stable id so that an edit names the turn it
// means even when turns around it were split, merged or moved.

export const draftRoleSchema = z.enum(["moderator", "official", "journalist", "interpreter", "unknown"]);
export type DraftRole = z.infer<typeof draftRoleSchema>;

const spanFields = {
  /** Offsets into ImportDraft.sourceText; null once an edit made the turn's text its own. */
  start: z.number().int().nonnegative().nullable(),
  end: z.number().int().nonnegative().nullable(),
};

export const editableTurnSchema = z.object({
  id: z.string().regex(/^t\d+$/),
  speaker: z.string().nullable(),
  role: draftRoleSchema,
  text: z.string(),
  ...spanFields,
});
export type EditableTurn = z.infer<typeof editableTurnSchema>;

export const editableQuestionSchema = editableTurnSchema.extend({ outlet: z.string().nullable() });
export type EditableQuestion = z.infer<typeof editableQuestionSchema>;

export const editablePairSchema = z.object({
  id: z.string().regex(/^p\d+$/),
  question: editableQuestionSchema,
  answers: z.array(editableTurnSchema),
  flags: z.array(z.string()),
});
export type EditablePair = z.infer<typeof editablePairSchema>;

export const draftMetadataSchema = z.object({
  title: z.string(),
  heldOn: z.string().nullable(),
  organizer: z.string().nullable(),
  location: z.string().nullable(),
  language: z.string(),
  sourceUrl: z.string().nullable(),
  sourceName: z.string().nullable(),
  translationOfSlug: z.string().nullable(),
});
export type DraftMetadata = z.infer<typeof draftMetadataSchema>;

export const editableDraftSchema = z.object({
  metadata: draftMetadataSchema,
  header: z.object({ start: z.number().int(), end: z.number().int() }).nullable(),
  statements: z.array(editableTurnSchema),
  pairs: z.array(editablePairSchema),
  /** Text the parser could not place; shown to the editor, never silently discarded. */
  unassigned: z.array(z.object({ text: z.string(), start: z.number().int(), end: z.number().int(), reason: z.string() })),
  dropped: z.array(z.object({ start: z.number().int(), end: z.number().int(), reason: z.string() })),
  warnings: z.array(z.string()),
  speakers: z.array(z.object({ label: z.string(), role: draftRoleSchema })),
  outlets: z.array(z.string()),
  /** Next free number for turn and pair ids. */
  nextId: z.number().int().positive(),
});
export type EditableDraft = z.infer<typeof editableDraftSchema>;

function roleFrom(role: SpeakerRole | undefined): DraftRole {
  return role ?? "unknown";
}

/** Turns parser output into the editable draft, numbering every turn and pair. */
export function editableDraftFrom(parsed: TranscriptDraft): EditableDraft {
  let next = 1;
  const turnId = () => `t${next++}`;
  const pairId = () => `p${next++}`;
  const outlets = new Set<string>();
  const draft: EditableDraft = {
    metadata: {
      title: parsed.title ?? "",
      heldOn: parsed.date,
      organizer: null,
      location: parsed.location ?? null,
      language: parsed.language,
      sourceUrl: parsed.sourceUrl ?? null,
      sourceName: parsed.sourceName,
      translationOfSlug: null,
    },
    header: parsed.header,
    statements: parsed.statements.map((s) => ({ id: turnId(), speaker: s.speaker, role: roleFrom(s.role), text: s.text, start: s.start, end: s.end })),
    pairs: parsed.pairs.map((p) => {
      if (p.question.outlet) outlets.add(p.question.outlet);
      return {
        id: pairId(),
        question: {
          id: turnId(),
          speaker: p.question.speaker,
          outlet: p.question.outlet,
          role: "journalist" as const,
          text: p.question.text,
          start: p.question.start,
          end: p.question.end,
        },
        answers: p.answers.map((a) => ({ id: turnId(), speaker: a.speaker, role: roleFrom(a.role), text: a.text, start: a.start, end: a.end })),
        flags: [...p.flags],
      };
    }),
    unassigned: parsed.unassigned.map((u) => ({ ...u })),
    dropped: parsed.dropped.map((d) => ({ ...d })),
    warnings: [...parsed.warnings],
    speakers: parsed.speakers.map((s) => ({ label: s.label, role: roleFrom(s.role) })),
    outlets: [...outlets],
    nextId: 1,
  };
  draft.nextId = next;
  return draft;
}

/** Flags that mean the parser was unsure about the pair itself, not just a detail of it. */
export const REVIEW_FLAGS = new Set(["answer_without_question", "no_answer", "no_question_label", "speaker_unknown", "moderator_only_answer"]);

export function needsReview(pair: EditablePair): boolean {
  return pair.flags.some((f) => REVIEW_FLAGS.has(f)) || pair.answers.length === 0;
}
