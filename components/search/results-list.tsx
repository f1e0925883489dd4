"use client";

import Link from "next/link";
import type { HitCounterpart } from "@/lib/alignment/hit-counterparts";
import { HitCounterparts } from "./hit-counterparts";
import styles from "./search.module.css";

/**
 * One hit as the list shows it. The list is a client component fed these compact props: a
 * server component's markup travels twice in the page (HTML and RSC payload), while a client
 * component's props are plain data in the payload, which keeps /search small on a phone.
 */
export type ListedHit = {
  /** A statement has no question: its text shows alone, and its link is its place in the transcript. */
  kind: "pair" | "statement";
  id: string;
  url: string;
  heading: string;
  lang: string;
  /** Snippet HTML: escaped by lib/search before <mark> was added. */
  q: string;
  a: string;
  conference: { title: string; slug: string; date: string | null };
};

function formatDay(iso: string | null): string {
  if (!iso) return "date unknown";
  return new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" }).format(new Date(`${iso}T00:00:00Z`));
}

/** Hits with highlighted snippets. */
export function ResultsList({ hits, firstNumber, counterparts = {} }: { hits: ListedHit[]; firstNumber: number; counterparts?: Record<string, HitCounterpart[]> }) {
  return (
    <ol className="card-list" start={firstNumber}>
      {hits.map((hit) => (
        <li key={hit.id} className={`card ${styles.hit}`} lang={hit.lang}>
          <h3>
            <Link href={hit.url}>{hit.heading}</Link>
          </h3>
          {hit.kind === "statement" ? (
            <p className={styles.snippet}>
              <span className={styles.snippetLabel}>Statement:</span>
              <span dangerouslySetInnerHTML={{ __html: hit.a }} />
            </p>
          ) : (
            <>
              <p className={styles.snippet}>
                <span className={styles.snippetLabel}>Q:</span>
                <span dangerouslySetInnerHTML={{ __html: hit.q }} />
              </p>
              {hit.a && (
                <p className={styles.snippet}>
                  <span className={styles.snippetLabel}>A:</span>
                  <span dangerouslySetInnerHTML={{ __html: hit.a }} />
                </p>
              )}
            </>
          )}
          <p className={styles.hitMeta} lang="en">
            <Link href={hit.kind === "statement" ? hit.url : `/conferences/${encodeURIComponent(hit.conference.slug)}#qa-${hit.id}`}>{hit.conference.title}</Link>
            {" · "}
            <time dateTime={hit.conference.date ?? undefined}>{formatDay(hit.conference.date)}</time>
            {" · "}
            <Link href={hit.url}>Permanent link</Link>
          </p>
          <HitCounterparts counterparts={counterparts[hit.id]} />
        </li>
      ))}
    </ol>
  );
}
