import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { safeRedirectPath } from "@/lib/http/redirect";
import { clientIp } from "./client-ip";
import { deviceCookieFrom } from "./device-cookie";
import { verifyLogin } from "./login";
import { newSessionId, revokeSession } from "./revocation";
import { authSecret, secureCookiesInUse } from "./secret";

export const SESSION_MAX_AGE_SECONDS = 12 * 60 * 60;

/**
 * next-auth configuration, built on demand because the secret must not be read at import
 * time (next build imports this module with no environment).
 * JWT sessions carry only id, role, sessionEpoch and a session id (sid); the guard re-checks
 * them in the database, and sign-out revokes the sid (lib/auth/revocation.ts).
 * Cookies are httpOnly + SameSite=Lax by next-auth's defaults, Secure (with __Secure- names)
 * when the site runs on https.
 */
export function authOptions(): NextAuthOptions {
  return {
    secret: authSecret(),
    useSecureCookies: secureCookiesInUse(),
    session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_SECONDS },
    // "from=signin" tells the login page that next-auth has just set its CSRF cookie (see app/login/page.tsx).
    pages: { signIn: "/login?from=signin", error: "/login" },
    providers: [
      CredentialsProvider({
        name: "Email and password",
        credentials: { email: { label: "Email", type: "email" }, password: { label: "Password", type: "password" } },
        async authorize(credentials, request) {
          const headers = request?.headers as Record<string, string> | undefined;
          // LoginRefusedError propagates: next-auth passes its message to the login page.
          const user = await verifyLogin(credentials ?? {}, clientIp(headers), { deviceCookie: deviceCookieFrom(headers?.cookie) });
          if (!user) return null;
          return { id: String(user.id), email: user.email, name: user.name, role: user.role, sessionEpoch: user.sessionEpoch };
        },
      }),
    ],
    callbacks: {
      // Every callbackUrl next-auth would follow goes through the one redirect rule.
      async redirect({ url, baseUrl }) {
        return `${baseUrl}${safeRedirectPath(url, baseUrl)}`;
      },
      async jwt({ token, user }) {
        if (user) {
          const signedIn = user as unknown as { id: string; role: string; sessionEpoch: number };
          token.uid = Number(signedIn.id);
          token.role = signedIn.role;
          token.sessionEpoch = signedIn.sessionEpoch;
          token.sid = newSessionId();
        }
        return token;
      },
      async session({ session, token }) {
        session.user = {
          ...session.user,
          id: token.uid,
          role: token.role,
          sessionEpoch: token.sessionEpoch,
          sid: token.sid,
        } as typeof session.user;
        return session;
      },
    },
    events: {
      async signOut({ token }) {
        if (typeof token?.sid !== "string" || typeof token.uid !== "number") return;
        const expiresAt = typeof token.exp === "number" ? new Date(token.exp * 1000) : new Date(Date.now() + SESSION_MAX_AGE_SECONDS * 1000);
        await revokeSession(token.sid, token.uid, expiresAt);
      },
    },
  };
}
