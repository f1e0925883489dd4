import { handleOneClickUnsubscribe, unsubscribeLinkRedirect } from "@/lib/alerts/unsubscribe";

export const dynamic = "force-dynamic";

// List-Unsubscribe target: mail clients POST here (RFC 8058 one-click); a person opening the
// link gets the manage page, so link scanners fetching it never unsubscribe anyone.
export async function POST(request: Request, context: { params: Promise<{ token: string }> }): Promise<Response> {
  return handleOneClickUnsubscribe((await context.params).token);
}

export async function GET(request: Request, context: { params: Promise<{ token: string }> }): Promise<Response> {
  return unsubscribeLinkRedirect((await context.params).token);
}
