import type { DraftMetadata } from "@/lib/drafts/model";
import { DraftForm, type DraftFormContext } from "./import-turn";
import styles from "./import-review.module.css";

const FIELDS: { name: keyof DraftMetadata; label: string; type?: string; hint?: string }[] = [
  { name: "title", label: "Title" },
  { name: "heldOn", label: "Date", type: "date" },
  { name: "organizer", label: "Organizer" },
  { name: "location", label: "Location" },
  { name: "language", label: "Language code", hint: "en, zh, …" },
  { name: "sourceUrl", label: "Source URL", type: "url", hint: "a later import with the same URL updates this conference" },
  { name: "sourceName", label: "Source name" },
  { name: "translationOfSlug", label: "Translation of (conference slug)", hint: "the slug of the original-language conference, if this is a translation" },
];

export function ImportMetadataForm({ context, metadata }: { context: DraftFormContext; metadata: DraftMetadata }) {
  return (
    <section aria-labelledby="metadata-heading" id="metadata">
      <h2 id="metadata-heading">Conference details</h2>
      <DraftForm context={context} op="setMetadata" anchor="metadata" className="card">
        <div className={styles.fields}>
          {FIELDS.map((f) => (
            <p key={f.name} className={styles.field}>
              <label htmlFor={`meta-${f.name}`}>{f.label}</label>
              <input
                id={`meta-${f.name}`}
                name={f.name}
                type={f.type ?? "text"}
                defaultValue={metadata[f.name] ?? ""}
                required={f.name === "title" || f.name === "language"}
                aria-describedby={f.hint ? `meta-${f.name}-hint` : undefined}
              />
              {f.hint ? (
                <small id={`meta-${f.name}-hint`} className="muted">
                  {f.hint}
                </small>
              ) : null}
            </p>
          ))}
        </div>
        <button type="submit">Save details</button>
      </DraftForm>
    </section>
  );
}
