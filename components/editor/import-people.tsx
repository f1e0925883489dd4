import type { EditableDraft } from "@/lib/drafts/model";
import { DraftForm, ROLE_OPTIONS, type DraftFormContext } from "./import-turn";
import styles from "./import-review.module.css";

/** Speakers and outlets of the draft: add one, or merge two spellings of the same name. */
export function ImportPeople({ context, draft }: { context: DraftFormContext; draft: EditableDraft }) {
  return (
    <section aria-labelledby="people-heading" id="people">
      <h2 id="people-heading">Speakers and outlets</h2>
      <datalist id="draft-speakers">
        {draft.speakers.map((s) => (
          <option key={s.label} value={s.label} />
        ))}
      </datalist>
      <datalist id="draft-outlets">
        {draft.outlets.map((o) => (
          <option key={o} value={o} />
        ))}
      </datalist>
      <div className="card">
        <h3>Speakers</h3>
        <ul>
          {draft.speakers.map((s) => (
            <li key={s.label}>
              {s.label} <span className="muted">({s.role})</span>
            </li>
          ))}
        </ul>
        <DraftForm context={context} op="addSpeaker" anchor="people">
          <label htmlFor="add-speaker">New speaker</label>
          <input id="add-speaker" name="label" required maxLength={200} />
          <label htmlFor="add-speaker-role" className="visually-hidden">
            Role of the new speaker
          </label>
          <select id="add-speaker-role" name="role" defaultValue="unknown">
            {ROLE_OPTIONS.map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </select>
          <button type="submit" className="secondary">
            Add speaker
          </button>
        </DraftForm>
        {draft.speakers.length > 1 ? <MergeForm context={context} op="mergeSpeakers" names={draft.speakers.map((s) => s.label)} what="speaker" /> : null}
      </div>
      <div className="card">
        <h3>Outlets</h3>
        {draft.outlets.length ? (
          <ul>
            {draft.outlets.map((o) => (
              <li key={o}>{o}</li>
            ))}
          </ul>
        ) : (
          <p className="muted">No outlets named yet.</p>
        )}
        <DraftForm context={context} op="addOutlet" anchor="people">
          <label htmlFor="add-outlet">New outlet</label>
          <input id="add-outlet" name="name" required maxLength={200} />
          <button type="submit" className="secondary">
            Add outlet
          </button>
        </DraftForm>
        {draft.outlets.length > 1 ? <MergeForm context={context} op="mergeOutlets" names={draft.outlets} what="outlet" /> : null}
      </div>
    </section>
  );
}

function MergeForm({ context, op, names, what }: { context: DraftFormContext; op: string; names: string[]; what: string }) {
  return (
    <DraftForm context={context} op={op} anchor="people" className={`${styles.inline} ${styles.controls}`}>
      <label htmlFor={`${op}-from`}>Merge {what}</label>
      <select id={`${op}-from`} name="from">
        {names.map((n) => (
          <option key={n} value={n}>
            {n}
          </option>
        ))}
      </select>
      <label htmlFor={`${op}-into`}>into</label>
      <select id={`${op}-into`} name="into" defaultValue={names[1]}>
        {names.map((n) => (
          <option key={n} value={n}>
            {n}
          </option>
        ))}
      </select>
      <button type="submit" className="secondary">
        Merge
      </button>
    </DraftForm>
  );
}
