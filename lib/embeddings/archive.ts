import { db } from "@/lib/db/client";
import { writeModelFile } from "./model-file";
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
