import Link from "next/link";
import { notFound } from "next/navigation";
import { ConferenceEditForm } from "@/components/editor/conference-edit-form";
import { RevisionList } from "@/components/editor/revision-list";
import { StatusForm } from "@/components/editor/status-form";
import { loadConferenceForEdit } from "@/lib/archive/edit-conference";
import { listRevisions } from "@/lib/archive/revisions";
import { requireRoleForPage } from "@/lib/auth/guard";
import { db } from "@/lib/db/client";
import { changeConferenceStatusAction, saveConferenceAction } from "./actions";

export const dynamic = "force-dynamic";

export async function generateMetadata({ params }: { params: Promise<{ slug: string }> }) {
  return { title: `Edit ${decodeURIComponent((await params).slug)}` };
}

export default async function EditConferencePage({ params }: { params: Promise<{ slug: string }> }) {
  await requireRoleForPage("EDITOR");
  const slug = decodeURIComponent((await params).slug);
  const conference = await loadConferenceForEdit(slug);
  if (!conference) notFound();
  const [revisions, pairs] = await Promise.all([
    listRevisions({ conferenceId: conference.id }),
    db().qaPair.findMany({
      where: { conferenceId: conference.id },
      orderBy: { ordinal: "asc" },
      select: { publicId: true, ordinal: true, status: true, turns: { where: { kind: "QUESTION" }, orderBy: { position: "asc" }, take: 1, select: { text: true } } },
    }),
  ]);
  return (
    <>
      <h1>Edit “{conference.snapshot.title}”</h1>
      <ul className="nav-inline">
        <li>
          <Link href={`/conferences/${encodeURIComponent(conference.slug)}`}>Public page of this conference</Link>
        </li>
        {conference.status !== "DRAFT" ? (
          <li>
            <Link href={`/editor/conferences/${encodeURIComponent(conference.slug)}/transcript`}>Edit the transcript (turns, speakers, pairs)</Link>
          </li>
        ) : null}
      </ul>
      <p>
        Status: <strong>{conference.status.toLowerCase()}</strong>
        {conference.statusReason ? ` (${conference.statusReason})` : ""} · version {conference.version} · {conference._count.pairs} pairs
      </p>
      <ConferenceEditForm slug={conference.slug} version={conference.version} initial={conference.snapshot} action={saveConferenceAction} />
      <h2>Unpublish, delete or restore</h2>
      <StatusForm what="conference" status={conference.status} version={conference.version} hidden={{ slug: conference.slug }} action={changeConferenceStatusAction} />
      <h2>Questions</h2>
      <ol className="card-list">
        {pairs.map((p) => (
          <li key={p.publicId} className="card">
            <Link href={`/editor/qa/${p.publicId}`}>Question {p.ordinal}</Link>
            {p.status !== "PUBLISHED" ? <span className="muted"> ({p.status.toLowerCase()})</span> : null}
            <span className="muted"> — {(p.turns[0]?.text ?? "").slice(0, 140)}</span>
          </li>
        ))}
      </ol>
      <h2>Revisions</h2>
      <RevisionList revisions={revisions} />
    </>
  );
}
