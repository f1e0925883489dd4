import { REVIEW_FLAGS, type DraftRole, type EditableDraft, type EditablePair, type EditableTurn } from "./model";
import { draftEditSchema, type DraftEdit, type DraftEditInput } from "./edits";

/** An edit that cannot apply to this draft; the message is shown to the editor as is. */
export class DraftEditError extends Error {}

type Place =
  | { kind: "statement"; index: number; turn: EditableTurn }
  | { kind: "question"; pairIndex: number; turn: EditablePair["question"] }
  | { kind: "answer"; pairIndex: number; index: number; turn: EditableTurn };

function locate(draft: EditableDraft, turnId: string): Place {
  const s = draft.statements.findIndex((t) => t.id === turnId);
  if (s >= 0) return { kind: "statement", index: s, turn: draft.statements[s] };
  for (let p = 0; p < draft.pairs.length; p++) {
    const pair = draft.pairs[p];
    if (pair.question.id === turnId) return { kind: "question", pairIndex: p, turn: pair.question };
    const a = pair.answers.findIndex((t) => t.id === turnId);
    if (a >= 0) return { kind: "answer", pairIndex: p, index: a, turn: pair.answers[a] };
  }
  throw new DraftEditError("That turn is no longer in the draft; reload to see the current version.");
}

function pairIndexOf(draft: EditableDraft, pairId: string): number {
  const index = draft.pairs.findIndex((p) => p.id === pairId);
  if (index < 0) throw new DraftEditError("That pair is no longer in the draft; reload to see the current version.");
  return index;
}

function noteSpeaker(draft: EditableDraft, label: string | null, role: DraftRole): void {
  if (label && !draft.speakers.some((s) => s.label === label)) draft.speakers.push({ label, role });
}

function joinText(a: string, b: string): string {
  return `${a.trimEnd()}\n\n${b.trimStart()}`;
}

function joinSpan(first: EditableTurn, second: EditableTurn): Pick<EditableTurn, "start" | "end"> {
  if (first.start === null || second.end === null) return { start: first.start, end: first.end };
  return { start: first.start, end: Math.max(first.end ?? second.end, second.end) };
}

/** A pair with no answer can't be published; keep that visible as a flag. */
function refreshFlags(pair: EditablePair): void {
  const has = pair.flags.includes("no_answer");
  if (pair.answers.length === 0 && !has) pair.flags.push("no_answer");
  if (pair.answers.length > 0 && has) pair.flags = pair.flags.filter((f) => f !== "no_answer");
}

/**
 * The composite Save of one turn, as the single-field edits it stands for, each applied only
 * when its field changed (so an unchanged field is never rewritten). Shared by the import
 * review and the published-transcript editor (lib/archive/transcript-edits.ts).
 */
function saveTurn(draft: EditableDraft, edit: Extract<DraftEdit, { op: "saveTurn" }>): EditableDraft {
  const before = locate(draft, edit.turnId);
  let next = draft;
  if (edit.renameEverywhere && before.turn.speaker && edit.speaker && before.turn.speaker !== edit.speaker) {
    next = applyDraftEdit(next, { op: "mergeSpeakers", from: before.turn.speaker, into: edit.speaker });
  }
  if (locate(next, edit.turnId).turn.speaker !== edit.speaker) next = applyDraftEdit(next, { op: "setSpeaker", turnId: edit.turnId, speaker: edit.speaker });
  // setSpeaker may take the role a known speaker has; the role the editor chose wins.
  if (locate(next, edit.turnId).turn.role !== edit.role) next = applyDraftEdit(next, { op: "setRole", turnId: edit.turnId, role: edit.role });
  const place = locate(next, edit.turnId);
  if (place.kind === "question" && place.turn.outlet !== edit.outlet) next = applyDraftEdit(next, { op: "setOutlet", turnId: edit.turnId, outlet: edit.outlet });
  if (locate(next, edit.turnId).turn.text !== edit.text) next = applyDraftEdit(next, { op: "editText", turnId: edit.turnId, text: edit.text });
  return next === draft ? structuredClone(draft) : next;
}

/**
 * Applies one validated edit and returns a new draft; the input is never mutated, so a failed
 * edit leaves the caller's draft as it was.
 */
