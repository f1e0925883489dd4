import { findQaPair } from "./qa";
import { escapeHtml, plainHtmlPage } from "./http";
import { pairTitle, qaPath, qaSlug } from "./paths";
import { decodeSlug } from "./redirects";

export type QaRouting =
  | { kind: "render"; lookup: Extract<Awaited<ReturnType<typeof findQaPair>>, { state: "visible" }> }
  | { kind: "redirect"; location: string }
  | { kind: "gone"; publicId: string; question: string; conferenceTitle: string; reason: string }
  | { kind: "missing" };

/**
 * What /qa/{publicId}[/{slug}] answers. The slug is decoration: anything but the current one
 * is a 308 to the canonical URL. A withdrawn pair's only URL is the bare /qa/{publicId}, which
 * answers 410 Gone (App Router pages cannot set that status, so a route handler serves it).
 */
export async function routeQa(publicId: string, slug: string | null): Promise<QaRouting> {
  const lookup = await findQaPair(publicId);
  if (lookup.state === "missing") return { kind: "missing" };
  if (lookup.state === "gone" && lookup.mergedInto) {
    const location = await placeAfterMerges(lookup.mergedInto);
    if (location) return { kind: "redirect", location };
  }
  // An editor turned this pair into statements: its text is in the conference's transcript.
  if (lookup.state === "gone" && lookup.statementPlace) return { kind: "redirect", location: lookup.statementPlace };
  if (lookup.state === "gone") {
    if (slug !== null || publicId !== lookup.publicId) return { kind: "redirect", location: qaPath(lookup.publicId) };
    return { kind: "gone", publicId: lookup.publicId, question: lookup.question, conferenceTitle: lookup.conferenceTitle, reason: lookup.reason };
  }
  const canonical = qaPath(lookup.pair.publicId, lookup.question);
  if (slug === null || decodeSlug(slug) !== qaSlug(lookup.question) || publicId !== lookup.pair.publicId) {
    return { kind: "redirect", location: canonical };
  }
  return { kind: "render", lookup };
}

/**
 * Where a merged pair's text lives now: the visible pair it was merged into, following later
 * merges (a bounded number of hops, so a cycle cannot loop). Null when the survivor was itself
 * withdrawn; the merged pair then answers 410 with its own reason. The page and the API both
 * follow merges through this one function.
 */
export async function survivorOf(publicId: string, hops = 8): Promise<{ publicId: string; question: string } | null> {
  const lookup = await findQaPair(publicId);
  if (lookup.state === "visible") return { publicId: lookup.pair.publicId, question: lookup.question };
  if (lookup.state === "gone" && lookup.mergedInto && hops > 0) return survivorOf(lookup.mergedInto, hops - 1);
  return null;
}

/** Like survivorOf, but a survivor an editor later turned into statements leads to them. */
async function placeAfterMerges(publicId: string, hops = 8): Promise<string | null> {
  const lookup = await findQaPair(publicId);
  if (lookup.state === "visible") return qaPath(lookup.pair.publicId, lookup.question);
  if (lookup.state === "gone" && lookup.mergedInto && hops > 0) return placeAfterMerges(lookup.mergedInto, hops - 1);
  return lookup.state === "gone" ? (lookup.statementPlace ?? null) : null;
}

export function goneHtml(gone: { publicId: string; question: string; conferenceTitle: string; reason: string }): string {
  const title = pairTitle(gone.question || `Q&A ${gone.publicId}`);
  return plainHtmlPage({
    title,
    heading: "This answer is no longer published",
    body: `<p>The question-and-answer pair <strong>${escapeHtml(gone.publicId)}</strong> was withdrawn from the archive.</p>
<blockquote><p>${escapeHtml(title)}</p><footer>From: ${escapeHtml(gone.conferenceTitle)}</footer></blockquote>
<p><strong>Reason:</strong> ${escapeHtml(gone.reason)}</p>`,
  });
}

export function missingHtml(publicId: string): string {
  return plainHtmlPage({
    title: "Not found",
    heading: "No such answer",
    body: `<p>There is no question-and-answer pair with the id <strong>${escapeHtml(publicId)}</strong>. Check the link for typos: ids have 8 letters and digits.</p>`,
  });
}
