import { publicBaseUrl } from "@/lib/env";
import { unsubscribe } from "./subscriptions";
import { subscriptionIdFromManageToken } from "./tokens";

/** RFC 8058 one-click: the token alone authorises it (it is in the mail the subscriber received). */
export async function handleOneClickUnsubscribe(token: string): Promise<Response> {
  const id = subscriptionIdFromManageToken(token);
  if (id === null) return new Response("This unsubscribe link is not valid.\n", { status: 404, headers: { "Content-Type": "text/plain; charset=utf-8" } });
  await unsubscribe(id);
  return new Response("Unsubscribed: no more alerts will be sent for this search.\n", { status: 200, headers: { "Content-Type": "text/plain; charset=utf-8" } });
}

export function unsubscribeLinkRedirect(token: string): Response {
  return Response.redirect(`${publicBaseUrl()}/alerts/manage/${encodeURIComponent(token)}`, 303);
}
