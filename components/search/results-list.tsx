import Link from "next/link";
import type { SearchHit } from "@/lib/search/query";
import { askerLabel } from "@/lib/search/hit-display";
import styles from "./search.module.css";

function formatDay(iso: string | null): string {
  if (!iso) return "date unknown";
  return new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" }).format(new Date(`${iso}T00:00:00Z`));
}

/** Hits with highlighted snippets. The snippet HTML was escaped by lib/search before <mark> was added. */
export function ResultsList({ hits, firstNumber }: { hits: SearchHit[]; firstNumber: number }) {
  return (
    <ol className="card-list" start={firstNumber}>
      {hits.map((hit) => {
        const speakers = hit.answerSpeakers.join(", ") || "unnamed speaker";
        const asker = askerLabel(hit.questioner, hit.outlet);
        return (
          <li key={hit.id} className={`card ${styles.hit}`} lang={hit.language}>
            <h3>
              <Link href={hit.url}>{`${speakers} answers${asker ? ` ${asker}` : ""}`}</Link>
            </h3>
            <p className={styles.snippet}>
              <span className={styles.snippetLabel}>Q:</span>
              <span dangerouslySetInnerHTML={{ __html: hit._formatted.question }} />
            </p>
            {hit._formatted.answer && (
              <p className={styles.snippet}>
                <span className={styles.snippetLabel}>A:</span>
                <span dangerouslySetInnerHTML={{ __html: hit._formatted.answer }} />
              </p>
            )}
            <p className={styles.hitMeta} lang="en">
              <Link href={`/conferences/${encodeURIComponent(hit.conference.slug)}#qa-${hit.id}`}>{hit.conference.title}</Link>
              {" · "}
              <time dateTime={hit.conference.date ?? undefined}>{formatDay(hit.conference.date)}</time>
              {" · "}
              <Link href={hit.url}>Permanent link</Link>
            </p>
          </li>
        );
      })}
    </ol>
  );
}
