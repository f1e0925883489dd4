/**
 * A reporter's interjection inside an answer ("Right.", "Sorry—") is kept in the pair as an
 * answer-position turn with the JOURNALIST role, so the transcript reads as spoken. It must not
 * make the reporter one of the pair's answerers: names, citations, facets and counts use this.
 */
export function isAnswererTurn(turn: { kind: string; role?: string | null }): boolean {
  return turn.kind === "ANSWER" && turn.role !== "JOURNALIST";
}
