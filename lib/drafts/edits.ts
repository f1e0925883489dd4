import { z } from "zod";
import { isHttpUrl } from "@/lib/urls/http-url";
import { draftRoleSchema } from "./model";

// Every edit an editor can make to a draft, validated at the boundary (form posts arrive as
// strings, so blank inputs become null and numbers are coerced).

const turnId = z.string().regex(/^t\d+$/, "Unknown turn");
const pairId = z.string().regex(/^p\d+$/, "Unknown pair");
const blankToNull = (max: number, what: string) =>
  z
    .string()
    .trim()
    .max(max, `${what} is longer than ${max} characters`)
    .nullable()
    .optional()
    .transform((v) => (v ? v : null));
const name = (what: string) => z.string().trim().min(1, `${what} must not be empty`).max(200, `${what} is longer than 200 characters`);

export const draftMetadataEditSchema = z.object({
  title: z.string().trim().max(500, "Title is longer than 500 characters"),
  heldOn: z
    .string()
    .trim()
    .refine((v) => v === "" || (/^\d{4}-\d{2}-\d{2}$/.test(v) && !Number.isNaN(Date.parse(`${v}T00:00:00Z`))), "Date must be YYYY-MM-DD")
    .transform((v) => v || null),
  organizer: blankToNull(300, "Organizer"),
  location: blankToNull(300, "Location"),
  language: z
    .string()
    .trim()
    .regex(/^[a-z]{2,3}(-[A-Za-z0-9]+)*$/, "Language must be a code such as en or zh"),
  sourceUrl: z
    .string()
    .trim()
    .refine((v) => v === "" || isHttpUrl(v), "Source URL must be a full http:// or https:// address")
    .transform((v) => v || null),
  sourceName: blankToNull(300, "Source name"),
  translationOfSlug: blankToNull(200, "Translation-of slug"),
});

export const draftEditSchema = z.discriminatedUnion("op", [
  z.object({ op: z.literal("setSpeaker"), turnId, speaker: blankToNull(200, "Speaker") }),
  z.object({ op: z.literal("setRole"), turnId, role: draftRoleSchema }),
  z.object({ op: z.literal("setOutlet"), turnId, outlet: blankToNull(200, "Outlet") }),
  z.object({ op: z.literal("editText"), turnId, text: z.string().trim().min(1, "Text must not be empty; merge the turn instead").max(200_000) }),
  z.object({ op: z.literal("splitTurn"), turnId, offset: z.coerce.number().int().positive() }),
  z.object({ op: z.literal("mergeWithNext"), turnId }),
  z.object({ op: z.literal("moveTurn"), turnId, direction: z.enum(["previous", "next"]) }),
  z.object({ op: z.literal("startPairAt"), turnId }),
  z.object({ op: z.literal("mergePairIntoPrevious"), pairId }),
  z.object({ op: z.literal("markReviewed"), pairId }),
  z.object({ op: z.literal("addSpeaker"), label: name("Speaker name"), role: draftRoleSchema }),
  z.object({ op: z.literal("mergeSpeakers"), from: name("Speaker to merge"), into: name("Speaker to keep") }),
  z.object({ op: z.literal("addOutlet"), name: name("Outlet name") }),
  z.object({ op: z.literal("mergeOutlets"), from: name("Outlet to merge"), into: name("Outlet to keep") }),
  z.object({ op: z.literal("setMetadata"), metadata: draftMetadataEditSchema }),
  /** Takes a piece of unassigned text into the draft: as an opening statement or as an answer of a pair. */
  z.object({ op: z.literal("placeUnassigned"), index: z.coerce.number().int().nonnegative(), target: z.union([z.literal("statements"), pairId]) }),
]);

export type DraftEdit = z.infer<typeof draftEditSchema>;
export type DraftEditInput = z.input<typeof draftEditSchema>;
