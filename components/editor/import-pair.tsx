import type { EditablePair } from "@/lib/drafts/model";
import { needsReview } from "@/lib/drafts/model";
import { DraftForm, ImportTurn, type DraftFormContext } from "./import-turn";
import styles from "./import-review.module.css";

const FLAG_TEXT: Record<string, string> = {
  answer_without_question: "answer without a question",
  no_answer: "no answer",
  no_question_label: "question had no label",
  speaker_unknown: "speaker unknown",
  moderator_only_answer: "only the moderator answers",
  multi_answerer: "several answerers",
  follow_up: "follow-up",
  short_question: "short question",
  short_answer: "short answer",
};

export const flagText = (flag: string) => FLAG_TEXT[flag] ?? flag.replaceAll("_", " ");

export function ImportPair({ context, pair, number }: { context: DraftFormContext; pair: EditablePair; number: number }) {
  const doubtful = needsReview(pair);
  return (
    <section id={`pair-${pair.id}`} className={styles.pairCard} aria-labelledby={`pair-${pair.id}-heading`}>
      <h3 id={`pair-${pair.id}-heading`}>
        Pair {number}
        {doubtful ? <span className="visually-hidden"> (needs review)</span> : null}
      </h3>
      {pair.flags.length ? (
        <p>
          {pair.flags.map((f) => (
            <span key={f} className={styles.flag}>
              {flagText(f)}
            </span>
          ))}
        </p>
      ) : null}
      <ImportTurn context={context} turn={pair.question} kind="question" pairNumber={number} />
      {pair.answers.length === 0 ? <p className="muted">No answer yet: move an answer here or merge this pair into the previous one.</p> : null}
      {pair.answers.map((answer) => (
        <ImportTurn key={answer.id} context={context} turn={answer} kind="answer" pairNumber={number} />
      ))}
      <DraftForm context={context} anchor={`pair-${pair.id}`} extra={{ pairId: pair.id }}>
        {doubtful ? (
          <button type="submit" className="secondary" name="op" value="markReviewed">
            Mark pair {number} reviewed
          </button>
        ) : null}
        {number > 1 ? (
          <button type="submit" className="secondary" name="op" value="mergePairIntoPrevious">
            Not a new question: merge into pair {number - 1}
          </button>
        ) : null}
      </DraftForm>
    </section>
  );
}
