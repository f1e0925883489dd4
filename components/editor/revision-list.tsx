import type { RevisionView } from "@/lib/archive/revisions";

const show = (value: unknown) => (value === null || value === undefined || value === "" ? "(empty)" : Array.isArray(value) ? value.join(", ") : String(value));

export function RevisionList({ revisions }: { revisions: RevisionView[] }) {
  if (revisions.length === 0) return <p className="muted">No edits since publication.</p>;
  return (
    <ol className="card-list" reversed>
      {revisions.map((r) => (
        <li key={r.id} className="card">
          <p>
            <strong>Version {r.version}</strong> · {r.createdAt.toISOString().slice(0, 16).replace("T", " ")} UTC · {r.userName ?? "unknown user"}
          </p>
          {r.publicNote ? <p>Public note: {r.publicNote}</p> : null}
          <ul className="diff-list">
            {r.changes.slice(0, 20).map((c) => (
              <li key={c.field}>
                <code>{c.field}</code>: <del>{show(c.before).slice(0, 200)}</del> → <ins>{show(c.after).slice(0, 200)}</ins>
              </li>
            ))}
          </ul>
        </li>
      ))}
    </ol>
  );
}
