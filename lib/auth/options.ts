import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { clientIp } from "./client-ip";
import { verifyLogin } from "./login";
import { authSecret, useSecureCookies } from "./secret";

const SESSION_MAX_AGE_SECONDS = 12 * 60 * 60;

/**
 * next-auth configuration, built on demand because the secret must not be read at import
 * time (next build imports this module with no environment).
 * JWT sessions carry only id, role and sessionEpoch; the guard re-checks them in the database.
 * Cookies are httpOnly + SameSite=Lax by next-auth's defaults, Secure (with __Secure- names)
 * when the site runs on https.
 */
export function authOptions(): NextAuthOptions {
  return {
    secret: authSecret(),
    useSecureCookies: useSecureCookies(),
    session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_SECONDS },
    pages: { signIn: "/login", error: "/login" },
    providers: [
      CredentialsProvider({
        name: "Email and password",
        credentials: { email: { label: "Email", type: "email" }, password: { label: "Password", type: "password" } },
        async authorize(credentials, request) {
          // LoginRefusedError propagates: next-auth passes its message to the login form.
          const user = await verifyLogin(credentials ?? {}, clientIp(request?.headers as Record<string, string> | undefined));
          if (!user) return null;
          return { id: String(user.id), email: user.email, name: user.name, role: user.role, sessionEpoch: user.sessionEpoch };
        },
      }),
    ],
    callbacks: {
      async jwt({ token, user }) {
        if (user) {
          const signedIn = user as unknown as { id: string; role: string; sessionEpoch: number };
          token.uid = Number(signedIn.id);
          token.role = signedIn.role;
          token.sessionEpoch = signedIn.sessionEpoch;
        }
        return token;
      },
      async session({ session, token }) {
        session.user = {
          ...session.user,
          id: token.uid,
          role: token.role,
          sessionEpoch: token.sessionEpoch,
        } as typeof session.user;
        return session;
      },
    },
  };
}
