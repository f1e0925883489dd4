import type { EditableDraft } from "@/lib/drafts/model";
import { sourceSegments } from "@/lib/drafts/source-segments";
import styles from "./import-review.module.css";

/**
 * The source exactly as received, as plain text (React escapes it; nothing in a transcript is
 * ever rendered as HTML), with the parts the draft took highlighted and linked to their turn.
 */
export function ImportSource({ sourceText, draft }: { sourceText: string; draft: EditableDraft }) {
  const segments = sourceSegments(sourceText, draft);
  return (
    <section className={styles.source} aria-labelledby="source-heading">
      <h2 id="source-heading">Source text</h2>
      <p className="muted">Highlighted: text taken into a turn (↗ jumps to it). Struck through: noise left out; its reason is listed under the draft.</p>
      <pre className={styles.sourceText}>
        {segments.map((segment, index) => {
          if (segment.kind === "plain") return segment.text;
          if (segment.kind === "turn") {
            return (
              <span key={index} id={segment.first ? `src-${segment.turnId}` : undefined} className={styles.spanTurn} title={segment.label}>
                <a className={styles.jump} href={`#turn-${segment.turnId}`} aria-label={`Go to the turn by ${segment.label} in the draft`}>
                  ↗
                </a>
                {segment.text}
              </span>
            );
          }
          return (
            <span key={index} className={segment.kind === "header" ? styles.spanHeader : styles.spanDropped} title={segment.label}>
              {segment.text}
            </span>
          );
        })}
      </pre>
    </section>
  );
}
