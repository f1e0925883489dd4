import { z } from "zod";
import { httpUrlSchema } from "@/lib/urls/http-url";

// The one shape every writer (sample loader, editor publish, transcript import) hands to
// publishConference. It is validated here, at the boundary, and nowhere else.

export const participantRoleSchema = z.enum(["MODERATOR", "OFFICIAL", "JOURNALIST", "INTERPRETER", "OTHER"]);
export type ParticipantRoleInput = z.infer<typeof participantRoleSchema>;

const text = (what: string, max = 200_000) => z.string().trim().min(1, `${what} must not be empty`).max(max, `${what} is longer than ${max} characters`);
const optionalText = (max = 500) =>
  z
    .string()
    .trim()
    .max(max)
    .optional()
    .nullable()
    .transform((v) => (v ? v : null));

export const turnInputSchema = z.object({
  speaker: optionalText(200),
  role: participantRoleSchema.optional().nullable(),
  text: text("Turn text"),
  /**
   * Statements only: the index of the pair this statement is spoken before (pairs.length for
   * closing remarks). Omitted means before the first pair, as opening statements are.
   */
  beforePair: z.number().int().nonnegative().optional(),
});

export const pairInputSchema = z.object({
  question: z.object({
    speaker: optionalText(200),
    outlet: optionalText(200),
    text: text("Question text"),
  }),
  // A question nobody answered (cross-talk, "no comment" by silence) is still part of the record.
  answers: z.array(turnInputSchema).max(50),
  topics: z.array(z.string().trim().min(1).max(120)).max(20).default([]),
  flags: z.array(z.string().max(60)).max(30).default([]),
  sourceCorpus: optionalText(60),
  sourceId: optionalText(200),
  /** Kept when re-importing a source, so links to unchanged pairs keep working. */
  publicId: z
    .string()
    .regex(/^[0-9a-z]{8}$/)
    .optional(),
});

export const conferenceMetadataSchema = z.object({
  title: text("Title", 500),
  slug: z
    .string()
    .regex(/^[a-z0-9\u3400-\u9fff-]{1,120}$/, "Slug may hold lowercase letters, digits, Chinese characters and -")
    .optional(),
  heldOn: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, "Date must be YYYY-MM-DD")
    .nullable()
    .optional(),
  organizer: optionalText(300),
  location: optionalText(300),
  language: z
    .string()
    .regex(/^[a-z]{2,3}(-[A-Za-z0-9]+)*$/, "Language must be a code such as en or zh")
    .default("en"),
  sourceUrl: httpUrlSchema.nullable().optional(),
  sourceName: optionalText(300),
  retrievedAt: z.string().datetime({ offset: true }).nullable().optional(),
  sourceText: z.string().max(5_000_000).nullable().optional(),
  sourceKey: optionalText(500),
  translationOfSlug: optionalText(200),
});

export const conferenceInputSchema = z.object({
  metadata: conferenceMetadataSchema,
  statements: z.array(turnInputSchema).default([]),
  pairs: z.array(pairInputSchema).max(5000),
});

export type ConferenceInput = z.input<typeof conferenceInputSchema>;
export type ConferenceInputParsed = z.output<typeof conferenceInputSchema>;
export type PairInput = z.output<typeof pairInputSchema>;
export type TurnInput = z.output<typeof turnInputSchema>;
