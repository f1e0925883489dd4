"use client";

import { startTransition, useActionState, useState, type FormEvent } from "react";
import { MAX_TRANSCRIPT_BYTES, overLimitMessage } from "@/lib/transcripts/limits";
import type { ImportStartState } from "./import-start-state";

type Action = (previous: ImportStartState, form: FormData) => Promise<ImportStartState>;

/**
 * Upload or paste form; a client component only so that an error keeps the pasted text. With
 * JavaScript it calls the server action; without, the browser posts it as a plain multipart form
 * to /editor/imports/upload (a server action's native post loses the file), which answers with
 * a redirect and, on refusal, `problem` here.
 */
export function ImportStartForm({ action, problem }: { action: Action; problem?: string | null }) {
  const [state, formAction, pending] = useActionState(action, { status: "idle" });
  // Over the limit, the request would exceed the server's body limit and fail without a
  // readable answer, so the browser refuses it first (the server checks again).
  const [refused, setRefused] = useState<string | null>(null);
  const checkSize = (event: FormEvent<HTMLFormElement>) => {
    const form = event.currentTarget;
    const file = (form.elements.namedItem("file") as HTMLInputElement | null)?.files?.[0];
    const text = (form.elements.namedItem("text") as HTMLTextAreaElement | null)?.value ?? "";
    const textBytes = new Blob([text]).size;
    const message =
      file && file.size > MAX_TRANSCRIPT_BYTES ? overLimitMessage("file", file.size) : textBytes > MAX_TRANSCRIPT_BYTES ? overLimitMessage("pasted text", textBytes) : null;
    setRefused(message);
    event.preventDefault();
    if (message) return;
    const data = new FormData(form);
    startTransition(() => formAction(data));
  };
  const message = refused ?? (state.status === "error" ? state.message : state.status === "idle" ? (problem ?? null) : null);
  return (
    <form
      action="/editor/imports/upload"
      method="post"
      encType="multipart/form-data"
      onSubmit={checkSize}
      className="card import-start"
      aria-describedby={message ? "import-error" : undefined}
    >
      {message ? (
        <p id="import-error" role="alert" className="import-alert">
          {message}
        </p>
      ) : null}
      <p>
        <label htmlFor="import-file">Transcript file (.txt, .md, .html or .docx, up to 5 MB)</label>
        <br />
        <input
          id="import-file"
          name="file"
          type="file"
          accept=".txt,.text,.md,.markdown,.html,.htm,.docx,text/plain,text/markdown,text/html,application/vnd.openxmlformats-officedocument.wordprocessingml.document"
        />
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
