import { formatDate } from "@/lib/catalog/format";

export function CorrectionNotes({
  correctedAt,
  correctionNote,
  revisions,
}: {
  correctedAt: Date | null;
  correctionNote: string | null;
  revisions: { version: number; publicNote: string | null; createdAt: Date }[];
}) {
  if (!correctedAt && !correctionNote && revisions.length === 0) return null;
  return (
    <section aria-labelledby="corrections-heading" className="corrections">
      <h2 id="corrections-heading">Corrections</h2>
      <ul>
        {correctionNote || correctedAt ? (
          <li>
            {correctedAt ? <time dateTime={correctedAt.toISOString()}>{formatDate(correctedAt)}</time> : null}
            {correctedAt && correctionNote ? ": " : ""}
            {correctionNote ?? "Corrected after publication."}
          </li>
        ) : null}
        {revisions.map((r) => (
          <li key={r.version + r.createdAt.toISOString()}>
            <time dateTime={r.createdAt.toISOString()}>{formatDate(r.createdAt)}</time> (version {r.version}): {r.publicNote}
          </li>
        ))}
      </ul>
    </section>
  );
}
