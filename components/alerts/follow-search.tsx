"use client";

import { useActionState } from "react";
import { followSearchAction } from "@/app/alerts/actions";
import type { FollowFormState } from "@/lib/alerts/follow-form";

const IDLE: FollowFormState = { status: "idle", message: "" };

/**
 * "Follow this search": open, type an address, Follow. `search` is the query string of the
 * /search URL whose results the alerts will match.
 */
export function FollowSearch({ search, label = "Follow this search", emailAvailable }: { search: string; label?: string; emailAvailable: boolean }) {
  const [state, action, pending] = useActionState(followSearchAction, IDLE);
  return (
    <details className="follow-search">
      <summary>{label}</summary>
      <form action={action} aria-label={label}>
        <input type="hidden" name="search" value={search} />
        <p>
          <label htmlFor={`follow-${search}`}>{emailAvailable ? "Your email address (or a webhook URL)" : "A webhook URL (email alerts are not available on this server)"}</label>{" "}
          <input
            id={`follow-${search}`}
            name="target"
            type="text"
            inputMode="email"
            autoComplete="email"
            required
            placeholder={emailAvailable ? "you@newsroom.example" : "https://hooks.example/pressroom"}
          />{" "}
          <label>
            <span className="visually-hidden">How often</span>
            <select name="frequency" defaultValue="immediate">
              <option value="immediate">As they are published</option>
              <option value="daily">Daily digest</option>
            </select>
          </label>{" "}
          <button type="submit" disabled={pending}>
            {pending ? "Following…" : "Follow"}
          </button>
        </p>
        <p role="status" aria-live="polite" className={state.status === "error" ? "form-error" : "muted"}>
          {state.message}
          {state.secret ? (
            <>
              {" "}
              <code>{state.secret}</code>
            </>
          ) : null}
        </p>
        <p className="muted" style={{ fontSize: ".85rem" }}>
          New answers matching this search are sent once each; corrections are marked as such. Every message has a link to stop them.
        </p>
      </form>
    </details>
  );
}
