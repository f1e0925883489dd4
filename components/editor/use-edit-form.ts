"use client";

import { useActionState } from "react";
import type { EditFormState } from "./form-state";

/**
 * The state of a pair or conference edit form: what its fields show (the submitted values
 * after a conflict or error, so nothing typed is lost), the version it submits, and a key that
 * remounts the form after every answer. After a conflict the form carries the stored version,
 * so saving again is a deliberate choice made after seeing the other edit, never a silent
 * overwrite.
 */
export function useEditForm<TSnapshot>(action: (previous: EditFormState<TSnapshot>, form: FormData) => Promise<EditFormState<TSnapshot>>, initial: TSnapshot, version: number) {
  const [state, formAction, pending] = useActionState(action, { status: "idle" });
  const values = state.status === "conflict" || state.status === "error" ? (state.values ?? initial) : initial;
  const formVersion =
    state.status === "conflict" ? state.currentVersion : state.status === "saved" ? state.version : state.status === "error" ? (state.version ?? version) : version;
  const key = `${formVersion}-${"seq" in state ? state.seq : 0}`;
  return { state, formAction, pending, values, formVersion, key };
}
