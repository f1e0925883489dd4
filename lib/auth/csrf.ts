import { createHash } from "node:crypto";
import { cookies } from "next/headers";
import { authSecret, secureCookiesInUse } from "./secret";

/**
 * The CSRF token for a plain HTML login or sign-out form, read from next-auth's double-submit
 * cookie ("<token>|sha256(<token><secret>)", next-auth v4's format). Null when the browser has
 * no valid one yet; only next-auth's own endpoints set it (a page cannot set cookies), so the
 * login page then sends the browser through /api/auth/signin, which sets it and comes back.
 */
export function csrfTokenFromCookie(value: string | undefined): string | null {
  if (!value) return null;
  const [token, hash] = value.split("|");
  if (!token || !hash) return null;
  const expected = createHash("sha256").update(`${token}${authSecret()}`).digest("hex");
  return hash === expected ? token : null;
}

export async function formCsrfToken(): Promise<string | null> {
  const name = `${secureCookiesInUse() ? "__Host-" : ""}next-auth.csrf-token`;
  return csrfTokenFromCookie((await cookies()).get(name)?.value);
}
