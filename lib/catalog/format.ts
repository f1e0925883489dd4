/** Dates are calendar days (no time zone); format them in UTC so a server's zone never shifts them. */
export function formatDate(date: Date | null | undefined, style: "long" | "iso" = "long"): string {
  if (!date) return "";
  if (style === "iso") return date.toISOString().slice(0, 10);
  return new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" }).format(date);
}

const HAN = /[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]/;

/**
 * The lang attribute for a name or title printed inside an English page: "zh" when it is
 * written in Chinese characters (耿爽, 新华社记者), so screen readers and fonts switch; none
 * otherwise. Conference text carries its conference's language instead.
 */
export function nameLang(text: string | null | undefined): "zh" | undefined {
  return text && HAN.test(text) ? "zh" : undefined;
}

/** The lang attribute for content in a conference's language (none for English, the page's own). */
export function contentLang(language: string | null | undefined): string | undefined {
  return !language || language === "en" ? undefined : language;
}

/**
 * When the archive got a conference's text, labelled honestly: "retrieved" only for a real
 * retrieval date (entered by an editor or read from a file header); otherwise the day it was
 * imported here. Corpus imports do not know when their pages were fetched, so they say "imported".
 */
export function provenanceDate(conference: { retrievedAt: Date | null; createdAt: Date }): { label: "retrieved" | "imported"; date: Date } {
  return conference.retrievedAt ? { label: "retrieved", date: conference.retrievedAt } : { label: "imported", date: conference.createdAt };
}
