import { z } from "zod";
import type { DraftEditInput } from "./edits";
import type { EditableDraft } from "./model";
import { allTurns, DraftEditError, splitOffsetBefore } from "./operations";

// Plain HTML forms post strings; this turns one review-page form into a draft edit. It is
// separate from the server action so that the mapping is tested without Next.

export const draftFormTargetSchema = z.object({
  draftId: z.coerce.number().int().positive("Unknown draft"),
  version: z.coerce.number().int().positive("The form is missing the draft version; reload the page"),
});

const field = (form: FormData, name: string) => {
  const value = form.get(name);
  return typeof value === "string" ? value : undefined;
};

/** The edit a review form describes; split positions are found in the turn's current text. */
export function draftEditFromForm(form: FormData, draft: EditableDraft): DraftEditInput {
  const op = field(form, "op");
  const turnId = field(form, "turnId") ?? "";
  switch (op) {
    case "splitTurn": {
      const turn = allTurns(draft).find((t) => t.id === turnId);
      if (!turn) throw new DraftEditError("That turn is no longer in the draft; reload to see the current version.");
      return { op, turnId, offset: splitOffsetBefore(turn.text, field(form, "splitBefore") ?? "") };
    }
    case "setMetadata":
      return {
        op,
        metadata: {
          title: field(form, "title") ?? "",
          heldOn: field(form, "heldOn") ?? "",
          organizer: field(form, "organizer"),
          location: field(form, "location"),
          language: field(form, "language") ?? "",
          sourceUrl: field(form, "sourceUrl") ?? "",
          sourceName: field(form, "sourceName"),
          translationOfSlug: field(form, "translationOfSlug"),
        },
      };
    case "setSpeaker":
      return { op, turnId, speaker: field(form, "speaker") ?? null };
    case "setRole":
      return { op, turnId, role: (field(form, "role") ?? "") as never };
    case "setOutlet":
      return { op, turnId, outlet: field(form, "outlet") ?? null };
    case "editText":
      return { op, turnId, text: field(form, "text") ?? "" };
    case "mergeWithNext":
    case "startPairAt":
      return { op, turnId };
    case "moveTurn":
      return { op, turnId, direction: (field(form, "direction") ?? "") as never };
    case "moveTurnPrevious":
      return { op: "moveTurn", turnId, direction: "previous" };
    case "moveTurnNext":
      return { op: "moveTurn", turnId, direction: "next" };
    case "mergePairIntoPrevious":
    case "markReviewed":
      return { op, pairId: field(form, "pairId") ?? "" };
    case "addSpeaker":
      return { op, label: field(form, "label") ?? "", role: (field(form, "role") ?? "unknown") as never };
    case "mergeSpeakers":
    case "mergeOutlets":
      return { op, from: field(form, "from") ?? "", into: field(form, "into") ?? "" };
    case "addOutlet":
      return { op, name: field(form, "name") ?? "" };
    case "placeUnassigned":
      return { op, index: Number(field(form, "index") ?? NaN), target: field(form, "target") ?? "" };
    default:
      throw new DraftEditError("Unknown change; reload the page and try again.");
  }
}

/** In words, for the conflict message, so an editor whose save was refused can redo it. */
export function describeEdit(edit: DraftEditInput): string {
  switch (edit.op) {
    case "setSpeaker":
      return `Set the speaker of turn ${edit.turnId} to "${edit.speaker ?? ""}"`;
    case "setRole":
      return `Set the role of turn ${edit.turnId} to ${edit.role}`;
    case "setOutlet":
      return `Set the outlet of turn ${edit.turnId} to "${edit.outlet ?? ""}"`;
    case "editText":
      return `Replace the text of turn ${edit.turnId} with:\n${edit.text}`;
    case "splitTurn":
      return `Split turn ${edit.turnId} at character ${edit.offset}`;
    case "mergeWithNext":
      return `Merge turn ${edit.turnId} with the next turn`;
    case "moveTurn":
      return `Move turn ${edit.turnId} into the ${edit.direction} pair`;
    case "startPairAt":
      return `Make turn ${edit.turnId} the question of a new pair`;
    case "mergePairIntoPrevious":
      return `Merge pair ${edit.pairId} into the previous pair`;
    case "markReviewed":
      return `Mark pair ${edit.pairId} reviewed`;
    case "addSpeaker":
      return `Add the speaker "${edit.label}"`;
    case "mergeSpeakers":
      return `Merge the speaker "${edit.from}" into "${edit.into}"`;
    case "addOutlet":
      return `Add the outlet "${edit.name}"`;
    case "mergeOutlets":
      return `Merge the outlet "${edit.from}" into "${edit.into}"`;
    case "placeUnassigned":
      return `Place unassigned text ${Number(edit.index) + 1} into ${edit.target === "statements" ? "the opening statements" : `pair ${edit.target}`}`;
    case "setMetadata": {
      const m = edit.metadata;
      return `Set the conference details: ${Object.entries(m)
        .map(([k, v]) => `${k}: ${v ?? ""}`)
        .join("; ")}`;
    }
  }
}
