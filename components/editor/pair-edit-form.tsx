"use client";

import type { PairSnapshot } from "@/lib/archive/edit-pair";
import type { PairFormState } from "./form-state";
import { ConflictNotice } from "./conflict-notice";
import { useEditForm } from "./use-edit-form";
import { FormMessage } from "./form-message";

type Props = {
  publicId: string;
  version: number;
  initial: PairSnapshot;
  action: (previous: PairFormState, form: FormData) => Promise<PairFormState>;
};

/** "Question", "Answer 1", "Answer 2"…; a follow-up question gets its own number. */
function turnLabels(turns: PairSnapshot["turns"]): string[] {
  let questions = 0;
  let answers = 0;
  const multipleQuestions = turns.filter((t) => t.kind === "QUESTION").length > 1;
  return turns.map((t) => (t.kind === "QUESTION" ? `Question${multipleQuestions ? ` ${++questions}` : ""}` : `Answer ${++answers}`));
}

export function PairEditForm({ publicId, version, initial, action }: Props) {
  const { state, formAction, pending, values, formVersion, key } = useEditForm(action, initial, version);
  const labels = turnLabels(values.turns);

  return (
    <form key={key} action={formAction} className="editor-form" aria-label="Edit this question and its answers">
      <FormMessage ok={state.status === "saved" ? state.message : null} error={state.status === "error" ? state.message : null} />
      {state.status === "conflict" ? (
        <ConflictNotice
          message={state.message}
          lastEdit={state.lastEdit}
          rows={[
            { label: "Outlet", theirs: state.current.outlet ?? "", yours: state.values.outlet ?? "" },
            { label: "Topics", theirs: state.current.topics.join(", "), yours: state.values.topics.join(", ") },
            ...state.current.turns.map((turn, i) => ({
              label: turnLabels(state.current.turns)[i],
              theirs: `${turn.speaker ?? "(no speaker)"}: ${turn.text}`,
              yours: state.values.turns[i] ? `${state.values.turns[i].speaker ?? "(no speaker)"}: ${state.values.turns[i].text}` : "",
            })),
            { label: "Correction note", theirs: state.current.correctionNote ?? "", yours: state.values.correctionNote ?? "" },
          ]}
        />
      ) : null}
      <input type="hidden" name="publicId" value={publicId} />
      <input type="hidden" name="version" value={formVersion} />
      {values.turns.map((turn, i) => (
        <fieldset key={turn.turnId}>
          <legend>{labels[i]}</legend>
          <input type="hidden" name="turnId" value={turn.turnId} />
          <input type="hidden" name="turnKind" value={turn.kind} />
          <p>
            <label htmlFor={`speaker-${turn.turnId}`}>Speaker</label>
            <input id={`speaker-${turn.turnId}`} type="text" name="speaker" defaultValue={turn.speaker ?? ""} maxLength={200} />
          </p>
          <p>
            <label htmlFor={`text-${turn.turnId}`}>Text</label>
            <textarea id={`text-${turn.turnId}`} name="text" defaultValue={turn.text} required rows={Math.min(14, 3 + Math.ceil(turn.text.length / 90))} />
          </p>
        </fieldset>
      ))}
      <p>
        <label htmlFor="pair-outlet">Outlet of the questioner</label>
        <input id="pair-outlet" type="text" name="outlet" defaultValue={values.outlet ?? ""} maxLength={200} />
      </p>
      <p>
        <label htmlFor="pair-topics">Topics (comma-separated)</label>
        <input id="pair-topics" type="text" name="topics" defaultValue={values.topics.join(", ")} />
      </p>
      <p>
        <label htmlFor="pair-note">Public correction note (optional, shown on the public page)</label>
        <textarea id="pair-note" name="correctionNote" defaultValue={values.correctionNote ?? ""} maxLength={1000} rows={2} />
      </p>
      <p>
        <button type="submit" disabled={pending}>
          {pending ? "Saving…" : "Save correction"}
        </button>
      </p>
    </form>
  );
}
