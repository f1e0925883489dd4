import Link from "next/link";
import { requireRoleForPage } from "@/lib/auth/guard";
import { db } from "@/lib/db/client";
import { formatDate } from "@/lib/catalog/format";

export const metadata = { title: "Dashboard" };
export const dynamic = "force-dynamic";

const dateTime = (d: Date) => d.toISOString().slice(0, 16).replace("T", " ") + " UTC";

export default async function EditorDashboard() {
  await requireRoleForPage("EDITOR");
  const [drafts, conferences] = await Promise.all([
    db().importDraft.findMany({ where: { publishedAt: null }, orderBy: { updatedAt: "desc" }, take: 20, select: { id: true, title: true, fileName: true, updatedAt: true } }),
    db().conference.findMany({
      where: { status: { not: "DRAFT" } },
      orderBy: { updatedAt: "desc" },
      take: 20,
      select: { slug: true, title: true, heldOn: true, status: true, updatedAt: true, _count: { select: { pairs: true } } },
    }),
  ]);
  return (
    <>
      <h1>Editor dashboard</h1>
      <p>
        <Link className="button" href="/editor/imports/new">
          Import a transcript
        </Link>{" "}
        <Link className="button secondary" href="/editor/search-settings">
          Search settings
        </Link>{" "}
        <Link className="button secondary" href="/editor/audit">
          Audit log
        </Link>{" "}
        <Link className="button secondary" href="/editor/alignment">
          Translation suggestions
        </Link>
      </p>
      <h2>Drafts in progress</h2>
      {drafts.length === 0 ? (
        <p className="muted">No unpublished drafts.</p>
      ) : (
        <ul className="card-list">
          {drafts.map((d) => (
            <li key={d.id} className="card">
              <Link href={`/editor/imports/${d.id}`}>{d.title ?? d.fileName ?? `Draft ${d.id}`}</Link>
              <span className="muted"> · updated {dateTime(d.updatedAt)}</span>
            </li>
          ))}
        </ul>
      )}
      <h2>Recently changed conferences</h2>
      {conferences.length === 0 ? (
        <p className="muted">Nothing published yet.</p>
      ) : (
        <table>
          <thead>
            <tr>
              <th scope="col">Conference</th>
              <th scope="col">Held on</th>
              <th scope="col">Pairs</th>
              <th scope="col">Status</th>
              <th scope="col">Changed</th>
            </tr>
          </thead>
          <tbody>
            {conferences.map((c) => (
              <tr key={c.slug}>
                <td>
                  <Link href={`/editor/conferences/${encodeURIComponent(c.slug)}`}>{c.title}</Link>
                </td>
                <td>{formatDate(c.heldOn)}</td>
                <td>{c._count.pairs}</td>
                <td>{c.status.toLowerCase()}</td>
                <td>{dateTime(c.updatedAt)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}
