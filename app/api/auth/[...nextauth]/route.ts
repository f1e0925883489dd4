import NextAuth from "next-auth";
import type { NextRequest } from "next/server";
import { exceedsBodyLimit, payloadTooLarge } from "@/lib/auth/body-limit";
import { refuseNonFormBody, withDeviceCookie } from "@/lib/auth/login-response";
import { authOptions } from "@/lib/auth/options";

export const dynamic = "force-dynamic";

// Login, logout and CSRF endpoints. Public by nature (see lib/auth/permissions.ts); next-auth
// checks its own CSRF token on every POST, and login tries are throttled in lib/auth/login.ts.
const MAX_BODY_BYTES = 16 * 1024;

type Context = { params: Promise<{ nextauth: string[] }> };

async function handle(request: NextRequest, context: Context): Promise<Response> {
  if (request.method === "POST" && (await exceedsBodyLimit(request, MAX_BODY_BYTES))) return payloadTooLarge(MAX_BODY_BYTES);
  const refused = refuseNonFormBody(request);
  if (refused) return refused;
  const response: Response = await NextAuth(authOptions())(request, context);
  const [action, provider] = (await context.params).nextauth ?? [];
  return action === "callback" && provider === "credentials" ? withDeviceCookie(response) : response;
}

export { handle as GET, handle as POST };
