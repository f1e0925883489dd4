import Link from "next/link";
import { manageAlertAction } from "@/app/alerts/actions";
import { describeSearch } from "@/lib/alerts/saved-search";
import { staleFilters } from "@/lib/alerts/stale-filters";
import { subscriptionForManage } from "@/lib/alerts/subscriptions";
import { subscriptionIdFromManageToken } from "@/lib/alerts/tokens";

export const metadata = { title: "Your alert", robots: { index: false } };
export const dynamic = "force-dynamic";

type PageProps = { params: Promise<{ token: string }>; searchParams: Promise<Record<string, string | undefined>> };

// No login: the signed token in the link (from the subscriber's own messages) is the key.
export default async function ManageAlertPage({ params, searchParams }: PageProps) {
  const { token } = await params;
  const flags = await searchParams;
  const id = subscriptionIdFromManageToken(token);
  const subscription = id === null ? null : await subscriptionForManage(id);
  if (!subscription) {
    return (
      <>
        <h1>Alert not found</h1>
        <p>This link is not valid. Use the link at the bottom of an alert you received.</p>
      </>
    );
  }
  const stopped = subscription.state === "UNSUBSCRIBED";
  const stale = stopped ? [] : await staleFilters(subscription.search);
  return (
    <>
      <h1>Your alert</h1>
      {flags.confirmed ? <p role="status">Confirmed: new answers matching this search will be sent to {subscription.target}.</p> : null}
      {flags.saved ? <p role="status">Saved.</p> : null}
      {flags.unsubscribed || stopped ? <p role="status">Unsubscribed: nothing more will be sent for this search.</p> : null}
      <p>
        Search: <Link href={`/search${subscription.search ? `?${subscription.search}` : ""}`}>{describeSearch(subscription.search)}</Link>
        <br />
        Sent to: {subscription.target}
        <br />
        State: {stateLabel(subscription.state)}
        {subscription.disabledReason ? ` (${subscription.disabledReason})` : ""}
      </p>
      {stale.length ? (
        <p role="alert" className="form-error">
          This search may no longer find anything: {stale.join("; ")}. Follow the new name from its page to keep receiving alerts.
        </p>
      ) : null}
      {!stopped ? (
        <form action={manageAlertAction}>
          <input type="hidden" name="token" value={token} />
          <p>
            <label htmlFor="alert-frequency">How often</label>{" "}
            <select id="alert-frequency" name="frequency" defaultValue={subscription.frequency === "DAILY" ? "daily" : "immediate"}>
              <option value="immediate">As they are published</option>
              <option value="daily">Daily digest</option>
            </select>{" "}
            <button type="submit" name="intent" value="save">
              Save
            </button>
          </p>
          <p>
            <button type="submit" name="intent" value="unsubscribe">
              Unsubscribe
            </button>
          </p>
        </form>
      ) : null}
    </>
  );
}

function stateLabel(state: string): string {
  return { PENDING: "waiting for confirmation", ACTIVE: "active", UNSUBSCRIBED: "unsubscribed", DISABLED: "stopped" }[state] ?? state.toLowerCase();
}
