import type { ReactNode } from "react";
import type { EditableQuestion, EditableTurn } from "@/lib/drafts/model";
import styles from "./import-review.module.css";

export type DraftFormAction = (form: FormData) => Promise<void>;

export interface DraftFormContext {
  draftId: number;
  version: number;
  action: DraftFormAction;
}

const ROLE_LABEL = { moderator: "Moderator", official: "Official", journalist: "Journalist", interpreter: "Interpreter", unknown: "Role unknown" } as const;
export const ROLE_OPTIONS = Object.entries(ROLE_LABEL) as [keyof typeof ROLE_LABEL, string][];

/** One small form bound to the draft version the page was rendered from. */
export function DraftForm({
  context,
  op,
  anchor,
  children,
  className,
  extra,
}: {
  context: DraftFormContext;
  op?: string;
  anchor?: string;
  children: ReactNode;
  className?: string;
  extra?: Record<string, string>;
}) {
  return (
    <form action={context.action} className={className ?? styles.inline}>
      <input type="hidden" name="draftId" value={context.draftId} />
      <input type="hidden" name="version" value={context.version} />
      {op ? <input type="hidden" name="op" value={op} /> : null}
      {anchor ? <input type="hidden" name="anchor" value={anchor} /> : null}
      {Object.entries(extra ?? {}).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      {children}
    </form>
  );
}

export type TurnKind = "statement" | "question" | "answer";

/** A turn of the draft and the fixes that apply to it; every control is a plain form. */
export function ImportTurn({ context, turn, kind, pairNumber }: { context: DraftFormContext; turn: EditableTurn | EditableQuestion; kind: TurnKind; pairNumber?: number }) {
  const anchor = `turn-${turn.id}`;
  const who = turn.speaker ?? (kind === "question" ? "Unlabelled question" : "Unattributed");
  const outlet = "outlet" in turn ? turn.outlet : null;
  const fields = { turnId: turn.id };
  const kindLabel = kind === "question" ? "Question" : kind === "answer" ? "Answer" : "Statement";
  return (
    <article id={anchor} className={`${styles.turn} import-turn`} aria-label={`${kindLabel} by ${who}`}>
      <div className={styles.turnHead}>
        <strong>{kindLabel}</strong>
        <span className="turn__speaker">{who}</span>
        {outlet ? <span className="muted">({outlet})</span> : null}
        <span className="turn__role">{ROLE_LABEL[turn.role]}</span>
        {turn.start !== null ? <a href={`#src-${turn.id}`}>Show in source</a> : <span className="muted">not in source</span>}
      </div>
      <p className={styles.turnText}>{turn.text}</p>
      <details className={styles.controls}>
        <summary>Fix this {kindLabel.toLowerCase()}</summary>
        <div className={styles.controlGrid}>
          {/* One Save for the speaker, role, outlet and text: fixing a turn is one step, not four. */}
          <DraftForm context={context} op="saveTurn" anchor={anchor} extra={fields}>
            <label htmlFor={`speaker-${turn.id}`}>Speaker</label>
            <input id={`speaker-${turn.id}`} name="speaker" defaultValue={turn.speaker ?? ""} list="draft-speakers" maxLength={200} />
            <label htmlFor={`role-${turn.id}`}>Role</label>
            <select id={`role-${turn.id}`} name="role" defaultValue={turn.role}>
              {ROLE_OPTIONS.map(([value, label]) => (
                <option key={value} value={value}>
                  {label}
                </option>
              ))}
            </select>
            {kind === "question" ? (
              <>
                <label htmlFor={`outlet-${turn.id}`}>Outlet</label>
                <input id={`outlet-${turn.id}`} name="outlet" defaultValue={outlet ?? ""} list="draft-outlets" maxLength={200} />
              </>
            ) : null}
            <label htmlFor={`text-${turn.id}`} className="visually-hidden">
              Text of this turn
            </label>
            <textarea id={`text-${turn.id}`} name="text" defaultValue={turn.text} rows={Math.min(12, 2 + Math.ceil(turn.text.length / 90))} />
            <button type="submit">Save this {kindLabel.toLowerCase()}</button>
          </DraftForm>
          <DraftForm context={context} op="splitTurn" anchor={anchor} extra={fields}>
            <label htmlFor={`split-${turn.id}`}>Split before the words</label>
            <input id={`split-${turn.id}`} name="splitBefore" maxLength={500} placeholder="first words of the new turn" />
            <button type="submit" className="secondary">
              Split
            </button>
          </DraftForm>
          <DraftForm context={context} anchor={anchor} extra={fields}>
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
            {kind === "statement" ? (
              <button type="submit" className="secondary" name="op" value="startPairAt">
                Make this a question (starts a pair)
              </button>
            ) : null}
          </DraftForm>
        </div>
      </details>
    </article>
  );
}
