"use client";

import { useActionState } from "react";

export type SetupFormState = { status: "idle" } | { status: "error"; message: string } | { status: "done"; email: string };

type Action = (previous: SetupFormState, form: FormData) => Promise<SetupFormState>;

export function SetupForm({ token, action }: { token: string; action: Action }) {
  const [state, formAction, pending] = useActionState(action, { status: "idle" });
  if (state.status === "done") {
    return (
      <div role="status">
        <p>The admin account {state.email} is ready. This setup link no longer works.</p>
        <p>
          <a href="/login">Sign in</a>
        </p>
      </div>
    );
  }
  return (
    <form action={formAction} className="editor-form" aria-label="Create the first admin">
      {state.status === "error" ? (
        <p role="alert" className="form-error">
          {state.message}
        </p>
      ) : null}
      <input type="hidden" name="token" value={token} />
      <p>
        <label htmlFor="setup-email">Email</label>
        <input id="setup-email" name="email" type="email" autoComplete="username" required />
      </p>
      <p>
        <label htmlFor="setup-name">Name (optional)</label>
        <input id="setup-name" name="name" type="text" maxLength={200} />
      </p>
      <p>
        <label htmlFor="setup-password">Password (12 characters or more)</label>
        <input id="setup-password" name="password" type="password" autoComplete="new-password" minLength={12} required />
      </p>
      <p>
        <label htmlFor="setup-confirm">Password again</label>
        <input id="setup-confirm" name="confirm" type="password" autoComplete="new-password" required />
      </p>
      <p>
        <button type="submit" disabled={pending}>
          Create admin
        </button>
      </p>
    </form>
  );
}
