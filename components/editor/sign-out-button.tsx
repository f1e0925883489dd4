import { formCsrfToken } from "@/lib/auth/csrf";

// A plain POST form to next-auth's sign-out endpoint (works without JavaScript); next-auth
// clears the cookie, lib/auth/options.ts revokes the session on the server, and the browser
// lands on the login page, which confirms it. Without a CSRF cookie (browser restarted since
// sign-in) the link opens next-auth's own confirmation form, which sets one.
export async function SignOutButton() {
  const csrfToken = await formCsrfToken();
  if (!csrfToken) {
    // An API route, not a page: a full navigation is what next-auth's confirmation form needs.
    // eslint-disable-next-line @next/next/no-html-link-for-pages
    return (
      <a className="button secondary" href="/api/auth/signout">
        Sign out
      </a>
    );
  }
  return (
    <form method="post" action="/api/auth/signout" className="inline-form">
      <input type="hidden" name="csrfToken" value={csrfToken} />
      <input type="hidden" name="callbackUrl" value="/login?signedOut=1" />
      <button type="submit" className="secondary">
        Sign out
      </button>
    </form>
  );
}
