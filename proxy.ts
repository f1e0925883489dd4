import { NextResponse, type NextRequest } from "next/server";
import { isCachedPublicPage } from "@/lib/catalog/cached-pages";
import { searchReachable } from "@/lib/search/health";

// Security headers for every response, and a per-request CSP nonce. Next reads the nonce from
// the request's Content-Security-Policy header and puts it on its own scripts; that only works
// for dynamically rendered pages, since a prerendered page was built before any nonce existed.
//
// The cached public pages (ISR: a Q&A page, a conference page) are that case: one HTML copy
// serves every visitor, so no nonce can match it. They get the same policy without a nonce,
// scripts limited to 'self' plus inline (Next's inline bootstrap and flight data). What that
// gives up is protection against injected inline script, which these pages have no way in for:
// they render only archive text through React (escaped) and JSON-LD through jsonLdScript
// (escaped "<"), and nothing from the URL or the visitor reaches them (the slug only selects
// or redirects). Pages that do reflect input or serve signed-in users (/search, /login,
// /editor, listings with query strings) keep the nonce and 'strict-dynamic'.

function contentSecurityPolicy(nonce: string | null, https: boolean): string {
  const dev = process.env.NODE_ENV === "development";
  return [
    "default-src 'self'",
    // With a nonce, no 'unsafe-inline' for scripts: only Next's own nonce-carrying scripts and
    // what they load. Without one (cached pages, see above), inline scripts must be allowed.
    nonce ? `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ""}` : `script-src 'self' 'unsafe-inline'${dev ? " 'unsafe-eval'" : ""}`,
    // React style={} attributes cannot carry a nonce, and a nonce in style-src would disable
    // 'unsafe-inline'; inline styles cannot run code, so they stay allowed.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' blob: data:",
    "font-src 'self' data:",
    `connect-src 'self'${dev ? " ws: wss:" : ""}`,
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    ...(https ? ["upgrade-insecure-requests"] : []),
  ].join("; ");
}

/**
 * A path segment like "%ZZ" cannot be percent-decoded; Next's router then throws while reading
 * the route params and answers 500. It is the client's mistake, so it gets a 400 here, before
 * routing, for pages and (through the second matcher entry) for the API.
 */
function malformedEncoding(pathname: string): NextResponse | null {
  try {
    decodeURIComponent(pathname);
    return null;
  } catch {
    return new NextResponse("Bad request: the address contains malformed percent-encoding (such as %ZZ). Check the link.\n", {
      status: 400,
      headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store", "X-Content-Type-Options": "nosniff" },
    });
  }
}

export async function proxy(request: NextRequest) {
  const malformed = malformedEncoding(request.nextUrl.pathname);
  if (malformed) return malformed;
  // API paths reach the proxy only for that check; their headers come from next.config.js.
  if (request.nextUrl.pathname.startsWith("/api/")) return NextResponse.next();
  const nonce = isCachedPublicPage(request.nextUrl.pathname) ? null : Buffer.from(crypto.randomUUID()).toString("base64");
  const https = request.nextUrl.protocol === "https:" || request.headers.get("x-forwarded-proto") === "https";
  const csp = contentSecurityPolicy(nonce, https);

  const requestHeaders = new Headers(request.headers);
  // Without a nonce in the request's policy, Next renders (and caches) the page without one.
  if (nonce) requestHeaders.set("x-nonce", nonce);
  else requestHeaders.delete("x-nonce");
  requestHeaders.set("content-security-policy", csp);
  // lib/auth/guard.ts reads this to send anonymous visitors back here after login.
  requestHeaders.set("x-pressroom-path", `${request.nextUrl.pathname}${request.nextUrl.search}`);

  // A page cannot set its own status; the proxy's status carries through to the rendered page,
  // which itself explains that search is down while conference and Q&A pages keep working.
  const searchDown = request.nextUrl.pathname === "/search" && !(await searchReachable());
  const response = NextResponse.next({ request: { headers: requestHeaders }, ...(searchDown ? { status: 503 } : {}) });
  if (searchDown) response.headers.set("Retry-After", "30");
  response.headers.set("Content-Security-Policy", csp);
  response.headers.set("Referrer-Policy", "strict-origin-when-cross-origin");
  response.headers.set("X-Content-Type-Options", "nosniff");
  response.headers.set("X-Frame-Options", "DENY");
  response.headers.set("Permissions-Policy", "camera=(), microphone=(), geolocation=(), payment=(), usb=(), browsing-topics=()");
  response.headers.set("Cross-Origin-Opener-Policy", "same-origin");
  if (https) response.headers.set("Strict-Transport-Security", "max-age=31536000; includeSubDomains");
  return response;
}

export const config = {
  matcher: [
    {
      // JSON and XML under /api carry no scripts, so they need no nonce: their (static) security
      // headers come from next.config.js, which keeps the proxy off the search API's hot path.
      source: "/((?!_next/static|_next/image|favicon.ico|api/).*)",
      missing: [
        { type: "header", key: "next-router-prefetch" },
        { type: "header", key: "purpose", value: "prefetch" },
      ],
    },
    // API paths only when they contain "%", so the proxy stays off the API's ordinary requests.
    { source: "/api/:rest(.*%.*)" },
  ],
};
