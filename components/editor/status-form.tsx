"use client";

import { useActionState } from "react";
import type { StatusFormState } from "./form-state";
import { FormMessage } from "./form-message";

type Props = {
  what: "pair" | "conference";
  status: string;
  version: number;
  hidden: Record<string, string>;
  action: (previous: StatusFormState, form: FormData) => Promise<StatusFormState>;
};

/** Unpublish / delete / restore with a public reason. */
export function StatusForm({ what, status, version, hidden, action }: Props) {
  const [state, formAction, pending] = useActionState(action, { status: "idle" });
  const choices =
    status === "PUBLISHED"
      ? [
          ["unpublish", "Unpublish (reversible)"],
          ["delete", "Delete (kept, shown as gone)"],
        ]
      : status === "UNPUBLISHED"
        ? [
            ["restore", "Publish again"],
            ["delete", "Delete (kept, shown as gone)"],
          ]
        : status === "DELETED"
          ? [["restore", "Restore and publish"]]
          : [];
  if (choices.length === 0) return <p className="muted">This {what} is a draft; publish it from the import page.</p>;
  return (
    <form action={formAction} className="editor-form" aria-label={`Change the status of this ${what}`}>
      <FormMessage ok={state.status === "done" ? state.message : null} error={state.status === "error" ? state.message : null} />
      {Object.entries(hidden).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <input type="hidden" name="version" value={version} />
      <p>
        <label htmlFor={`${what}-status-action`}>Action</label>
        <select id={`${what}-status-action`} name="action" defaultValue={choices[0][0]}>
          {choices.map(([value, label]) => (
            <option key={value} value={value}>
              {label}
            </option>
          ))}
        </select>
      </p>
      <p>
        <label htmlFor={`${what}-status-reason`}>Reason (shown on the public page; required to unpublish or delete)</label>
        <textarea id={`${what}-status-reason`} name="reason" rows={2} maxLength={1000} />
      </p>
      <p>
        <button type="submit" className="secondary" disabled={pending}>
          {pending ? "Working…" : "Apply"}
        </button>
      </p>
    </form>
  );
}
