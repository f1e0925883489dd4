import { nameLang } from "@/lib/catalog/format";

/** The other labels a person or outlet appears under in the sources (printed variants, other scripts). */
export function AlsoPrintedAs({ labels }: { labels: string[] }) {
  if (labels.length === 0) return null;
  return (
    <p className="muted">
      Also printed as:{" "}
      {labels.map((label, i) => (
        <span key={label}>
          {i > 0 ? ", " : null}
          <span lang={nameLang(label)}>{label}</span>
        </span>
      ))}
    </p>
  );
}
