import Link from "next/link";
import { requireRoleForPage } from "@/lib/auth/guard";
import { alertListSchema, listSubscriptions } from "@/lib/alerts/editor";
import { mailConfigured } from "@/lib/alerts/mail";
import { describeSearch } from "@/lib/alerts/saved-search";
import { resumeAlertAction, stopAlertAction } from "./actions";

export const metadata = { title: "Alerts" };
export const dynamic = "force-dynamic";

const STATES = ["ACTIVE", "PENDING", "DISABLED", "UNSUBSCRIBED"] as const;

export default async function EditorAlertsPage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  await requireRoleForPage("EDITOR");
  const raw = await searchParams;
  const filter = alertListSchema.parse(raw);
  const { rows, total, pages, byState, backlog } = await listSubscriptions(filter);
  return (
    <>
      <h1>Alerts</h1>
      {!mailConfigured() ? (
        <p className="form-error" role="alert">
          Email not configured: SMTP_URL is not set, so readers cannot follow searches by email (they are told so; nothing is accepted and dropped). Webhooks still work. Set
          SMTP_URL (smtp://user:password@mail.example.org:587) and restart.
        </p>
      ) : (
        <p className="muted">Email is configured.</p>
      )}
      {raw.saved ? <p role="status">Subscription {raw.saved}.</p> : null}
      <p>
        {STATES.map((state) => `${byState[state] ?? 0} ${state.toLowerCase()}`).join(" · ")} · {backlog.unmatched} pairs waiting to be matched · {backlog.unsent} alerts waiting to
        be sent
      </p>
      <p className="nav-inline">
        <Link href="/editor/alerts">All</Link>{" "}
        {STATES.map((state) => (
          <Link key={state} href={`/editor/alerts?state=${state}`}>
            {state.toLowerCase()}
          </Link>
        ))}
      </p>
      <table>
        <thead>
          <tr>
            <th>Search</th>
            <th>Sent to</th>
            <th>How often</th>
            <th>State</th>
            <th>Sent</th>
            <th>Since</th>
            <th></th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.id}>
              <td>
                <Link href={`/search${row.search ? `?${row.search}` : ""}`}>{describeSearch(row.search)}</Link>
              </td>
              <td>
                {row.channel === "WEBHOOK" ? "webhook " : ""}
                {row.target}
              </td>
              <td>{row.frequency.toLowerCase()}</td>
              <td>
                {row.state.toLowerCase()}
                {row.disabledReason ? <div className="muted">{row.disabledReason}</div> : row.lastError ? <div className="muted">last error: {row.lastError}</div> : null}
              </td>
              <td>{row._count.deliveries}</td>
              <td>{row.createdAt.toISOString().slice(0, 10)}</td>
              <td>
                {row.state === "DISABLED" ? (
                  <form action={resumeAlertAction}>
                    <input type="hidden" name="id" value={row.id} />
                    <button type="submit">Resume</button>
                  </form>
                ) : null}
                {row.state !== "UNSUBSCRIBED" ? (
                  <form action={stopAlertAction}>
                    <input type="hidden" name="id" value={row.id} />
                    <button type="submit">Stop</button>
                  </form>
                ) : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="muted">
        {total} subscriptions · page {filter.page} of {pages}
        {filter.page < pages ? (
          <>
            {" "}
            · <Link href={`/editor/alerts?${new URLSearchParams({ ...(filter.state ? { state: filter.state } : {}), page: String(filter.page + 1) })}`}>Next page</Link>
          </>
        ) : null}
      </p>
    </>
  );
}
