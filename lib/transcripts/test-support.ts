// Test helpers: the real corpus lives outside the repository, next to it.
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { expect } from "vitest";
import { accountFor, parseTranscript, type TranscriptDraft } from "./index";

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
export const sharedDir = path.resolve(repoRoot, "../shared");

export function sharedPath(...parts: string[]): string {
  if (!existsSync(sharedDir)) {
    throw new Error(`test data folder ${sharedDir} is missing: these tests need ../shared (corpus and seeds) next to the repository`);
  }
  const p = path.join(sharedDir, ...parts);
  if (!existsSync(p)) throw new Error(`test data file ${p} is missing`);
  return p;
}

export const readShared = (...parts: string[]) => readFileSync(sharedPath(...parts), "utf8");

/** Whitespace-free prefix, so soft wraps and no-break spaces do not matter when comparing questions. */
export const questionKey = (s: string) => s.replace(/\s+/g, "").slice(0, 60);

/** A White House style transcript from [label, text] rows: blank-line separated paragraphs. */
export const briefing = (...rows: Array<[string, string]>) => rows.map(([label, text]) => `${label}  ${text}`).join("\n\n") + "\n";

/** The first words of each pair's question, to compare where pairs start. */
export const pairStarts = (d: TranscriptDraft) => d.pairs.map((p) => p.question.text.slice(0, 24));

/** Parses and checks that every character is accounted for, as every synthetic convention test does. */
export function parsedWhole(text: string): TranscriptDraft {
  const d = parseTranscript(text);
  expect(accountFor(text, d)).toEqual([]);
  return d;
}
