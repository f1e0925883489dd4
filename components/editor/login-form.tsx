"use client";

import { signIn } from "next-auth/react";
import { useState, type FormEvent } from "react";

const GENERIC = "That email and password do not match an active account.";

/**
 * Posts to next-auth's credentials callback (with its CSRF token) and stays on the page to
 * show errors. Only the throttling message is passed through; every other failure reads the
 * same, so the form never tells which of email or password was wrong.
 */
export function LoginForm({ callbackUrl }: { callbackUrl: string }) {
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setPending(true);
    setError(null);
    try {
      const result = await signIn("credentials", {
        email: String(form.get("email") ?? ""),
        password: String(form.get("password") ?? ""),
        redirect: false,
        callbackUrl,
      });
      if (result?.ok && !result.error) {
        // A full navigation, so server components render with the new session cookie.
        window.location.assign(callbackUrl);
        return;
      }
      setError(result?.error?.startsWith("Too many failed attempts") ? result.error : GENERIC);
    } catch {
      setError("Signing in failed; check your connection and try again.");
    }
    setPending(false);
  }

  return (
    <form className="editor-form" onSubmit={submit} noValidate aria-describedby={error ? "login-error" : undefined}>
      {error ? (
        <p id="login-error" role="alert" className="form-error">
          {error}
        </p>
      ) : null}
      <p>
        <label htmlFor="login-email">Email</label>
        <input id="login-email" name="email" type="email" autoComplete="username" required />
      </p>
      <p>
        <label htmlFor="login-password">Password</label>
        <input id="login-password" name="password" type="password" autoComplete="current-password" required />
      </p>
      <p>
        <button type="submit" disabled={pending}>
          {pending ? "Signing in…" : "Sign in"}
        </button>
      </p>
    </form>
  );
}
