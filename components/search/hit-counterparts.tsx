import Link from "next/link";
import type { HitCounterpart } from "@/lib/alignment/hit-counterparts";
import styles from "./search.module.css";

/** Under a hit: the same exchange in the briefing's other language (lib/alignment). */
export function HitCounterparts({ counterparts }: { counterparts: HitCounterpart[] | undefined }) {
  if (!counterparts?.length) return null;
  return (
    <p className={styles.hitMeta} data-testid="hit-counterpart">
      {counterparts.map((c, i) => (
        <span key={c.id}>
          {i ? " · " : ""}
          <span lang="en">{c.label}: </span>
          <Link href={`/qa/${c.id}`} hrefLang={c.language} lang={c.language}>
            {c.question}
          </Link>
        </span>
      ))}
    </p>
  );
}
