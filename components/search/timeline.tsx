import Link from "next/link";
import { withParams, type SearchParams } from "@/lib/search/params";
import type { SearchResults } from "@/lib/search/query";
import styles from "./search.module.css";

const MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

function lastDayOfMonth(month: string): string {
  const [year, m] = month.split("-").map(Number);
  return `${month}-${String(new Date(Date.UTC(year, m, 0)).getUTCDate()).padStart(2, "0")}`;
}

/** Matching pairs per year (or month within one year); each bar narrows the search to its period. */
export function Timeline({ histogram, params }: { histogram: NonNullable<SearchResults["histogram"]>; params: SearchParams }) {
  const { buckets, granularity } = histogram;
  if (buckets.length < 2) return null;
  const max = Math.max(...buckets.map((b) => b.count));
  const label = (key: string) => (granularity === "year" ? key : `${MONTHS[Number(key.slice(5)) - 1]} ${key.slice(0, 4)}`);
  const href = (key: string) => (granularity === "year" ? withParams(params, { year: [Number(key)] }) : withParams(params, { from: `${key}-01`, to: lastDayOfMonth(key) }));
  return (
    <figure style={{ margin: 0 }}>
      <figcaption className="visually-hidden">{`Matching pairs per ${granularity}; choose a bar to narrow the search to that ${granularity}.`}</figcaption>
      <ul className={styles.chart}>
        {buckets.map((b) => (
          <li key={b.key}>
            <Link
              href={href(b.key)}
              style={{ height: `${Math.max(2, (b.count / max) * 100)}%` }}
              title={`${label(b.key)}: ${b.count}`}
              aria-label={`${label(b.key)}: ${b.count} pairs`}
            />
          </li>
        ))}
      </ul>
      <div className={styles.chartAxis} aria-hidden="true">
        <span>{label(buckets[0].key)}</span>
        <span>{label(buckets[buckets.length - 1].key)}</span>
      </div>
    </figure>
  );
}
