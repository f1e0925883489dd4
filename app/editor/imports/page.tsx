import type { Metadata } from "next";
import Link from "next/link";
import { requireRoleForPage } from "@/lib/auth/guard";
import { listImportDrafts } from "@/lib/drafts/store";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Imports", robots: { index: false } };

export default async function ImportsPage() {
  await requireRoleForPage("EDITOR");
  const drafts = await listImportDrafts();
  return (
    <>
      <h1>Imports</h1>
      <p>
        <Link className="button" href="/editor/imports/new">
          Import a transcript
        </Link>
      </p>
      <h2>Recent drafts</h2>
      {drafts.length === 0 ? (
        <p>No drafts yet.</p>
      ) : (
        <ul className="card-list">
          {drafts.map((d) => (
            <li key={d.id} className="card">
              <Link href={`/editor/imports/${d.id}`}>{d.title || d.fileName || `Draft ${d.id}`}</Link>
              <div className="muted">
                {d.publishedAt ? `Published ${d.publishedAt.toISOString().slice(0, 10)}` : `Draft, last saved ${d.updatedAt.toISOString().slice(0, 16).replace("T", " ")} UTC`}
              </div>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
