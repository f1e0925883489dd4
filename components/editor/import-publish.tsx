import type { PairSummary } from "@/lib/archive/reimport";
import type { PublishPlan } from "@/lib/drafts/store";
import { DraftForm, type DraftFormContext } from "./import-turn";
import styles from "./import-review.module.css";

/** Publish button, or the list of what blocks it, or the re-import diff to confirm. */
export function ImportPublish({ context, plan, problems }: { context: DraftFormContext; plan: PublishPlan | null; problems: string[] }) {
  return (
    <section aria-labelledby="publish-heading" id="publish" className="card">
      <h2 id="publish-heading">Publish</h2>
      {problems.length ? (
        <>
          <p>Fix these before publishing:</p>
          <ul>
            {problems.map((p) => (
              <li key={p}>{p}</li>
            ))}
          </ul>
        </>
      ) : plan?.kind === "reimport" ? (
        <>
          <p>
            A conference from this source URL is already in the archive (<a href={`/conferences/${plan.diff.slug}`}>/conferences/{plan.diff.slug}</a>). Publishing updates it. Pairs
            that did not change, and pairs whose text was corrected, keep their permanent links.
          </p>
          <DiffList title={`Added (${plan.diff.added.length})`} pairs={plan.diff.added} />
          <DiffList title={`Corrected (${plan.diff.changed.length})`} pairs={plan.diff.changed.map((c) => ({ ...c.after, publicId: c.before.publicId }))} />
          <DiffList title={`Removed (${plan.diff.removed.length})`} pairs={plan.diff.removed} />
          <p className="muted">{plan.diff.unchanged.length} pair(s) unchanged.</p>
          <DraftForm context={context} extra={{ confirmedConferenceVersion: String(plan.diff.version) }}>
            <button type="submit">Confirm re-import</button>
          </DraftForm>
        </>
      ) : (
        <DraftForm context={context}>
          <p>Publishing writes the conference and all its pairs at once; they become searchable within seconds.</p>
          <button type="submit">Publish conference</button>
        </DraftForm>
      )}
    </section>
  );
}

function DiffList({ title, pairs }: { title: string; pairs: PairSummary[] }) {
  if (pairs.length === 0) return null;
  return (
    <>
      <h3>{title}</h3>
      <ol className={styles.controls}>
        {pairs.map((p) => (
          <li key={`${p.ordinal}-${p.publicId}`} value={p.ordinal}>
            {p.question} {p.publicId ? <span className="muted">({p.publicId})</span> : null}
          </li>
        ))}
      </ol>
    </>
  );
}
