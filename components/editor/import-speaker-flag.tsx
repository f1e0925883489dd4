import type { EditableDraft } from "@/lib/drafts/model";
import { isSpeakerFlag } from "@/lib/transcripts";
import styles from "./import-review.module.css";

/**
 * An unlabelled or one-speaker transcript imports as a draft (nothing is refused or lost), so
 * the review says first, and plainly, what the editor has to do before it can be published.
 */
export function ImportSpeakerFlag({ draft }: { draft: EditableDraft }) {
  const flags = draft.warnings.filter(isSpeakerFlag);
  if (flags.length === 0) return null;
  const turns = [...draft.statements, ...draft.pairs.flatMap((p) => p.answers)];
  const unattributed = turns.filter((t) => t.speaker === null).length;
  return (
    <section aria-labelledby="speaker-flag-heading" className={styles.alert} id="speaker-flag">
      <h2 id="speaker-flag-heading">Speakers to assign</h2>
      {flags.map((flag) => (
        <p key={flag}>{flag}.</p>
      ))}
      <p>
        Open &ldquo;Fix this statement&rdquo; on a turn to set its speaker and role, split it where someone else starts speaking, or merge it with the next one. &ldquo;Make this a
        question&rdquo; starts a pair at a reporter&rsquo;s turn; the turns after it become its answers until you make the next question.
      </p>
      <p>
        {draft.pairs.length} pair{draft.pairs.length === 1 ? "" : "s"} so far;{" "}
        {unattributed === 0 ? "every statement and answer has a speaker." : `${unattributed} statement or answer turn${unattributed === 1 ? " has" : "s have"} no speaker yet.`}
      </p>
    </section>
  );
}
