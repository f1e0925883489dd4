import { z } from "zod";

// One line of a corpus JSONL file (format: ../shared/corpus/README.md). Validation is strict
// about shape and lenient about content: the texts are kept exactly as the source has them.

const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "date must be YYYY-MM-DD")
  .refine((value) => {
    const date = new Date(`${value}T00:00:00Z`);
    return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(value);
  }, "date is not a real calendar day");

const label = (max: number) => z.string().trim().min(1).max(max);

export const corpusRecordSchema = z.object({
  id: z.string().trim().min(1, "id is empty").max(1000, "id is longer than 1000 characters"),
  date: isoDate.nullable(),
  conference: label(500).nullable(),
  organizer: label(300).nullable(),
  answerers: z.array(label(200)).max(50, "more than 50 answerers"),
  questioner: label(300).nullable(),
  question: z.string().trim().min(1, "question is empty").max(200_000),
  // Empty answers exist in the source (CMFA flag `empty_answer`) and are kept, not dropped.
  answer: z.string().trim().max(500_000),
  lang: z.string().regex(/^[a-z]{2,3}(-[A-Za-z0-9]+)?$/, "lang must be a language code such as en or zh"),
  seq: z.number().int().min(1, "seq must be 1 or more").max(100_000),
  topic: label(300).nullable(),
  url: z.string().trim().min(1).max(2000).nullable(),
  flags: z.array(z.string().regex(/^[A-Za-z0-9_.:-]{1,60}$/, "flags must be short tokens such as short_answer")).max(30),
  source: label(1000),
});

export type CorpusRecord = z.infer<typeof corpusRecordSchema>;

/** File families named by the id prefix; the prefix is also stored as QaPair.sourceCorpus. */
export const CORPUS_FAMILIES = ["wh", "mfa-en", "mfa-zh", "uspnc", "cmfa-v4"] as const;

/** The id prefix that names the record's file family, or the text before the first "-" for unknown corpora. */
export function corpusFamily(id: string): string {
  const known = CORPUS_FAMILIES.find((family) => id.startsWith(`${family}-`));
  if (known) return known;
  const dash = id.indexOf("-");
  return dash > 0 ? id.slice(0, dash) : "corpus";
}

export type LineResult = { ok: true; record: CorpusRecord } | { ok: false; reason: string };

/** Parses and validates one JSONL line; a failure carries a one-line reason naming the field. */
export function parseCorpusLine(line: string): LineResult {
  let json: unknown;
  try {
    json = JSON.parse(line);
  } catch (error) {
    return { ok: false, reason: `not valid JSON (${(error as Error).message})` };
  }
  const parsed = corpusRecordSchema.safeParse(json);
  if (!parsed.success) {
    const reason = parsed.error.issues
      .slice(0, 3)
      .map((issue) => `${issue.path.join(".") || "record"}: ${issue.message}`)
      .join("; ");
    return { ok: false, reason };
  }
  return { ok: true, record: parsed.data };
}
