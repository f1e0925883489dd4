/**
 * Keeps only characters the bundled OG font (Geist, Latin) can draw. For anything else
 * next/og would fetch a fallback font from the internet at render time; the archive must work
 * offline and never call out, so Chinese text is replaced by a Latin fallback instead.
 */
export function ogSafeText(text: string, fallback: string): string {
  const kept = text
    .replace(/[^\u0020-\u024F\u2010-\u2027\u2030-\u205E]/g, "")
    .replace(/\s+/g, " ")
    .trim();
  // Mostly stripped away: a line of punctuation helps nobody.
  return kept.replace(/[^A-Za-z0-9]/g, "").length >= Math.min(12, text.replace(/\s/g, "").length * 0.5) && kept ? kept : fallback;
}
