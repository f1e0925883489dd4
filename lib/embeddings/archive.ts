import { db } from "@/lib/db/client";
import { distillEmbeddings, type DistillOptions } from "./distill";
import { writeModelFile } from "./model-file";
import { loadSentenceEncoder, packagedEncoderPath } from "./sentence-encoder";
import { staticTablePath } from "./static-table";
import { trainEmbeddings, type TrainingOptions } from "./train";

// Training from the archive in Postgres (the source of truth): every publicly visible pair's
// question and answer turns, in order, as one text.

export async function archivePairTexts(): Promise<string[]> {
  const rows = await db().$queryRaw<{ text: string }[]>`
    SELECT string_agg(t.text, E'\n\n' ORDER BY t.position) AS text
    FROM "Turn" t
    JOIN "QaPair" p ON p.id = t."qaPairId"
    JOIN "Conference" c ON c.id = p."conferenceId"
    WHERE t.kind IN ('QUESTION', 'ANSWER') AND p.status = 'PUBLISHED' AND c.status = 'PUBLISHED'
    GROUP BY p.id
    ORDER BY p.id`;
  return rows.map((row) => row.text);
}

export async function trainFromArchive(file?: string, options: Partial<TrainingOptions> = {}): Promise<{ file: string; pairs: number; words: number; dims: number }> {
  const texts = await archivePairTexts();
  if (texts.length === 0) throw new Error("The archive holds no published pairs to learn from: import transcripts first.");
  const model = trainEmbeddings(texts, options);
  const written = await writeModelFile(model, texts.length, file);
  return { file: written, pairs: texts.length, words: model.words.length, dims: model.dims };
}

/** Distils the packaged sentence encoder over the archive's words (distill.ts) into the static table file. */
export async function distillFromArchive(
  file = staticTablePath(),
  options: Partial<DistillOptions> = {},
  progress?: (done: number, total: number) => void,
): Promise<{ file: string; pairs: number; words: number; dims: number; encoder: string }> {
  const texts = await archivePairTexts();
  if (texts.length === 0) throw new Error("The archive holds no published pairs to distil words from: import transcripts first.");
  const encoder = await loadSentenceEncoder(packagedEncoderPath());
  const model = await distillEmbeddings(texts, (batch) => encoder.embed(batch), options, progress);
  const written = await writeModelFile(model, texts.length, file, encoder.id);
  return { file: written, pairs: texts.length, words: model.words.length, dims: model.dims, encoder: encoder.description };
}
