import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { z } from "zod";
import { rebuildSchema, rebuildTranscript } from "./rebuild";

// The gold set: transcripts segmented by hand (conventions in docs/transcripts.md).
// Only positions are stored here; the text is read in place from ../shared, or rebuilt
// from the corpus records of one conference (bench/parser/rebuild.ts).

export const repoRoot = path.resolve(import.meta.dirname, "../..");
export const sharedDir = path.resolve(repoRoot, "../shared");
export const goldDir = path.join(import.meta.dirname, "gold");

const goldFileSchema = z
  .object({
    /** Path of the raw transcript, relative to ../shared (or `rebuild`). */
    file: z.string().optional(),
    /** Or: the conference whose corpus records are printed back into a raw transcript. */
    rebuild: rebuildSchema.optional(),
    /** Tune files may be looked at while changing the parser; held-out files only ever get scored. */
    split: z.enum(["tune", "heldout"]),
    /** One entry per question-and-answer pair, in document order. */
    pairs: z.array(
      z.object({
        /** Offset of the first character (label included) of the exchange's first reporter turn. */
        start: z.number().int().nonnegative(),
        /** Speaker label of the first real answer, as printed. */
        answerSpeaker: z.string(),
      }),
    ),
    /** Offsets where procedural turns (pleasantries, logistics outside pairs) start. */
    procedural: z.array(z.number().int().nonnegative()).default([]),
  })
  .refine((g) => !!g.file !== !!g.rebuild, { message: "a gold file names either a transcript file or a conference to rebuild" });
export type GoldFile = z.infer<typeof goldFileSchema>;

export interface GoldTranscript extends GoldFile {
  id: string;
  text: string;
}

export function loadGold(): GoldTranscript[] {
  return readdirSync(goldDir)
    .filter((f) => f.endsWith(".json"))
    .sort()
    .map((f) => {
      const gold = goldFileSchema.parse(JSON.parse(readFileSync(path.join(goldDir, f), "utf8")));
      const text = gold.file ? readFileSync(path.join(sharedDir, gold.file), "utf8") : rebuildTranscript(sharedDir, gold.rebuild!).text;
      for (const p of gold.pairs) if (p.start >= text.length) throw new Error(`${f}: offset ${p.start} is past the end of its transcript`);
      return { ...gold, id: f.replace(/\.json$/, ""), text };
    });
}
