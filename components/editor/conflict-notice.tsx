import type { LastEdit } from "./form-state";

type Row = { label: string; theirs: string; yours: string };

/** Shows the edit that won next to what this editor typed, for the fields that differ. */
export function ConflictNotice({ message, lastEdit, rows }: { message: string; lastEdit: LastEdit; rows: Row[] }) {
  const differing = rows.filter((r) => r.theirs !== r.yours);
  return (
    <section className="conflict" role="alert" aria-labelledby="conflict-title">
      <h2 id="conflict-title">Edit conflict</h2>
      <p>
        {message}
        {lastEdit ? ` The other save was made by ${lastEdit.userName ?? "an unknown user"} at ${lastEdit.at.slice(0, 16).replace("T", " ")} UTC.` : ""}
      </p>
      <p>Your text is still in the form below. Compare, merge what you need, and save again.</p>
      {differing.length ? (
        <table>
          <thead>
            <tr>
              <th scope="col">Field</th>
              <th scope="col">Saved by the other editor</th>
              <th scope="col">Yours (not saved)</th>
            </tr>
          </thead>
          <tbody>
            {differing.map((r) => (
              <tr key={r.label}>
                <th scope="row">{r.label}</th>
                <td>
                  <ins>{r.theirs}</ins>
                </td>
                <td>
                  <del>{r.yours}</del>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <p>The other save made the same changes as yours.</p>
      )}
    </section>
  );
}
