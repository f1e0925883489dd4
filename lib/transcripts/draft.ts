import { z } from "zod";

// The draft is a public contract: the editor, the API and external scripts
// read these exact keys, so additions must be optional and nothing may be renamed.

export const speakerRoleSchema = z.enum(["moderator", "official", "journalist", "unknown"]);

const offset = z.number().int().nonnegative();
const spanSchema = z.object({ start: offset, end: offset });

export const turnSchema = z.object({
  speaker: z.string().nullable(),
  text: z.string(),
  start: offset,
  end: offset,
  role: speakerRoleSchema.optional(),
});

export const questionTurnSchema = z.object({
  speaker: z.string().nullable(),
  outlet: z.string().nullable(),
  text: z.string(),
  start: offset,
  end: offset,
});

export const pairFlagSchema = z.string();

export const draftPairSchema = z.object({
  question: questionTurnSchema,
  answers: z.array(turnSchema),
  flags: z.array(pairFlagSchema),
});

export const unassignedSchema = z.object({ text: z.string(), start: offset, end: offset, reason: z.string() });
export const droppedSchema = z.object({ start: offset, end: offset, reason: z.string() });

export const transcriptDraftSchema = z.object({
  title: z.string().nullable(),
  date: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/)
    .nullable(),
  language: z.string().min(2),
  sourceName: z.string().nullable(),
  /** Printed in the header or front matter; only absolute http(s) URLs (otherwise null and a warning). */
  sourceUrl: z
    .string()
    .regex(/^https?:\/\/\S+$/)
    .nullable()
    .optional(),
  /** Printed under the title or in front matter ("James S. Brady Press Briefing Room"). */
  location: z.string().max(300).nullable().optional(),
  header: spanSchema.nullable(),
  statements: z.array(turnSchema),
  pairs: z.array(draftPairSchema),
  unassigned: z.array(unassignedSchema),
  dropped: z.array(droppedSchema),
  warnings: z.array(z.string()),
  speakers: z.array(z.object({ label: z.string(), role: speakerRoleSchema })),
});

export type SpeakerRole = z.infer<typeof speakerRoleSchema>;
export type Span = z.infer<typeof spanSchema>;
export type DraftTurn = z.infer<typeof turnSchema>;
export type DraftQuestion = z.infer<typeof questionTurnSchema>;
export type DraftPair = z.infer<typeof draftPairSchema>;
export type DraftUnassigned = z.infer<typeof unassignedSchema>;
export type DraftDropped = z.infer<typeof droppedSchema>;
export type TranscriptDraft = z.infer<typeof transcriptDraftSchema>;

/** Flags review can sort by; the most doubtful first. */
export const PAIR_FLAGS = [
  "answer_without_question",
  "no_answer",
  "no_question_label",
  "speaker_unknown",
  "moderator_only_answer",
  "multi_answerer",
  "follow_up",
  "short_question",
  "short_answer",
] as const;
export type PairFlag = (typeof PAIR_FLAGS)[number];
