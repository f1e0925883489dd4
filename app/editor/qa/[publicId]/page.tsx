import Link from "next/link";
import { notFound } from "next/navigation";
import { PairEditForm } from "@/components/editor/pair-edit-form";
import { CounterpartReview } from "@/components/editor/counterpart-review";
import { RevisionList } from "@/components/editor/revision-list";
import { pairLinksForEditor } from "@/lib/alignment/counterparts";
import { StatusForm } from "@/components/editor/status-form";
import { loadPairForEdit } from "@/lib/archive/edit-pair";
import { isPublicId } from "@/lib/archive/ids";
import { listRevisions } from "@/lib/archive/revisions";
import { requireRoleForPage } from "@/lib/auth/guard";
import { changePairStatusAction, pairLinkAction, savePairAction } from "./actions";

export const dynamic = "force-dynamic";

export async function generateMetadata({ params }: { params: Promise<{ publicId: string }> }) {
  return { title: `Edit pair ${(await params).publicId}` };
}

export default async function EditPairPage({ params }: { params: Promise<{ publicId: string }> }) {
  await requireRoleForPage("EDITOR");
  const { publicId } = await params;
  if (!isPublicId(publicId)) notFound();
  const pair = await loadPairForEdit(publicId);
  if (!pair) notFound();
  const [revisions, links] = await Promise.all([listRevisions({ qaPairId: pair.id }), pairLinksForEditor(pair.id)]);
  return (
    <>
      <h1>
        Edit question {pair.ordinal} of “{pair.conference.title}”
      </h1>
      <ul className="nav-inline">
        <li>
          <Link href={`/qa/${pair.publicId}`}>Public page of this answer</Link>
        </li>
        <li>
          <Link href={`/editor/conferences/${encodeURIComponent(pair.conference.slug)}`}>Edit the conference</Link>
        </li>
        <li>
          <Link href={`/editor/audit?targetType=QaPair`}>Audit log</Link>
        </li>
      </ul>
      <p>
        Status: <strong>{pair.status.toLowerCase()}</strong>
        {pair.statusReason ? ` (${pair.statusReason})` : ""} · version {pair.version}
        {pair.conference.status !== "PUBLISHED" ? ` · the conference is ${pair.conference.status.toLowerCase()}` : ""}
      </p>
      <PairEditForm publicId={pair.publicId} version={pair.version} initial={pair.snapshot} action={savePairAction} />
      <h2 id="counterparts">Other-language versions</h2>
      <CounterpartReview publicId={pair.publicId} links={links} action={pairLinkAction} />
      <h2>Unpublish or delete</h2>
      <StatusForm what="pair" status={pair.status} version={pair.version} hidden={{ publicId: pair.publicId }} action={changePairStatusAction} />
      <h2>Revisions</h2>
      <RevisionList revisions={revisions} />
    </>
  );
}
