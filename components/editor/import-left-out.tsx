import type { EditableDraft } from "@/lib/drafts/model";
import { DraftForm, type DraftFormContext } from "./import-turn";

/** Nothing is dropped silently: text the parser could not place, and the noise it left out. */
export function ImportLeftOut({ context, draft, sourceText }: { context: DraftFormContext; draft: EditableDraft; sourceText: string }) {
  return (
    <section aria-labelledby="leftout-heading" id="left-out">
      <h3 id="leftout-heading">Not in any turn</h3>
      {draft.unassigned.length === 0 && draft.dropped.length === 0 ? <p className="muted">Every part of the source is in a turn or the header.</p> : null}
      {draft.unassigned.length ? (
        <>
          <p>Unassigned text: place it where it belongs, or leave it out (the full source is kept with the conference).</p>
          <ol>
            {draft.unassigned.map((u, index) => (
              <li key={`${u.start}-${index}`}>
                <span className="muted">[{u.reason.replaceAll("_", " ")}]</span> {u.text}
                <DraftForm context={context} op="placeUnassigned" anchor="left-out" extra={{ index: String(index) }}>
                  <label htmlFor={`place-${index}`}>Place as</label>
                  <select id={`place-${index}`} name="target" defaultValue="statements">
                    <option value="statements">an opening statement</option>
                    {draft.pairs.map((p, n) => (
                      <option key={p.id} value={p.id}>
                        an answer in pair {n + 1}
                      </option>
                    ))}
                  </select>
                  <button type="submit" className="secondary">
                    Place
                  </button>
                </DraftForm>
              </li>
            ))}
          </ol>
        </>
      ) : null}
      {draft.dropped.length ? (
        <>
          <p>Noise left out:</p>
          <ul>
            {draft.dropped.map((d) => (
              <li key={d.start}>
                <span className="muted">[{d.reason.replaceAll("_", " ")}]</span> {sourceText.slice(d.start, d.end).slice(0, 300)}
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </section>
  );
}
