import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { requireRoleForPage } from "@/lib/auth/guard";
import { DraftNotReadyError } from "@/lib/drafts/conference";
import { needsReview } from "@/lib/drafts/model";
import { isSpeakerFlag } from "@/lib/transcripts";
import { DraftNotFoundError, loadImportDraft, planPublish, type PublishPlan } from "@/lib/drafts/store";
import { ImportLeftOut } from "@/components/editor/import-left-out";
import { ImportMetadataForm } from "@/components/editor/import-metadata-form";
import { flagText, ImportPair } from "@/components/editor/import-pair";
import { ImportPeople } from "@/components/editor/import-people";
import { ImportPublish } from "@/components/editor/import-publish";
import { ImportSource } from "@/components/editor/import-source";
import { ImportSpeakerFlag } from "@/components/editor/import-speaker-flag";
import { ImportTurn, type DraftFormContext } from "@/components/editor/import-turn";
import styles from "@/components/editor/import-review.module.css";
import { editDraftAction, publishDraftAction } from "./actions";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Review import", robots: { index: false } };

type Props = { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

export default async function ReviewImportPage({ params, searchParams }: Props) {
  await requireRoleForPage("EDITOR");
  const { id: rawId } = await params;
  const query = await searchParams;
  const id = /^\d{1,9}$/.test(rawId) ? Number(rawId) : NaN;
  if (!Number.isSafeInteger(id)) notFound();
  const stored = await loadImportDraft(id).catch((error: unknown) => {
    if (error instanceof DraftNotFoundError) notFound();
    throw error;
  });
  const { draft } = stored;
  const context: DraftFormContext = { draftId: stored.id, version: stored.version, action: editDraftAction };

  let plan: PublishPlan | null = null;
  let problems: string[] = [];
  if (!stored.publishedAt) {
    try {
      plan = await planPublish(stored.id);
    } catch (error) {
      if (!(error instanceof DraftNotReadyError)) throw error;
      problems = error.problems;
    }
  }
  const flagged = draft.pairs.map((pair, index) => ({ pair, number: index + 1 })).filter(({ pair }) => needsReview(pair));
  const error = one(query.error);

  return (
    <>
      <p>
        <Link href="/editor/imports">← Imports</Link>
      </p>
      <h1>Review import: {draft.metadata.title || stored.fileName || `draft ${stored.id}`}</h1>
      <p className="muted">
        {stored.fileName ? `${stored.fileName} · ` : "Pasted text · "}
        {draft.pairs.length} pairs, {draft.statements.length} opening statements · draft version {stored.version}
      </p>
      <div id="messages" tabIndex={-1}>
        {one(query.conflict) ? (
          <p role="alert" className={styles.alert}>
            This draft was changed in another tab or by another editor since you loaded it. Your last change was not saved; the page now shows the current version, so make it again
            here.
          </p>
        ) : null}
        {one(query.conflict) && one(query.attempted) ? (
          <div className={styles.alert}>
            <label htmlFor="attempted-change">The change that was not saved</label>
            <textarea id="attempted-change" readOnly rows={4} style={{ width: "100%", font: "inherit" }} defaultValue={one(query.attempted)} />
          </div>
        ) : null}
        {error ? (
          <p role="alert" className={styles.alert}>
            {error}
          </p>
        ) : null}
        {one(query.confirm) ? (
          <p role="alert" className={styles.alert}>
            A conference from this source already exists; review the changes under Publish and confirm.
          </p>
        ) : null}
        {(error || one(query.conflict)) && one(query.from) ? (
          <p>
            <a href={`#${one(query.from)!.replace(/[^a-z0-9-]/gi, "")}`}>Back to where you were</a>
          </p>
        ) : null}
        {one(query.saved) ? (
          <p role="status" className={styles.notice}>
            Saved (version {one(query.saved)}).
          </p>
        ) : null}
      </div>
      {stored.publishedAt ? (
        <p className={styles.notice}>
          Published {stored.publishedAt.toISOString().slice(0, 16).replace("T", " ")} UTC
          {stored.conferenceSlug ? (
            <>
              {" "}
              as <Link href={`/conferences/${stored.conferenceSlug}`}>/conferences/{stored.conferenceSlug}</Link>
            </>
          ) : null}
          . To change it, edit the conference or start a new import of a newer version.
        </p>
      ) : null}

      <ImportSpeakerFlag draft={draft} />

      <section aria-labelledby="review-heading">
        <h2 id="review-heading">Needs review ({flagged.length})</h2>
        {flagged.length === 0 ? (
          <p>No pair is flagged.</p>
        ) : (
          <ul>
            {flagged.map(({ pair, number }) => (
              <li key={pair.id}>
                <a href={`#pair-${pair.id}`}>Pair {number}</a>: {pair.flags.map(flagText).join(", ") || "no answer"} —{" "}
                <span className="muted">{pair.question.text.slice(0, 120)}</span>
              </li>
            ))}
          </ul>
        )}
        {draft.warnings.some((w) => !isSpeakerFlag(w)) ? <p className="muted">Parser notes: {draft.warnings.filter((w) => !isSpeakerFlag(w)).join("; ")}.</p> : null}
      </section>

      <ImportMetadataForm context={context} metadata={draft.metadata} />
      <ImportPeople context={context} draft={draft} />

      <div className={styles.columns}>
        <section aria-labelledby="draft-heading">
          <h2 id="draft-heading">Parsed draft</h2>
          {draft.statements.length ? (
            <section aria-labelledby="statements-heading" className={styles.pairCard}>
              <h3 id="statements-heading">Opening statements</h3>
              {draft.statements.map((t) => (
                <ImportTurn key={t.id} context={context} turn={t} kind="statement" />
              ))}
            </section>
          ) : null}
          {draft.pairs.map((pair, index) => (
            <ImportPair key={pair.id} context={context} pair={pair} number={index + 1} />
          ))}
          <ImportLeftOut context={context} draft={draft} sourceText={stored.sourceText} />
        </section>
        <ImportSource sourceText={stored.sourceText} draft={draft} />
      </div>

      {stored.publishedAt ? null : <ImportPublish context={{ ...context, action: publishDraftAction }} plan={plan} problems={problems} />}
    </>
  );
}
