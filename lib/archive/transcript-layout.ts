import type { EditableDraft, EditablePair, EditableTurn } from "@/lib/drafts/model";
import { DraftEditError } from "@/lib/drafts/operations";
import type { Interludes } from "./transcript-draft";
import { applyTranscriptOp, type TranscriptOp } from "./transcript-edits";

// A published conference as its editor changes it: the import review's editable draft plus the
// statements that stand between pairs (procedural turns, closing remarks), which the draft has
// no place for. Two operations move turns between the two: a statement becomes the question
// of a new pair, and a pair goes back to being statements where it stood.

export type PublishedLayout = { draft: EditableDraft; interludes: Interludes };

const GONE = "That turn is no longer in this conference; reload to see the current version.";

function cloneLayout(layout: PublishedLayout): PublishedLayout {
  return { draft: structuredClone(layout.draft), interludes: new Map([...layout.interludes].map(([key, turns]) => [key, turns.map((t) => ({ ...t }))])) };
}

const inPair = (draft: EditableDraft, turnId: string) => draft.pairs.some((p) => p.question.id === turnId || p.answers.some((a) => a.id === turnId));

/** Applies one operation to a published conference's layout; the input is not changed. */
export function applyPublishedOp(layout: PublishedLayout, op: TranscriptOp): PublishedLayout {
  if (op.op === "pairToStatements") return pairToStatements(layout, op.pairId);
  if (op.op === "startPairAt" && !inPair(layout.draft, op.turnId)) return pairFromStatement(layout, op.turnId);
  if (op.op !== "mergePairIntoPrevious") {
    const owner = [...layout.interludes].find(([, list]) => list.some((t) => t.id === op.turnId));
    if (owner) return onInterlude(layout, owner[0], op);
  }
  return { draft: applyTranscriptOp(layout.draft, op), interludes: layout.interludes };
}

/**
 * A turn between pairs gets the statement tools (save, delete, split, merge with the next
 * statement, add a turn after it): the operation runs on the draft with that run of
 * statements standing in for the opening ones, and the run is put back where it was.
 */
function onInterlude(current: PublishedLayout, owner: string, op: Exclude<TranscriptOp, { op: "pairToStatements" | "mergePairIntoPrevious" }>): PublishedLayout {
  if (op.op === "moveTurn") throw new DraftEditError("A statement between questions cannot move into a pair; make it a question, or delete it and add it where it belongs.");
  const layout = cloneLayout(current);
  const stand = applyTranscriptOp({ ...layout.draft, statements: layout.interludes.get(owner)! }, op);
  const { statements: run, ...rest } = stand;
  layout.interludes.set(owner, run);
  if (!run.length) layout.interludes.delete(owner);
  layout.draft = { ...rest, statements: layout.draft.statements };
  // "Rename everywhere" reached the pairs through the draft; the other statements get it here.
  const from = current.interludes.get(owner)!.find((t) => t.id === op.turnId)?.speaker;
  if (op.op === "saveTurn" && op.renameEverywhere && from && op.speaker && from !== op.speaker) {
    for (const t of [...layout.draft.statements, ...[...layout.interludes.values()].flat()]) if (t.speaker === from) t.speaker = op.speaker;
  }
  return layout;
}

/**
 * The statement becomes the question of a new pair at its own place: an opening statement
 * starts the first pair, a statement after pair N starts the pair after N. The statements
 * after it, up to the next pair, become its answers (as in the import review); the ones
 * before it stay statements.
 */
function pairFromStatement(current: PublishedLayout, turnId: string): PublishedLayout {
  const layout = cloneLayout(current);
  const { draft, interludes } = layout;
  let turns: EditableTurn[];
  let at: number;
  const opening = draft.statements.findIndex((t) => t.id === turnId);
  if (opening >= 0) {
    turns = draft.statements.splice(opening);
    at = 0;
  } else {
    const owner = [...interludes].find(([, list]) => list.some((t) => t.id === turnId));
    if (!owner) throw new DraftEditError(GONE);
    const [key, list] = owner;
    turns = list.splice(list.findIndex((t) => t.id === turnId));
    if (!list.length) interludes.delete(key);
    at = draft.pairs.findIndex((p) => p.id === key) + 1;
  }
  const [question, ...answers] = turns;
  if (!answers.length) {
    throw new DraftEditError(
      "No statement follows this one before the next question, so the new pair would have no answer: a published pair needs one. Add the answer as a turn first.",
    );
  }
  const pair: EditablePair = { id: `p${draft.nextId++}`, question: { ...question, role: "journalist", outlet: null }, answers, flags: [] };
  draft.pairs.splice(at, 0, pair);
  return layout;
}

/**
 * The pair's turns (and the statements that followed it) become statements where the pair
 * stood: opening statements if it was the first pair, otherwise statements after the pair
 * before it. The pair leaves the transcript; the writer keeps its row so its permalink leads
 * to the turn that was its question.
 */
function pairToStatements(current: PublishedLayout, pairId: string): PublishedLayout {
  const layout = cloneLayout(current);
  const { draft, interludes } = layout;
  const index = draft.pairs.findIndex((p) => p.id === pairId);
  if (index < 0) throw new DraftEditError("That pair is no longer in this conference; reload to see the current version.");
  const [pair] = draft.pairs.splice(index, 1);
  const { outlet: _outlet, ...question } = pair.question;
  const turns = [question, ...pair.answers, ...(interludes.get(pair.id) ?? [])];
  interludes.delete(pair.id);
  if (index === 0) draft.statements.push(...turns);
  else {
    const before = draft.pairs[index - 1].id;
    interludes.set(before, [...(interludes.get(before) ?? []), ...turns]);
  }
  return layout;
}
