import type { DisplayedPair } from "@/lib/search/displayed-pairs";
import { queryTerms, snippet } from "@/lib/search/snippet";
import { HIGHLIGHT_POST, HIGHLIGHT_PRE, escapeHtml, highlightToHtml } from "@/lib/search/syntax";
import type { AlertChangeKind } from "./outbox";
import { describeSearch, paramsOfSaved } from "./saved-search";

// What an alert says, for email (plain text and HTML) and webhooks (JSON). Pure: the caller
// loads the pairs and the links.

export interface AlertPair {
  pair: DisplayedPair;
  version: number;
  change: AlertChangeKind;
  correctionNote: string | null;
}

export interface AlertLinks {
  base: string;
  manageUrl: string;
  searchUrl: string;
}

const CROP_WORDS = 35;

function snippets(search: string, pair: DisplayedPair) {
  const terms = queryTerms(paramsOfSaved(search)?.q ?? "");
  const answer = pair.answers.map((a) => (a.speaker ? `${a.speaker}: ${a.text}` : a.text)).join("\n\n");
  return { question: snippet(pair.question, terms, CROP_WORDS), answer: snippet(answer, terms, CROP_WORDS) };
}

const plain = (marked: string) => marked.replaceAll(HIGHLIGHT_PRE, "").replaceAll(HIGHLIGHT_POST, "");

export function alertSubject(search: string, pairs: AlertPair[]): string {
  const corrections = pairs.filter((p) => p.change === "CORRECTION").length;
  const fresh = pairs.length - corrections;
  const counts = [
    fresh ? `${fresh} new ${fresh === 1 ? "answer" : "answers"}` : "",
    corrections ? `${corrections} ${corrections === 1 ? "correction" : "corrections"}` : "",
  ].filter(Boolean);
  return `Pressroom: ${counts.join(" and ")} for ${describeSearch(search)}`.slice(0, 200);
}

export function alertText(search: string, pairs: AlertPair[], links: AlertLinks): string {
  const lines = [`New in Pressroom for your followed search: ${describeSearch(search)}`, `${links.searchUrl}`, ""];
  for (const item of pairs) {
    const { pair } = item;
    const s = snippets(search, pair);
    lines.push(`${item.change === "CORRECTION" ? "CORRECTED: " : ""}${pair.conference.title}${pair.conference.date ? ` (${pair.conference.date})` : ""}`);
    if (item.change === "CORRECTION" && item.correctionNote) lines.push(`Correction note: ${item.correctionNote}`);
    lines.push(`Q${pair.questioner ? ` (${pair.questioner}${pair.outlet ? `, ${pair.outlet}` : ""})` : ""}: ${plain(s.question)}`);
    lines.push(`A: ${plain(s.answer)}`);
    lines.push(`${links.base}${pair.url}`, "");
  }
  lines.push("--", "You receive this because you followed this search and confirmed your address.", `Change or stop these alerts: ${links.manageUrl}`);
  return lines.join("\n");
}

export function alertHtml(search: string, pairs: AlertPair[], links: AlertLinks): string {
  const items = pairs.map((item) => {
    const { pair } = item;
    const s = snippets(search, pair);
    const label = item.change === "CORRECTION" ? `<strong style="color:#a33">Corrected</strong> · ` : "";
    const note = item.change === "CORRECTION" && item.correctionNote ? `<p><em>Correction note: ${escapeHtml(item.correctionNote)}</em></p>` : "";
    const who = pair.questioner ? ` <span style="color:#555">(${escapeHtml(pair.questioner)}${pair.outlet ? `, ${escapeHtml(pair.outlet)}` : ""})</span>` : "";
    return `<li style="margin-bottom:1.2em">
<p>${label}<a href="${escapeHtml(links.base + pair.url)}">${escapeHtml(pair.conference.title)}</a>${pair.conference.date ? ` · ${escapeHtml(pair.conference.date)}` : ""}</p>${note}
<p><strong>Q</strong>${who}: ${highlightToHtml(s.question)}</p>
<p><strong>A</strong>: ${highlightToHtml(s.answer)}</p>
</li>`;
  });
  return `<!doctype html><html><body style="font-family:sans-serif;line-height:1.4">
<p>New in Pressroom for your followed search: <a href="${escapeHtml(links.searchUrl)}">${escapeHtml(describeSearch(search))}</a></p>
<ul style="padding-left:1em">${items.join("\n")}</ul>
<hr><p style="color:#555;font-size:0.9em">You receive this because you followed this search and confirmed your address.
<a href="${escapeHtml(links.manageUrl)}">Change or stop these alerts</a>.</p>
</body></html>`;
}

/** The webhook body of the contract: {"type": "alert", "search", "pairs": [{id, url, question, answers, conference, …}]}. */
export function alertPayload(search: string, pairs: AlertPair[], links: AlertLinks) {
  return {
    type: "alert" as const,
    search,
    searchUrl: links.searchUrl,
    pairs: pairs.map(({ pair, version, change, correctionNote }) => ({
      id: pair.id,
      url: `${links.base}${pair.url}`,
      question: pair.question,
      answers: pair.answers,
      questioner: pair.questioner,
      outlet: pair.outlet,
      conference: pair.conference,
      language: pair.language,
      version,
      change: change === "CORRECTION" ? ("correction" as const) : ("new" as const),
      ...(change === "CORRECTION" ? { correctionNote } : {}),
    })),
  };
}
