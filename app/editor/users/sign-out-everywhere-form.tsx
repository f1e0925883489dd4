"use client";

import { useActionState } from "react";
import type { UserAdminState } from "@/components/editor/form-state";

type Action = (previous: UserAdminState, form: FormData) => Promise<UserAdminState>;

/** Ends every session of one user (a lost laptop, a shared computer); the action is audited. */
export function SignOutEverywhereForm({ user, action }: { user: { id: number; email: string }; action: Action }) {
  const [state, formAction, pending] = useActionState(action, { status: "idle" });
  return (
    <>
      <form action={formAction} className="inline-form">
        <input type="hidden" name="userId" value={user.id} />
        <button type="submit" className="secondary" disabled={pending}>
          Sign out everywhere<span className="visually-hidden"> for {user.email}</span>
        </button>
      </form>
      {state.status === "error" ? (
        <p role="alert" className="form-error">
          {state.message}
        </p>
      ) : null}
      {state.status === "done" ? (
        <p role="status" className="form-ok">
          {state.message}
        </p>
      ) : null}
    </>
  );
}
