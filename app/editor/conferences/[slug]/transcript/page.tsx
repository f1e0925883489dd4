import Link from "next/link";
import { notFound } from "next/navigation";
import { PublishedTurn, TranscriptForm, type TranscriptFormContext } from "@/components/editor/published-turn";
import { loadTranscriptForEdit } from "@/lib/archive/edit-transcript-view";
import { requireRoleForPage } from "@/lib/auth/guard";
import { editTranscriptAction } from "./actions";
import styles from "@/components/editor/import-review.module.css";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ slug: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };
const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

export async function generateMetadata({ params }: Props) {
  return { title: `Edit the transcript of ${decodeURIComponent((await params).slug)}` };
}

export default async function EditTranscriptPage({ params, searchParams }: Props) {
  await requireRoleForPage("EDITOR");
  const slug = decodeURIComponent((await params).slug);
  const query = await searchParams;
  const transcript = await loadTranscriptForEdit(slug);
  if (!transcript) notFound();
  const { conference, draft, interludes, publicIdOf, statusOf } = transcript;
  const context: TranscriptFormContext = { slug: conference.slug, version: conference.version, action: editTranscriptAction };
  const error = one(query.error);
  const from = one(query.from);
  return (
    <>
      <h1>Edit the transcript of “{conference.title}”</h1>
      <ul className="nav-inline">
        <li>
          <Link href={`/conferences/${encodeURIComponent(conference.slug)}`} prefetch={false}>
            Public page
          </Link>
        </li>
        <li>
          <Link href={`/editor/conferences/${encodeURIComponent(conference.slug)}`}>Conference details and revisions</Link>
        </li>
      </ul>
      <p>
        Status: <strong>{conference.status.toLowerCase()}</strong> · version {conference.version}. Every change is saved as a revision (a deleted turn&apos;s text stays in it) and
        shows on the public pages at once.
      </p>
      <div id="messages" tabIndex={-1}>
        {error ? (
          <p role="alert" className={styles.alert}>
            {error}
            {from ? (
              <>
                {" "}
                <a href={`#turn-${from}`}>Back to the turn</a>
              </>
            ) : null}
          </p>
        ) : null}
        {one(query.saved) ? (
          <p role="status" className={styles.notice}>
            Saved (version {one(query.saved)}): {one(query.message)}.
          </p>
        ) : null}
      </div>
      <datalist id="transcript-speakers">
        {draft.speakers.map((s) => (
          <option key={s.label} value={s.label} />
        ))}
      </datalist>
      <datalist id="transcript-outlets">
        {draft.outlets.map((o) => (
          <option key={o} value={o} />
        ))}
      </datalist>
      {draft.statements.length ? (
        <section className={styles.pairCard} aria-labelledby="statements-heading">
          <h2 id="statements-heading">Opening statements</h2>
          {draft.statements.map((t) => (
            <PublishedTurn key={t.id} context={context} turn={t} kind="statement" />
          ))}
        </section>
      ) : null}
      {draft.pairs.map((pair, index) => (
        <section key={pair.id} id={`turn-${pair.id}`} className={styles.pairCard} aria-labelledby={`${pair.id}-heading`}>
          <h2 id={`${pair.id}-heading`}>
            Question {index + 1}{" "}
            <small className="muted">
              {/* No prefetch: it would render (and cache) the public page while this editor is changing it. */}
              <Link href={`/qa/${publicIdOf.get(pair.id)}`} prefetch={false}>
                {publicIdOf.get(pair.id)}
              </Link>
              {statusOf.get(pair.id) !== "PUBLISHED" ? ` (${statusOf.get(pair.id)?.toLowerCase()})` : ""}
              {" · "}
              <Link href={`/editor/qa/${publicIdOf.get(pair.id)}`}>topics and status</Link>
            </small>
          </h2>
          <PublishedTurn context={context} turn={pair.question} kind="question" pairNumber={index + 1} />
          {pair.answers.map((a) => (
            <PublishedTurn key={a.id} context={context} turn={a} kind="answer" pairNumber={index + 1} isLastAnswer={pair.answers.length === 1} />
          ))}
          <details className={styles.controls}>
            <summary>Really a statement?</summary>
            <TranscriptForm context={context} extra={{ pairId: pair.id }} label={`Turn question ${index + 1} into statements`}>
              <div className={styles.field}>
                <label htmlFor={`statements-note-${pair.id}`}>Public correction note (optional)</label>
                <input id={`statements-note-${pair.id}`} name="correctionNote" maxLength={1000} />
              </div>
              <p>
                <button type="submit" className="secondary" name="op" value="pairToStatements">
                  Turn question {index + 1} into statements
                </button>{" "}
                <span className="muted">Its turns stay where they are, as statements; its link will lead there.</span>
              </p>
            </TranscriptForm>
          </details>
          {index > 0 ? (
            <details className={styles.controls}>
              <summary>Not a new question?</summary>
              <TranscriptForm context={context} extra={{ pairId: pair.id }} label={`Merge question ${index + 1} into question ${index}`}>
                <div className={styles.field}>
                  <label htmlFor={`note-${pair.id}`}>Public correction note (optional)</label>
                  <input id={`note-${pair.id}`} name="correctionNote" maxLength={1000} />
                </div>
                <p>
                  <button type="submit" className="secondary" name="op" value="mergePairIntoPrevious">
                    Merge into question {index}
                  </button>{" "}
                  <span className="muted">Its link will lead to question {index}.</span>
                </p>
              </TranscriptForm>
            </details>
          ) : null}
          {interludes.get(pair.id)?.length ? (
            <div aria-label={`Statements after question ${index + 1}`}>
              <h3>Statements after question {index + 1}</h3>
              {interludes.get(pair.id)!.map((t) => (
                <PublishedTurn key={t.id} context={context} turn={t} kind="statement" />
              ))}
            </div>
          ) : null}
        </section>
      ))}
    </>
  );
}
