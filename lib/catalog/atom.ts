// Atom 1.0 (RFC 4287) serialisation. Text comes from transcripts and may hold anything, so
// every value is escaped and characters XML 1.0 forbids are dropped.

export interface AtomEntry {
  id: string;
  title: string;
  url: string;
  updated: Date;
  published?: Date | null;
  summary?: string | null;
  authors?: string[];
  lang?: string | null;
}

export interface AtomFeed {
  id: string;
  title: string;
  subtitle?: string;
  selfUrl: string;
  alternateUrl: string;
  updated: Date;
  entries: AtomEntry[];
}

// XML 1.0 allows tab, newline, carriage return and U+0020 upward, minus surrogates and FFFE/FFFF.
const INVALID_XML = /[^\u0009\u000A\u000D\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

export function escapeXml(text: string): string {
  return text.replace(INVALID_XML, "").replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&apos;" })[c]!);
}

const el = (name: string, value: string, attrs = "") => `<${name}${attrs}>${escapeXml(value)}</${name}>`;

export function renderAtom(feed: AtomFeed): string {
  const entries = feed.entries.map((entry) => {
    const lang = entry.lang ? ` xml:lang="${escapeXml(entry.lang)}"` : "";
    return [
      `  <entry${lang}>`,
      `    ${el("id", entry.id)}`,
      `    ${el("title", entry.title)}`,
      `    <link rel="alternate" type="text/html" href="${escapeXml(entry.url)}"/>`,
      `    ${el("updated", entry.updated.toISOString())}`,
      entry.published ? `    ${el("published", entry.published.toISOString())}` : null,
      ...(entry.authors?.length ? entry.authors : ["Pressroom"]).map((name) => `    <author>${el("name", name)}</author>`),
      entry.summary ? `    ${el("summary", entry.summary)}` : null,
      "  </entry>",
    ]
      .filter(Boolean)
      .join("\n");
  });
  return [
    '<?xml version="1.0" encoding="utf-8"?>',
    '<feed xmlns="http://www.w3.org/2005/Atom">',
    `  ${el("id", feed.id)}`,
    `  ${el("title", feed.title)}`,
    feed.subtitle ? `  ${el("subtitle", feed.subtitle)}` : null,
    `  <link rel="self" type="application/atom+xml" href="${escapeXml(feed.selfUrl)}"/>`,
    `  <link rel="alternate" type="text/html" href="${escapeXml(feed.alternateUrl)}"/>`,
    `  ${el("updated", feed.updated.toISOString())}`,
    "  <generator>Pressroom</generator>",
    ...entries,
    "</feed>",
    "",
  ]
    .filter((line) => line !== null)
    .join("\n");
}

export const ATOM_CONTENT_TYPE = "application/atom+xml; charset=utf-8";
