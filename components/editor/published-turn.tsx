import type { ReactNode } from "react";
import type { EditableQuestion, EditableTurn } from "@/lib/drafts/model";
import { ROLE_OPTIONS, type TurnKind } from "./import-turn";
import styles from "./import-review.module.css";

export type TranscriptFormAction = (form: FormData) => Promise<void>;
export interface TranscriptFormContext {
  slug: string;
  version: number;
  action: TranscriptFormAction;
}

/** A plain form bound to the conference version the page was rendered from; works without JavaScript. */
export function TranscriptForm({ context, children, extra, label }: { context: TranscriptFormContext; children: ReactNode; extra: Record<string, string>; label: string }) {
  return (
    <form action={context.action} className={styles.controlGrid} aria-label={label}>
      <input type="hidden" name="slug" value={context.slug} />
      <input type="hidden" name="version" value={context.version} />
      {Object.entries(extra).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      {children}
    </form>
  );
}

function NoteField({ id, label = "Public correction note (optional)" }: { id: string; label?: string }) {
  return (
    <div className={styles.field}>
      <label htmlFor={`note-${id}`}>{label}</label>
      <input id={`note-${id}`} name="correctionNote" maxLength={1000} placeholder="shown on the public page" />
    </div>
  );
}

const ROLE_TEXT = Object.fromEntries(ROLE_OPTIONS);

/**
 * One turn of a published conference and everything an editor can do to it: one Save for
 * speaker, role, outlet and text, and buttons for the structural fixes of the import review
 * plus Delete. Every button submits the same form; the button's value names the operation.
 */
export function PublishedTurn({
  context,
  turn,
  kind,
  pairNumber,
  isLastAnswer,
}: {
  context: TranscriptFormContext;
  turn: EditableTurn | EditableQuestion;
  kind: TurnKind;
  pairNumber?: number;
  isLastAnswer?: boolean;
}) {
  const id = turn.id;
  const who = turn.speaker ?? (kind === "question" ? "Unidentified journalist" : "Unidentified speaker");
  const outlet = "outlet" in turn ? turn.outlet : null;
  const kindLabel = kind === "question" ? "Question" : kind === "answer" ? "Answer" : "Statement";
  return (
    <article id={`turn-${id}`} className={styles.turn} aria-label={`${kindLabel} by ${who}`}>
      <div className={styles.turnHead}>
        <strong>{kindLabel}</strong>
        <span>{who}</span>
        {outlet ? <span className="muted">({outlet})</span> : null}
        <span className="muted">{ROLE_TEXT[turn.role]}</span>
      </div>
      <p className={styles.turnText}>{turn.text}</p>
      <details className={styles.controls}>
        <summary>Edit this {kindLabel.toLowerCase()}</summary>
        <TranscriptForm context={context} extra={{ turnId: id }} label={`Edit ${kindLabel.toLowerCase()} by ${who}`}>
          <div className={styles.fields}>
            <div className={styles.field}>
              <label htmlFor={`speaker-${id}`}>Speaker</label>
              <input id={`speaker-${id}`} name="speaker" defaultValue={turn.speaker ?? ""} list="transcript-speakers" maxLength={200} />
            </div>
            <div className={styles.field}>
              <label htmlFor={`role-${id}`}>Role</label>
              <select id={`role-${id}`} name="role" defaultValue={turn.role}>
                {ROLE_OPTIONS.filter(([value]) => kind !== "question" || value === "journalist" || value === "unknown").map(([value, label]) => (
                  <option key={value} value={value}>
                    {label}
                  </option>
                ))}
              </select>
            </div>
            {kind === "question" ? (
              <div className={styles.field}>
                <label htmlFor={`outlet-${id}`}>Outlet</label>
                <input id={`outlet-${id}`} name="outlet" defaultValue={outlet ?? ""} list="transcript-outlets" maxLength={200} />
              </div>
            ) : null}
          </div>
          {turn.speaker ? (
            <label>
              <input type="checkbox" name="renameEverywhere" /> Rename “{turn.speaker}” on every turn of this conference
            </label>
          ) : null}
          <label htmlFor={`text-${id}`} className="visually-hidden">
            Text of this turn
          </label>
          <textarea id={`text-${id}`} name="text" defaultValue={turn.text} rows={Math.min(12, 2 + Math.ceil(turn.text.length / 90))} />
          <NoteField id={id} />
          <div className={styles.inline}>
            <button type="submit" name="op" value="saveTurn">
              Save {kindLabel.toLowerCase()}
            </button>
            {kind !== "question" && !isLastAnswer ? (
              <button type="submit" className="secondary" name="op" value="deleteTurn">
                Delete this turn
              </button>
            ) : null}
          </div>
          <div className={styles.inline}>
            <label htmlFor={`split-${id}`}>Split before the words</label>
            <input id={`split-${id}`} name="splitBefore" maxLength={500} placeholder="first words of the new turn" />
            <button type="submit" className="secondary" name="op" value="splitTurn">
              Split
            </button>
          </div>
          <div className={styles.inline}>
            <button type="submit" className="secondary" name="op" value="mergeWithNext">
              Merge with next turn
            </button>
            {kind === "answer" ? (
              <>
                <button type="submit" className="secondary" name="op" value="moveTurnPrevious">
                  {pairNumber === 1 ? "Move to opening statements" : "Move to previous pair"}
                </button>
                <button type="submit" className="secondary" name="op" value="moveTurnNext">
                  Move to next pair
                </button>
                <button type="submit" className="secondary" name="op" value="startPairAt">
                  Make this a new question
                </button>
              </>
            ) : null}
            {kind === "statement" ? <StartPairButton /> : null}
          </div>
        </TranscriptForm>
      </details>
      <details className={styles.controls}>
        <summary>Add a turn after this one</summary>
        <TranscriptForm context={context} extra={{ turnId: id }} label={`Add a turn after this ${kindLabel.toLowerCase()}`}>
          <div className={styles.fields}>
            <div className={styles.field}>
              <label htmlFor={`add-speaker-${id}`}>Speaker of the new turn</label>
              <input id={`add-speaker-${id}`} name="speaker" list="transcript-speakers" maxLength={200} />
            </div>
            <div className={styles.field}>
              <label htmlFor={`add-role-${id}`}>Speaking as</label>
              <select id={`add-role-${id}`} name="role" defaultValue={kind === "statement" ? turn.role : "official"}>
                {ROLE_OPTIONS.map(([value, label]) => (
                  <option key={value} value={value}>
                    {label}
                  </option>
                ))}
              </select>
            </div>
          </div>
          <label htmlFor={`add-text-${id}`}>Text of the new turn</label>
          <textarea id={`add-text-${id}`} name="text" required rows={3} />
          <NoteField id={`add-${id}`} label="Public correction note for the addition (optional)" />
          <p>
            <button type="submit" className="secondary" name="op" value="addTurnAfter">
              Add turn
            </button>{" "}
            <span className="muted">{kind === "statement" ? "It becomes a statement." : "It becomes an answer turn of this pair."}</span>
          </p>
        </TranscriptForm>
      </details>
    </article>
  );
}

/** A statement that really is a question: it starts a pair, the statements after it (up to the next pair) become its answers. */
function StartPairButton() {
  return (
    <button type="submit" className="secondary" name="op" value="startPairAt">
      Make this a question (starts a pair)
    </button>
  );
}
