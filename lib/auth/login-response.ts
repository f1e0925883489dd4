import { decode } from "next-auth/jwt";
import { deviceCookieHeader, issueDeviceCookie } from "./device-cookie";
import { authSecret, secureCookiesInUse } from "./secret";

/**
 * next-auth's login endpoints read their input with a body parser that fails on JSON (500)
 * and ignores other types; anything but the login form's own encoding gets a clear 400.
 */
export function refuseNonFormBody(request: Request): Response | null {
  if (request.method !== "POST") return null;
  const type = request.headers.get("content-type") ?? "";
  if (type.toLowerCase().startsWith("application/x-www-form-urlencoded")) return null;
  return Response.json(
    { error: "Send the form as application/x-www-form-urlencoded (email, password, csrfToken, callbackUrl)" },
    { status: 400, headers: { "cache-control": "no-store" } },
  );
}

/**
 * After a successful sign-in (next-auth set a session cookie) the browser also gets a fresh
 * device cookie for that account (lib/auth/device-cookie.ts). The user id is read back from
 * the session token next-auth just signed, so nothing else has to carry it here.
 */
export async function withDeviceCookie(response: Response): Promise<Response> {
  const sessionName = `${secureCookiesInUse() ? "__Secure-" : ""}next-auth.session-token`;
  const session = response.headers.getSetCookie().find((c) => c.startsWith(`${sessionName}=`));
  const value = session?.slice(sessionName.length + 1).split(";")[0];
  if (!value) return response;
  const token = await decode({ token: value, secret: authSecret() }).catch(() => null);
  if (typeof token?.uid !== "number") return response;
  response.headers.append("set-cookie", deviceCookieHeader(issueDeviceCookie(token.uid)));
  return response;
}
