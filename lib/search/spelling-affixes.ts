import { foldWord } from "./spelling-vocabulary";

// A word the archive never uses may still be a real word: one it does use with a common English
// prefix or ending added ("reinvented" from "invented", "phoned" from "phone"). Correcting such a
// word to its nearest neighbour replaces it with another word (reinvented → invented), so it is
// searched as typed. Pure.

const PREFIXES = ["re", "un", "non", "pre", "dis", "mis", "over", "under", "co", "anti", "counter"];
/**
 * Endings, each with how the stem may have been changed before it ("" as is, "e" a dropped e).
 * Not -er, -ly or -ment: misspellings end so too often (senater, truely, arguement).
 */
const SUFFIXES: [ending: string, restore: string[]][] = [
  ["ed", ["", "e"]],
  ["ing", ["", "e"]],
  ["es", [""]],
  ["s", [""]],
];
/** Shorter stems are too easily hit by chance ("un" + "till"). */
const MIN_STEM = 5;

/** The (folded) words `word` would be built from by one prefix or one ending: candidates, not checked. */
export function affixStems(word: string): string[] {
  const folded = foldWord(word);
  const stems = new Set<string>();
  for (const prefix of PREFIXES) if (folded.startsWith(prefix)) stems.add(folded.slice(prefix.length));
  for (const [ending, restores] of SUFFIXES) {
    if (!folded.endsWith(ending)) continue;
    const stem = folded.slice(0, -ending.length);
    // "states" + "s" is a doubled letter, not a plural.
    if (ending === "s" && /s$/.test(stem)) continue;
    for (const restore of restores) stems.add(stem + restore);
  }
  return [...stems].filter((stem) => stem.length >= MIN_STEM);
}
