"use client";

import { useActionState } from "react";
import type { UserAdminState } from "./form-state";

type Action = (previous: UserAdminState, form: FormData) => Promise<UserAdminState>;

function Outcome({ state }: { state: UserAdminState }) {
  if (state.status === "idle") return null;
  if (state.status === "error")
    return (
      <p role="alert" className="form-error">
        {state.message}
      </p>
    );
  return (
    <div role="status" className="form-ok">
      <p>{state.message}</p>
      {state.temporaryPassword ? (
        <p>
          Temporary password{state.email ? ` for ${state.email}` : ""}: <code className="temp-password">{state.temporaryPassword}</code>
        </p>
      ) : null}
    </div>
  );
}

export function InviteUserForm({ action }: { action: Action }) {
  const [state, formAction, pending] = useActionState(action, { status: "idle" });
  return (
    <form action={formAction} className="editor-form" aria-label="Invite a user">
      <Outcome state={state} />
      <p>
        <label htmlFor="invite-email">Email</label>
        <input id="invite-email" type="email" name="email" required />
      </p>
      <p>
        <label htmlFor="invite-name">Name (optional)</label>
        <input id="invite-name" type="text" name="name" maxLength={200} />
      </p>
      <p>
        <label htmlFor="invite-role">Role</label>
        <select id="invite-role" name="role" defaultValue="EDITOR">
          <option value="EDITOR">Editor</option>
          <option value="ADMIN">Admin</option>
        </select>
      </p>
      <p>
        <button type="submit" disabled={pending}>
          Invite
        </button>
      </p>
    </form>
  );
}

type UserRow = { id: number; email: string; role: "ADMIN" | "EDITOR"; disabled: boolean };

/** The per-user controls: role, disable/enable, password reset. */
export function UserRowForms({ user, actions }: { user: UserRow; actions: { role: Action; disable: Action; reset: Action } }) {
  const [roleState, roleAction] = useActionState(actions.role, { status: "idle" });
  const [disableState, disableAction] = useActionState(actions.disable, { status: "idle" });
  const [resetState, resetAction] = useActionState(actions.reset, { status: "idle" });
  return (
    <>
      <form action={roleAction} className="inline-form">
        <input type="hidden" name="userId" value={user.id} />
        <label className="visually-hidden" htmlFor={`role-${user.id}`}>
          Role of {user.email}
        </label>
        <select id={`role-${user.id}`} name="role" defaultValue={user.role}>
          <option value="EDITOR">Editor</option>
          <option value="ADMIN">Admin</option>
        </select>
        <button type="submit" className="secondary">
          Change role
        </button>
      </form>
      <form action={disableAction} className="inline-form">
        <input type="hidden" name="userId" value={user.id} />
        <input type="hidden" name="disabled" value={user.disabled ? "false" : "true"} />
        <button type="submit" className="secondary">
          {user.disabled ? "Re-enable" : "Disable"}
          <span className="visually-hidden"> {user.email}</span>
        </button>
      </form>
      <form action={resetAction} className="inline-form">
        <input type="hidden" name="userId" value={user.id} />
        <button type="submit" className="secondary">
          Reset password<span className="visually-hidden"> of {user.email}</span>
        </button>
      </form>
      <Outcome state={roleState} />
      <Outcome state={disableState} />
      <Outcome state={resetState} />
    </>
  );
}
