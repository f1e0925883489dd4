import { z } from "zod";

const first = (v: unknown) => (Array.isArray(v) ? v[0] : v);
const emptyToUndefined = (v: unknown) => {
  const value = first(v);
  return value === "" || value === null ? undefined : value;
};

/** Filters of the conference index page and GET /api/v1/conferences, validated once for both. */
export const conferenceIndexQuerySchema = z.object({
  organizer: z.preprocess(emptyToUndefined, z.string().trim().min(1).max(300).optional()),
  year: z.preprocess(
    emptyToUndefined,
    z.coerce
      .number({ error: "year must be a number such as 2024" })
      .int("year must be a whole number")
      .min(1900, "year must be 1900 or later")
      .max(2100, "year must be 2100 or earlier")
      .optional(),
  ),
  language: z.preprocess(
    emptyToUndefined,
    z
      .string()
      .regex(/^[a-z]{2,3}(-[A-Za-z0-9]+)*$/, "language must be a code such as en or zh")
      .optional(),
  ),
  page: z.preprocess(
    emptyToUndefined,
    z.coerce.number({ error: "page must be a number" }).int("page must be a whole number").min(1, "page starts at 1").max(100_000, "page is too large").default(1),
  ),
  limit: z.preprocess(
    emptyToUndefined,
    z.coerce.number({ error: "limit must be a number" }).int("limit must be a whole number").min(1, "limit must be at least 1").max(100, "limit must be at most 100").default(50),
  ),
});

export type ConferenceIndexQuery = z.infer<typeof conferenceIndexQuerySchema>;

/** "year: year must be 1900 or later; page: ..." — one readable line for a 400 answer. */
export function describeZodError(error: z.ZodError): string {
  return error.issues.map((issue) => `${issue.path.join(".") || "query"}: ${issue.message}`).join("; ");
}
