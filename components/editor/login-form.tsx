// A plain POST form to next-auth's credentials callback: it works without JavaScript, the
// password travels only in the request body, and next-auth answers with a redirect — to the
// callback URL on success, back to /login?error=… otherwise (shown by loginErrorMessage).

const GENERIC = "That email and password do not match an active account.";
const THROTTLED = /^Too many failed attempts; try again in \d{1,3} minutes?\.$/;

/**
 * The message for next-auth's ?error= value. Only the throttling message is passed through
 * (and only in its exact shape, since anyone can put text in a URL); every other failure reads
 * the same, so the form never tells which of email or password was wrong.
 */
export function loginErrorMessage(error: string | undefined): string | null {
  if (!error) return null;
  if (THROTTLED.test(error)) return error;
  if (error === "CredentialsSignin") return GENERIC;
  return "Signing in failed; please try again.";
}

export function LoginForm({ callbackUrl, csrfToken, error }: { callbackUrl: string; csrfToken: string; error: string | null }) {
  return (
    <form className="editor-form" method="post" action="/api/auth/callback/credentials" aria-describedby={error ? "login-error" : undefined}>
      {error ? (
        <p id="login-error" role="alert" className="form-error">
          {error}
        </p>
      ) : null}
      <input type="hidden" name="csrfToken" value={csrfToken} />
      <input type="hidden" name="callbackUrl" value={callbackUrl} />
      <p>
        <label htmlFor="login-email">Email</label>
        <input id="login-email" name="email" type="email" autoComplete="username" required />
      </p>
      <p>
        <label htmlFor="login-password">Password</label>
        <input id="login-password" name="password" type="password" autoComplete="current-password" required />
      </p>
      <p>
        <button type="submit">Sign in</button>
      </p>
    </form>
  );
}