export function applyDraftEdit(current: EditableDraft, rawEdit: DraftEditInput): EditableDraft {
  const parsed = draftEditSchema.safeParse(rawEdit);
  if (!parsed.success) throw new DraftEditError(parsed.error.issues.map((i) => i.message).join("; "));
  const edit = parsed.data;
  if (edit.op === "saveTurn") return saveTurn(current, edit);
  const draft: EditableDraft = structuredClone(current);
  const newId = (prefix: "t" | "p") => `${prefix}${draft.nextId++}`;

  switch (edit.op) {
    case "setSpeaker": {
      const place = locate(draft, edit.turnId);
      place.turn.speaker = edit.speaker;
      const known = draft.speakers.find((s) => s.label === edit.speaker);
      if (known && place.kind !== "question") place.turn.role = known.role;
      noteSpeaker(draft, edit.speaker, place.turn.role);
      break;
    }
    case "setRole": {
      const place = locate(draft, edit.turnId);
      if (place.kind === "question" && edit.role !== "journalist" && edit.role !== "unknown") {
        throw new DraftEditError("A question is asked by a journalist; to make this an answer, merge the pair into the previous one.");
      }
      place.turn.role = edit.role;
      break;
    }
    case "setOutlet": {
      const place = locate(draft, edit.turnId);
      if (place.kind !== "question") throw new DraftEditError("Only a question has an outlet.");
      place.turn.outlet = edit.outlet;
      if (edit.outlet && !draft.outlets.includes(edit.outlet)) draft.outlets.push(edit.outlet);
      break;
    }
    case "editText": {
      locate(draft, edit.turnId).turn.text = edit.text;
      break;
    }
    case "splitTurn": {
      const place = locate(draft, edit.turnId);
      const { turn } = place;
      const before = turn.text.slice(0, edit.offset).trim();
      const after = turn.text.slice(edit.offset).trim();
      if (edit.offset >= turn.text.length || !before || !after) {
        throw new DraftEditError("Split the turn inside its text, so that both parts keep some words.");
      }
      const cut = turn.start === null ? null : Math.min(turn.start + edit.offset, turn.end ?? Infinity);
      const second: EditableTurn = { id: newId("t"), speaker: turn.speaker, role: turn.role, text: after, start: cut, end: turn.end };
      turn.text = before;
      turn.end = cut;
      if (place.kind === "statement") draft.statements.splice(place.index + 1, 0, second);
      else if (place.kind === "answer") draft.pairs[place.pairIndex].answers.splice(place.index + 1, 0, second);
      else {
        // The rest of a question is someone else's reply until the editor says who.
        draft.pairs[place.pairIndex].answers.unshift({ ...second, speaker: null, role: "unknown" });
        refreshFlags(draft.pairs[place.pairIndex]);
      }
      break;
    }
    case "mergeWithNext": {
      const place = locate(draft, edit.turnId);
      let list: EditableTurn[];
      let nextIndex: number;
      if (place.kind === "statement") {
        list = draft.statements;
        nextIndex = place.index + 1;
        if (nextIndex >= list.length) throw new DraftEditError("This is the last opening statement; there is no next statement to merge with.");
      } else if (place.kind === "question") {
        list = draft.pairs[place.pairIndex].answers;
        nextIndex = 0;
        if (list.length === 0) throw new DraftEditError("This question has no answer turn to merge with.");
      } else {
        list = draft.pairs[place.pairIndex].answers;
        nextIndex = place.index + 1;
        if (nextIndex >= list.length) throw new DraftEditError("This is the last answer of the pair; move a turn into the pair first.");
      }
      const next = list[nextIndex];
      Object.assign(place.turn, joinSpan(place.turn, next), { text: joinText(place.turn.text, next.text) });
      list.splice(nextIndex, 1);
      if (place.kind !== "statement") refreshFlags(draft.pairs[place.pairIndex]);
      break;
    }
    case "moveTurn": {
      const place = locate(draft, edit.turnId);
      if (place.kind !== "answer") {
        throw new DraftEditError(
          place.kind === "question"
            ? "A question starts its pair; to attach it to the previous pair, merge the pair into the previous one."
            : "Opening statements come before the first question and cannot move into a pair.",
        );
      }
      const pair = draft.pairs[place.pairIndex];
      if (edit.direction === "previous") {
        // Turns keep transcript order, so only the first answer can move back.
        if (place.index !== 0) throw new DraftEditError("Only the first answer of a pair can move into the previous pair.");
        const [turn] = pair.answers.splice(0, 1);
        if (place.pairIndex === 0) draft.statements.push(turn);
        else draft.pairs[place.pairIndex - 1].answers.push(turn);
        if (place.pairIndex > 0) refreshFlags(draft.pairs[place.pairIndex - 1]);
      } else {
        if (place.index !== pair.answers.length - 1) throw new DraftEditError("Only the last answer of a pair can move into the next pair.");
        if (place.pairIndex === draft.pairs.length - 1) throw new DraftEditError("This is the last pair; there is no next pair.");
        const [turn] = pair.answers.splice(place.index, 1);
        draft.pairs[place.pairIndex + 1].answers.unshift(turn);
        refreshFlags(draft.pairs[place.pairIndex + 1]);
      }
      refreshFlags(pair);
      break;
    }
    case "startPairAt": {
      const place = locate(draft, edit.turnId);
      if (place.kind === "statement") {
        startPairAtStatement(draft, place.index, newId("p"));
        break;
      }
      if (place.kind !== "answer") throw new DraftEditError("This turn already is the question of its pair.");
      const pair = draft.pairs[place.pairIndex];
      const [question, ...answers] = pair.answers.splice(place.index);
      const created: EditablePair = {
        id: newId("p"),
        question: { ...question, role: "journalist", outlet: null },
        answers,
        flags: [],
      };
      refreshFlags(created);
      refreshFlags(pair);
      draft.pairs.splice(place.pairIndex + 1, 0, created);
      break;
    }
    case "mergePairIntoPrevious": {
      const index = pairIndexOf(draft, edit.pairId);
      if (index === 0) throw new DraftEditError("The first pair has no previous pair to merge into.");
      const [pair] = draft.pairs.splice(index, 1);
      const { outlet: _outlet, ...questionTurn } = pair.question;
      const previous = draft.pairs[index - 1];
      previous.answers.push({ ...questionTurn, role: questionTurn.role === "journalist" ? "unknown" : questionTurn.role }, ...pair.answers);
      refreshFlags(previous);
      break;
    }
    case "markReviewed": {
      const pair = draft.pairs[pairIndexOf(draft, edit.pairId)];
      pair.flags = pair.flags.filter((f) => !REVIEW_FLAGS.has(f) || f === "no_answer");
      refreshFlags(pair);
      break;
    }
    case "addSpeaker": {
      if (draft.speakers.some((s) => s.label === edit.label)) throw new DraftEditError(`"${edit.label}" is already a speaker of this draft.`);
      draft.speakers.push({ label: edit.label, role: edit.role });
      break;
    }
    case "mergeSpeakers": {
      if (edit.from === edit.into) throw new DraftEditError("Choose two different speakers to merge.");
      const from = draft.speakers.find((s) => s.label === edit.from);
      if (!from) throw new DraftEditError(`"${edit.from}" is not a speaker of this draft.`);
      noteSpeaker(draft, edit.into, from.role);
      draft.speakers = draft.speakers.filter((s) => s.label !== edit.from);
      for (const turn of allTurns(draft)) if (turn.speaker === edit.from) turn.speaker = edit.into;
      break;
    }
    case "addOutlet": {
      if (draft.outlets.includes(edit.name)) throw new DraftEditError(`"${edit.name}" is already an outlet of this draft.`);
      draft.outlets.push(edit.name);
      break;
    }
    case "mergeOutlets": {
      if (edit.from === edit.into) throw new DraftEditError("Choose two different outlets to merge.");
      if (!draft.outlets.includes(edit.from)) throw new DraftEditError(`"${edit.from}" is not an outlet of this draft.`);
      draft.outlets = draft.outlets.filter((o) => o !== edit.from);
      if (!draft.outlets.includes(edit.into)) draft.outlets.push(edit.into);
      for (const pair of draft.pairs) if (pair.question.outlet === edit.from) pair.question.outlet = edit.into;
      break;
    }
    case "setMetadata": {
      draft.metadata = { ...draft.metadata, ...edit.metadata };
      break;
    }
    case "placeUnassigned": {
      const piece = draft.unassigned[edit.index];
      if (!piece) throw new DraftEditError("That unassigned text is no longer in the draft; reload to see the current version.");
      if (!piece.text.trim()) throw new DraftEditError("That unassigned text is only whitespace.");
      const turn: EditableTurn = { id: newId("t"), speaker: null, role: "unknown", text: piece.text.trim(), start: piece.start, end: piece.end };
      if (edit.target === "statements") draft.statements.push(turn);
      else {
        const pair = draft.pairs[pairIndexOf(draft, edit.target)];
        pair.answers.push(turn);
        refreshFlags(pair);
      }
      draft.unassigned.splice(edit.index, 1);
      break;
    }
  }
  return draft;
}

