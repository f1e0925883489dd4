import { forbidden, redirect } from "next/navigation";
import { headers } from "next/headers";
import { publicBaseUrl } from "@/lib/env";
import { safeRedirectPath } from "@/lib/http/redirect";
import { ForbiddenError, roleSatisfies, type Role, type SessionUser } from "./roles";
import { currentSessionUser } from "./session";

export { ForbiddenError, type SessionUser };

async function currentPath(): Promise<string> {
  try {
    // proxy.ts copies the request path here; pages and server actions have no other way to see it.
    return safeRedirectPath((await headers()).get("x-pressroom-path"), publicBaseUrl());
  } catch {
    return "/editor"; // outside a request (tests, scripts)
  }
}

/**
 * For server components and server actions: anonymous ⇒ redirect to /login (a thrown
 * NEXT_REDIRECT), signed in without the role ⇒ ForbiddenError. Call it first thing.
 */
export async function requireRole(role: Role): Promise<SessionUser> {
  const user = await currentSessionUser();
  if (!user) redirect(`/login?callbackUrl=${encodeURIComponent(await currentPath())}`);
  if (!roleSatisfies(user.role, role)) throw new ForbiddenError(role);
  return user;
}

/**
 * requireRole for pages and layouts: a ForbiddenError becomes Next's 403 page via
 * forbidden(), which needs `experimental.authInterrupts: true` in next.config.js.
 */
export async function requireRoleForPage(role: Role): Promise<SessionUser> {
  try {
    return await requireRole(role);
  } catch (error) {
    if (error instanceof ForbiddenError) forbidden();
    throw error;
  }
}

const MUTATING_METHODS = new Set(["POST", "PUT", "PATCH", "DELETE"]);

function json(status: number, error: string): Response {
  return Response.json({ error }, { status, headers: { "cache-control": "no-store" } });
}

/** Browsers always send Origin on cross-site POSTs; a request without one is not from a foreign page. */
export function isSameOrigin(request: Request): boolean {
  const origin = request.headers.get("origin");
  if (origin === null) return true;
  let originHost: string;
  try {
    originHost = new URL(origin).host;
  } catch {
    return false; // "null" (sandboxed frames, file://) and garbage
  }
  const hosts = new Set<string>();
  const forwarded = request.headers.get("x-forwarded-host")?.split(",")[0]?.trim();
  if (forwarded) hosts.add(forwarded);
  const host = request.headers.get("host");
  if (host) hosts.add(host);
  try {
    hosts.add(new URL(request.url).host);
  } catch {
    /* relative URL in odd callers: ignore */
  }
  try {
    hosts.add(new URL(publicBaseUrl()).host);
  } catch {
    /* misconfigured public URL: only the request's own host counts */
  }
  return hosts.has(originHost);
}

/**
 * For route handlers: returns the user, or a Response to return as is — 403 for a cross-origin
 * mutating request, 401 for anonymous, 403 for a missing role.
 */
export async function guardRoute(request: Request, role: Role): Promise<SessionUser | Response> {
  if (MUTATING_METHODS.has(request.method.toUpperCase()) && !isSameOrigin(request)) {
    return json(403, "Cross-origin request refused");
  }
  const user = await currentSessionUser();
  if (!user) return json(401, "Sign in to do this");
  if (!roleSatisfies(user.role, role)) return json(403, `This needs the ${role} role`);
  return user;
}
