import { z } from "zod";
import { correctionNoteSchema } from "./edit-pair";
import { draftRoleSchema, type EditableDraft } from "@/lib/drafts/model";
import { describeEdit } from "@/lib/drafts/form";
import { allTurns, applyDraftEdit, DraftEditError, splitOffsetBefore } from "@/lib/drafts/operations";

// The turn operations an editor can apply to a published conference. They are the import
// review's operations (lib/drafts/operations.ts) applied to the conference loaded as an
// editable draft, plus three that only make sense here: deleting a turn (its text stays in the
// revision), adding a turn the source missed (an import review keeps to the source's text, so it
// has no such operation) and one Save for all of a turn's fields.

const turnId = z.string().regex(/^t\d+$/, "Unknown turn");
const pairId = z.string().regex(/^p\d+$/, "Unknown pair");
const optionalName = (what: string) =>
  z
    .string()
    .trim()
    .max(200, `${what} is longer than 200 characters`)
    .nullable()
    .optional()
    .transform((v) => v || null);

export const transcriptOpSchema = z.discriminatedUnion("op", [
  z.object({
    op: z.literal("saveTurn"),
    turnId,
    speaker: optionalName("Speaker"),
    role: draftRoleSchema,
    /** Only read for a question turn. */
    outlet: optionalName("Outlet"),
    text: z.string().trim().min(1, "Text must not be empty; delete the turn instead").max(200_000),
    /** Rename the turn's old speaker on every turn of this conference, not just this one. */
    renameEverywhere: z.preprocess((v) => v === true || v === "on" || v === "true", z.boolean()).default(false),
  }),
  z.object({ op: z.literal("deleteTurn"), turnId }),
  z.object({
    op: z.literal("addTurnAfter"),
    turnId,
    speaker: optionalName("Speaker"),
    role: draftRoleSchema,
    text: z.string().trim().min(1, "Type the text of the new turn").max(200_000),
  }),
  z.object({ op: z.literal("splitTurn"), turnId, splitBefore: z.string().trim().min(1, "Type the first words of the part that should become a new turn").max(500) }),
  z.object({ op: z.literal("mergeWithNext"), turnId }),
  z.object({ op: z.literal("moveTurn"), turnId, direction: z.enum(["previous", "next"]) }),
  z.object({ op: z.literal("startPairAt"), turnId }),
  z.object({ op: z.literal("mergePairIntoPrevious"), pairId }),
  /** "This question is really a statement": the pair's turns become statements where it stood. */
  z.object({ op: z.literal("pairToStatements"), pairId }),
]);
export type TranscriptOp = z.infer<typeof transcriptOpSchema>;
export type TranscriptOpInput = z.input<typeof transcriptOpSchema>;

export const transcriptEditSchema = z.object({
  slug: z.string().min(1).max(200),
  version: z.coerce.number().int().min(1),
  correctionNote: correctionNoteSchema,
  edit: transcriptOpSchema,
});
export type TranscriptEditInput = z.input<typeof transcriptEditSchema>;

function findTurn(draft: EditableDraft, id: string) {
  const turn = allTurns(draft).find((t) => t.id === id);
  if (!turn) throw new DraftEditError("That turn is no longer in this conference; reload to see the current version.");
  return turn;
}

function deleteTurn(draft: EditableDraft, id: string): EditableDraft {
  const next = structuredClone(draft);
  const statement = next.statements.findIndex((t) => t.id === id);
  if (statement >= 0) {
    next.statements.splice(statement, 1);
    return next;
  }
  for (const [index, pair] of next.pairs.entries()) {
    if (pair.question.id === id) {
      throw new DraftEditError(
        `This is the question of pair ${index + 1}: a pair needs its question. Merge the pair into the previous one, or unpublish the pair on its edit page.`,
      );
    }
    const answer = pair.answers.findIndex((t) => t.id === id);
    if (answer < 0) continue;
    if (pair.answers.length === 1) {
      throw new DraftEditError(
        `This is the last answer of pair ${index + 1}: a published pair needs an answer. Merge the pair into the previous one, or unpublish the pair on its edit page.`,
      );
    }
    pair.answers.splice(answer, 1);
    return next;
  }
  throw new DraftEditError("That turn is no longer in this conference; reload to see the current version.");
}

/**
 * A new turn right after `id`: after a statement it is a statement, after a question or an
 * answer it is an answer turn of that pair (a reporter's interjection is one too).
 */
