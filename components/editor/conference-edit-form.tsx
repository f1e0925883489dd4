"use client";

import type { ConferenceSnapshot } from "@/lib/archive/edit-conference";
import type { ConferenceFormState } from "./form-state";
import { ConflictNotice } from "./conflict-notice";
import { useEditForm } from "./use-edit-form";
import { FormMessage } from "./form-message";

type Props = {
  slug: string;
  version: number;
  initial: ConferenceSnapshot;
  action: (previous: ConferenceFormState, form: FormData) => Promise<ConferenceFormState>;
};

const FIELDS: { name: keyof ConferenceSnapshot; label: string; type?: string; required?: boolean }[] = [
  { name: "title", label: "Title", required: true },
  { name: "heldOn", label: "Held on", type: "date" },
  { name: "organizer", label: "Organizer" },
  { name: "location", label: "Location" },
  { name: "language", label: "Language code (en, zh…)", required: true },
  { name: "sourceUrl", label: "Source URL", type: "url" },
  { name: "sourceName", label: "Source name" },
];

export function ConferenceEditForm({ slug, version, initial, action }: Props) {
  const { state, formAction, pending, values, formVersion, key } = useEditForm(action, initial, version);
  return (
    <form key={key} action={formAction} className="editor-form" aria-label="Edit conference details">
      <FormMessage ok={state.status === "saved" ? state.message : null} error={state.status === "error" ? state.message : null} />
      {state.status === "conflict" ? (
        <ConflictNotice
          message={state.message}
          lastEdit={state.lastEdit}
          rows={[...FIELDS, { name: "correctionNote" as const, label: "Correction note" }].map((f) => ({
            label: f.label,
            theirs: state.current[f.name] ?? "",
            yours: state.values[f.name] ?? "",
          }))}
        />
      ) : null}
      <input type="hidden" name="slug" value={slug} />
      <input type="hidden" name="version" value={formVersion} />
      {FIELDS.map((f) => (
        <p key={f.name}>
          <label htmlFor={`conference-${f.name}`}>{f.label}</label>
          <input id={`conference-${f.name}`} name={f.name} type={f.type ?? "text"} defaultValue={values[f.name] ?? ""} required={f.required} />
        </p>
      ))}
      <p>
        <label htmlFor="conference-correctionNote">Public correction note (optional)</label>
        <textarea id="conference-correctionNote" name="correctionNote" defaultValue={values.correctionNote ?? ""} maxLength={1000} rows={2} />
      </p>
      <p>
        <button type="submit" disabled={pending}>
          {pending ? "Saving…" : "Save details"}
        </button>
      </p>
    </form>
  );
}
