import { liveIndexUid, meili } from "./client";

// Hits found through a synonym ("PRC" for "China") should show the synonym marked too, now
// that snippets are cut here (snippet.ts). The live index's own synonyms are the ones that
// matched; they change only when an editor saves settings, so a minute-old copy is enough.

const REFRESH_MS = 60_000;
let cached: { at: number; uid: string; synonyms: Promise<Record<string, string[]>> } | null = null;

export function synonymsForHighlighting(): Promise<Record<string, string[]>> {
  const uid = liveIndexUid();
  if (!cached || cached.uid !== uid || Date.now() - cached.at > REFRESH_MS) {
    // A failure only costs the synonym marks: search itself reports Meilisearch being down.
    // Reading settings needs more than the search-only key the query client holds.
    const synonyms = meili()
      .index(uid)
      .getSynonyms()
      .then(
        (value) => value ?? {},
        () => ({}),
      );
    cached = { at: Date.now(), uid, synonyms };
  }
  return cached.synonyms;
}
