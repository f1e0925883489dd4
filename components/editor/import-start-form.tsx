"use client";

import { useActionState } from "react";
import type { ImportStartState } from "./import-start-state";

type Action = (previous: ImportStartState, form: FormData) => Promise<ImportStartState>;

/** Upload or paste form; a client component only so that an error keeps the pasted text. */
export function ImportStartForm({ action }: { action: Action }) {
  const [state, formAction, pending] = useActionState(action, { status: "idle" });
  return (
    <form action={formAction} className="card import-start" aria-describedby={state.status === "error" ? "import-error" : undefined}>
      {state.status === "error" ? (
        <p id="import-error" role="alert" className="import-alert">
          {state.message}
        </p>
      ) : null}
      <p>
        <label htmlFor="import-file">Transcript file (.txt, .md, .html or .docx, up to 5 MB)</label>
        <br />
        <input id="import-file" name="file" type="file" accept=".txt,.text,.md,.markdown,.html,.htm,.docx,text/plain,text/markdown,text/html,application/vnd.openxmlformats-officedocument.wordprocessingml.document" />
      </p>
      <p>
        <label htmlFor="import-text">Or paste the transcript</label>
        <br />
        <textarea
          id="import-text"
          name="text"
          rows={14}
          cols={80}
          defaultValue={state.status === "error" ? state.pastedText : undefined}
          key={state.status === "error" ? state.seq : "idle"}
          style={{ width: "100%", font: "inherit" }}
        />
      </p>
      <button type="submit" disabled={pending}>
        {pending ? "Reading…" : "Read transcript"}
      </button>
    </form>
  );
}
