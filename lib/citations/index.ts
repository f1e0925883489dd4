// Citation strings for one Q&A pair. Pure functions of their input so that golden tests pin
// the exact output. Names are kept as printed: inverting "Hu Yuting" or "Geng Shuang" into
// "Surname, I." would guess at name order, and a wrong guess is worse than none.

export interface CitationSource {
  publicId: string;
  /** The question, already shortened to a title (see pairTitle). */
  title: string;
  answerers: string[];
  conferenceTitle: string;
  organizer: string | null;
  location: string | null;
  heldOn: Date | null;
  url: string;
  accessed: Date;
  siteName?: string;
  /** Where the transcript was first published (the ministry's or White House page), when known. */
  original?: { name: string | null; url: string } | null;
}

export type CitationStyle = "apa" | "chicago" | "mla" | "bibtex";
export const CITATION_STYLES: { style: CitationStyle; label: string }[] = [
  { style: "apa", label: "APA" },
  { style: "chicago", label: "Chicago" },
  { style: "mla", label: "MLA" },
  { style: "bibtex", label: "BibTeX" },
];

const MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];
const MLA_MONTHS = ["Jan.", "Feb.", "Mar.", "Apr.", "May", "June", "July", "Aug.", "Sept.", "Oct.", "Nov.", "Dec."];

const mdy = (d: Date) => `${MONTHS[d.getUTCMonth()]} ${d.getUTCDate()}, ${d.getUTCFullYear()}`;
const dmyMla = (d: Date) => `${d.getUTCDate()} ${MLA_MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()}`;
const isoDay = (d: Date) => d.toISOString().slice(0, 10);

/** "Originally published by X at URL": a reader must be able to reach the source, not only our copy. */
function originalNote(source: CitationSource): string | null {
  if (!source.original) return null;
  return source.original.name ? `Originally published by ${source.original.name}, ${source.original.url}` : `Originally published at ${source.original.url}`;
}

function authorsOf(source: CitationSource): string[] {
  if (source.answerers.length) return source.answerers;
  return [source.organizer ?? "Unknown speaker"];
}

/** Ends a sentence with exactly one period, even when the title already ends in "?" or ".". */
function sentence(text: string): string {
  return /[.?!…]$/.test(text) ? text : `${text}.`;
}

export function apa(source: CitationSource): string {
  const names = authorsOf(source);
  const authors = names.length === 1 ? names[0] : names.length === 2 ? `${names[0]} & ${names[1]}` : `${names.slice(0, -1).join(", ")}, & ${names.at(-1)}`;
  const date = source.heldOn ? `${source.heldOn.getUTCFullYear()}, ${MONTHS[source.heldOn.getUTCMonth()]} ${source.heldOn.getUTCDate()}` : "n.d.";
  const parts = [
    `${sentence(authors)} (${date}).`,
    `${source.title} [Answer at a press conference].`,
    sentence(`In ${source.conferenceTitle}`),
    source.organizer ? sentence(source.organizer) : null,
    sentence(source.siteName ?? "Pressroom"),
    source.url,
    source.original ? `(${originalNote(source)})` : null,
  ];
  return parts.filter(Boolean).join(" ");
}

export function chicago(source: CitationSource): string {
  const names = authorsOf(source);
  const authors = names.length <= 2 ? names.join(" and ") : `${names.slice(0, -1).join(", ")}, and ${names.at(-1)}`;
  const context = [`Answer at ${source.conferenceTitle}`, source.organizer, source.location, source.heldOn ? mdy(source.heldOn) : null].filter(Boolean).join(", ");
  return [
    sentence(authors),
    `“${sentence(source.title)}”`,
    `${context}.`,
    sentence(source.siteName ?? "Pressroom"),
    `Accessed ${mdy(source.accessed)}.`,
    `${source.url}.`,
    source.original ? `${originalNote(source)}.` : null,
  ]
    .filter(Boolean)
    .join(" ");
}

export function mla(source: CitationSource): string {
  const names = authorsOf(source);
  const authors = names.length === 1 ? names[0] : names.length === 2 ? `${names[0]} and ${names[1]}` : `${names[0]}, et al`;
  const container = [source.conferenceTitle, source.organizer, source.heldOn ? dmyMla(source.heldOn) : null].filter(Boolean).join(", ");
  const original = source.original ? `${originalNote(source)}.` : null;
  return [sentence(authors), `“${sentence(source.title)}”`, `${container}.`, `${source.siteName ?? "Pressroom"}, ${source.url}.`, `Accessed ${dmyMla(source.accessed)}.`, original]
    .filter(Boolean)
    .join(" ");
}

/** Escapes the characters BibTeX treats specially, so any title survives LaTeX. */
export function escapeBibtex(text: string): string {
  return text.replace(/[\\{}&%$#_~^]/g, (c) => {
    switch (c) {
      case "\\":
        return "\\textbackslash{}";
      case "~":
        return "\\textasciitilde{}";
      case "^":
        return "\\textasciicircum{}";
      default:
        return `\\${c}`;
    }
  });
}

export function bibtex(source: CitationSource): string {
  const fields: [string, string][] = [
    // Double braces keep BibTeX from splitting multi-word or Chinese names into first/last.
    [
      "author",
      authorsOf(source)
        .map((n) => `{${escapeBibtex(n)}}`)
        .join(" and "),
    ],
    ["title", escapeBibtex(source.title)],
    ["howpublished", escapeBibtex([`Answer at ${source.conferenceTitle}`, source.organizer, source.location].filter(Boolean).join(", "))],
  ];
  if (source.heldOn) {
    fields.push(["year", String(source.heldOn.getUTCFullYear())], ["month", MONTHS[source.heldOn.getUTCMonth()].slice(0, 3).toLowerCase()], ["date", isoDay(source.heldOn)]);
  }
  const note = `${escapeBibtex(source.siteName ?? "Pressroom")} Q\\&A ${source.publicId}`;
  const original = originalNote(source);
  fields.push(["url", source.url], ["urldate", isoDay(source.accessed)], ["note", original ? `${note}. ${escapeBibtex(original)}` : note]);
  const body = fields.map(([k, v]) => (k === "month" ? `  ${k} = ${v}` : `  ${k} = {${v}}`)).join(",\n");
  return `@misc{pressroom_${source.publicId},\n${body}\n}`;
}

export function cite(style: CitationStyle, source: CitationSource): string {
  switch (style) {
    case "apa":
      return apa(source);
    case "chicago":
      return chicago(source);
    case "mla":
      return mla(source);
    case "bibtex":
      return bibtex(source);
  }
}
