import { slugify } from "@/lib/archive/ids";

// Every public URL is built here, so a page, a feed, the sitemap and a citation never disagree
// about where a thing lives.

/** Decorative slug from the first words of a question: readable in a shared link, never relied upon. */
export function qaSlug(question: string): string {
  const words = question.trim().split(/\s+/).slice(0, 10).join(" ");
  // Chinese has no spaces: keep the slug short by characters too.
  return slugify(words, 60);
}

export function qaPath(publicId: string, question?: string | null): string {
  return question ? `/qa/${publicId}/${qaSlug(question)}` : `/qa/${publicId}`;
}

export const conferencePath = (slug: string) => `/conferences/${encodeURIComponent(slug)}`;
export const pairAnchor = (publicId: string) => `qa-${publicId}`;
/** A statement (opening or closing remarks) has no page of its own: its permalink is its place in the transcript. */
export const statementAnchor = (turnId: number) => `statement-${turnId}`;
export const statementPath = (conferenceSlug: string, turnId: number) => `${conferencePath(conferenceSlug)}#${statementAnchor(turnId)}`;
export const inContextPath = (conferenceSlug: string, publicId: string) => `${conferencePath(conferenceSlug)}#${pairAnchor(publicId)}`;
export const personPath = (slug: string) => `/people/${encodeURIComponent(slug)}`;
export const outletPath = (slug: string) => `/outlets/${encodeURIComponent(slug)}`;
export const topicPath = (slug: string) => `/topics/${encodeURIComponent(slug)}`;

/** A short, single-line title for a pair: its question, cut at a word boundary. */
export function pairTitle(question: string, max = 110): string {
  const flat = question.replace(/\s+/g, " ").trim();
  if (flat.length <= max) return flat;
  const cut = flat.slice(0, max);
  const space = cut.lastIndexOf(" ");
  return `${(space > max * 0.6 ? cut.slice(0, space) : cut).trimEnd()}…`;
}

const ROLE_LABELS: Record<string, string> = {
  MODERATOR: "Moderator",
  OFFICIAL: "Official",
  JOURNALIST: "Journalist",
  INTERPRETER: "Interpreter",
  OTHER: "Other",
};
export const roleLabel = (role: string | null | undefined) => (role ? (ROLE_LABELS[role] ?? role) : "");

/** True when the text is mostly CJK, so pages can mark it lang="zh" for screen readers and fonts. */
export function looksChinese(text: string): boolean {
  const sample = text.slice(0, 200);
  const cjk = sample.match(/[\u3400-\u9fff]/g)?.length ?? 0;
  return cjk > 0 && cjk * 2 >= sample.replace(/\s/g, "").length * 0.5;
}