/**
 * A statement becomes the question of a new pair, placed among the pairs by its position in
 * the source; the statements after it, up to the next pair in the source, become the pair's
 * answers. This is how an unlabelled transcript (all statements) gets its pairs: the editor
 * makes its first question a pair, then "Make this a new question" on each later question.
 */
function startPairAtStatement(draft: EditableDraft, index: number, pairId: string): void {
  const question = draft.statements[index];
  const at = question.start;
  const pairIndex = at === null ? draft.pairs.length : draft.pairs.filter((p) => p.question.start !== null && p.question.start < at).length;
  const nextPairStart = draft.pairs[pairIndex]?.question.start ?? Infinity;
  let count = 0;
  for (const t of draft.statements.slice(index + 1)) {
    if (t.start === null || at === null || t.start < at || t.start >= (nextPairStart ?? Infinity)) break;
    count++;
  }
  const [, ...answers] = draft.statements.splice(index, 1 + count);
  const created: EditablePair = { id: pairId, question: { ...question, role: "journalist", outlet: null }, answers, flags: [] };
  refreshFlags(created);
  draft.pairs.splice(pairIndex, 0, created);
}

/** Every turn in transcript order. */
export function allTurns(draft: EditableDraft): EditableTurn[] {
  return [...draft.statements, ...draft.pairs.flatMap((p) => [p.question, ...p.answers])];
}

/** Where a plain-form split lands: before the first occurrence of the words the editor typed. */
export function splitOffsetBefore(text: string, marker: string): number {
  const needle = marker.trim();
  if (!needle) throw new DraftEditError("Type the first words of the part that should become a new turn.");
  const offset = text.indexOf(needle);
  if (offset <= 0) throw new DraftEditError(`"${needle.slice(0, 60)}" does not occur after the start of this turn.`);
  return offset;
}
