import Link from "next/link";
import { requireRoleForPage } from "@/lib/auth/guard";
import { auditFilterOptions, auditFilterSchema, listAuditEvents, type AuditFilter } from "@/lib/audit/query";

export const metadata = { title: "Audit log" };
export const dynamic = "force-dynamic";

type Search = Record<string, string | string[] | undefined>;

function pageHref(filter: AuditFilter, page: number): string {
  const query = new URLSearchParams();
  if (filter.user) query.set("user", String(filter.user));
  if (filter.action) query.set("action", filter.action);
  if (filter.targetType) query.set("targetType", filter.targetType);
  if (filter.from) query.set("from", filter.from);
  if (filter.to) query.set("to", filter.to);
  query.set("page", String(page));
  return `/editor/audit?${query}`;
}

export default async function AuditPage({ searchParams }: { searchParams: Promise<Search> }) {
  const viewer = await requireRoleForPage("EDITOR");
  const raw = await searchParams;
  const filter = auditFilterSchema.parse(Object.fromEntries(Object.entries(raw).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v])));
  const [{ rows, total, pages }, options] = await Promise.all([listAuditEvents(filter, viewer), auditFilterOptions(viewer)]);
  return (
    <>
      <h1>Audit log</h1>
      <form method="get" className="filters editor-form" aria-label="Filter the audit log">
        <p>
          <label htmlFor="audit-user">User</label>
          <select id="audit-user" name="user" defaultValue={filter.user ? String(filter.user) : ""}>
            <option value="">Anyone</option>
            {options.users.map((u) => (
              <option key={u.id} value={u.id}>
                {u.label}
              </option>
            ))}
          </select>
        </p>
        <p>
          <label htmlFor="audit-action">Action</label>
          <select id="audit-action" name="action" defaultValue={filter.action ?? ""}>
            <option value="">Any</option>
            {options.actions.map((a) => (
              <option key={a} value={a}>
                {a}
              </option>
            ))}
          </select>
        </p>
        <p>
          <label htmlFor="audit-target">Target</label>
          <select id="audit-target" name="targetType" defaultValue={filter.targetType ?? ""}>
            <option value="">Any</option>
            {options.targetTypes.map((t) => (
              <option key={t} value={t}>
                {t}
              </option>
            ))}
          </select>
        </p>
        <p>
          <label htmlFor="audit-from">From</label>
          <input id="audit-from" type="date" name="from" defaultValue={filter.from ?? ""} />
        </p>
        <p>
          <label htmlFor="audit-to">To</label>
          <input id="audit-to" type="date" name="to" defaultValue={filter.to ?? ""} />
        </p>
        <p>
          <button type="submit">Filter</button> <Link href="/editor/audit">Clear</Link>
        </p>
      </form>
      <p className="muted" role="status">
        {total} event{total === 1 ? "" : "s"}
        {pages > 1 ? `, page ${filter.page} of ${pages}` : ""}
      </p>
      <table>
        <caption className="visually-hidden">Editor actions, newest first</caption>
        <thead>
          <tr>
            <th scope="col">When (UTC)</th>
            <th scope="col">User</th>
            <th scope="col">Action</th>
            <th scope="col">Target</th>
            <th scope="col">Change</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.id}>
              <td>{row.createdAt.toISOString().slice(0, 19).replace("T", " ")}</td>
              <td>{row.userName ?? <span className="muted">system</span>}</td>
              <td>
                <code>{row.action}</code>
              </td>
              <td>
                {row.targetHref ? (
                  <Link href={row.targetHref}>
                    {row.targetType} {row.targetId}
                  </Link>
                ) : (
                  `${row.targetType} ${row.targetId}`
                )}
              </td>
              <td>
                {row.summary}
                {row.ip ? <span className="muted"> · from {row.ip}</span> : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {pages > 1 ? (
        <nav aria-label="Audit log pages">
          <p>
            {filter.page > 1 ? (
              <Link href={pageHref(filter, filter.page - 1)} rel="prev">
                Newer
              </Link>
            ) : null}
            {filter.page > 1 && filter.page < pages ? " · " : null}
            {filter.page < pages ? (
              <Link href={pageHref(filter, filter.page + 1)} rel="next">
                Older
              </Link>
            ) : null}
          </p>
        </nav>
      ) : null}
    </>
  );
}