function addTurnAfter(draft: EditableDraft, op: Extract<TranscriptOp, { op: "addTurnAfter" }>): EditableDraft {
  const next = structuredClone(draft);
  const turn = { id: `t${next.nextId++}`, speaker: op.speaker, role: op.role, text: op.text, start: null, end: null };
  if (op.speaker && !next.speakers.some((s) => s.label === op.speaker)) next.speakers.push({ label: op.speaker, role: op.role });
  const statement = next.statements.findIndex((t) => t.id === op.turnId);
  if (statement >= 0) {
    next.statements.splice(statement + 1, 0, turn);
    return next;
  }
  for (const pair of next.pairs) {
    const answer = pair.answers.findIndex((t) => t.id === op.turnId);
    if (pair.question.id !== op.turnId && answer < 0) continue;
    pair.answers.splice(answer + 1, 0, turn);
    pair.flags = pair.flags.filter((f) => f !== "no_answer");
    return next;
  }
  throw new DraftEditError("That turn is no longer in this conference; reload to see the current version.");
}

/** Applies one operation to the conference's editable draft and returns the new draft (the input is not changed). */
export function applyTranscriptOp(draft: EditableDraft, op: TranscriptOp): EditableDraft {
  switch (op.op) {
    case "deleteTurn":
      return deleteTurn(draft, op.turnId);
    case "addTurnAfter":
      return addTurnAfter(draft, op);
    case "splitTurn": {
      const offset = splitOffsetBefore(findTurn(draft, op.turnId).text, op.splitBefore);
      return applyDraftEdit(draft, { op: "splitTurn", turnId: op.turnId, offset });
    }
    case "startPairAt":
      // The import review places a statement's new pair by source offsets, which a published
      // turn does not have; lib/archive/transcript-layout.ts places it among the pairs instead.
      if (draft.statements.some((t) => t.id === op.turnId)) throw new DraftEditError("A statement becomes a question through applyPublishedOp, which knows its place.");
      return applyDraftEdit(draft, { op: op.op, turnId: op.turnId });
    case "pairToStatements":
      throw new DraftEditError("A pair becomes statements through applyPublishedOp, which knows where they stand.");
    case "mergeWithNext":
      return applyDraftEdit(draft, { op: op.op, turnId: op.turnId });
    case "moveTurn":
      return applyDraftEdit(draft, { op: "moveTurn", turnId: op.turnId, direction: op.direction });
    case "mergePairIntoPrevious":
      return applyDraftEdit(draft, { op: "mergePairIntoPrevious", pairId: op.pairId });
    case "saveTurn":
      // The same composite Save the import review uses (lib/drafts/operations.ts).
      return applyDraftEdit(draft, op);
  }
}

/** "Deleted turn t12" style line for the audit log; the import review's wording for the operations it shares. */
export function describeTranscriptOp(op: TranscriptOp): string {
  switch (op.op) {
    case "saveTurn":
      return `Saved turn ${op.turnId}${op.renameEverywhere ? " and renamed its speaker everywhere in the conference" : ""}`;
    case "deleteTurn":
      return `Deleted turn ${op.turnId}`;
    case "addTurnAfter":
      return `Added a turn after ${op.turnId}`;
    case "splitTurn":
      return `Split turn ${op.turnId} before "${op.splitBefore.slice(0, 60)}"`;
    case "pairToStatements":
      return `Turned pair ${op.pairId} into statements`;
    default:
      return describeEdit(op);
  }
}

/** The plain HTML form's fields as an edit: one form per turn, the button pressed names the operation. */
export function transcriptEditFromForm(form: FormData): TranscriptEditInput {
  const field = (name: string) => {
    const value = form.get(name);
    return typeof value === "string" ? value : undefined;
  };
  const button = field("op") ?? "";
  const moves: Record<string, "previous" | "next"> = { moveTurnPrevious: "previous", moveTurnNext: "next" };
  const edit = moves[button]
    ? { op: "moveTurn", turnId: field("turnId"), direction: moves[button] }
    : {
        op: button,
        turnId: field("turnId"),
        pairId: field("pairId"),
        speaker: field("speaker"),
        role: field("role"),
        outlet: field("outlet"),
        text: field("text"),
        renameEverywhere: field("renameEverywhere"),
        splitBefore: field("splitBefore"),
      };
  return { slug: field("slug") ?? "", version: field("version") ?? "", correctionNote: field("correctionNote"), edit: edit as TranscriptOpInput };
}
