import Link from "next/link";
import { MAX_OFFSET, withParams, type SearchParams } from "@/lib/search/params";
import styles from "./search.module.css";

export function Pager({ params, total }: { params: SearchParams; total: number }) {
  const pages = Math.min(Math.ceil(total / params.limit), Math.floor((MAX_OFFSET - 1) / params.limit) + 1);
  if (pages <= 1) return null;
  const current = params.page;
  const shown = [...new Set([1, current - 2, current - 1, current, current + 1, current + 2, pages])].filter((p) => p >= 1 && p <= pages).sort((a, b) => a - b);
  const href = (page: number) => withParams(params, { page });
  return (
    <nav aria-label="Result pages">
      <ul className={styles.pager}>
        {current > 1 && (
          <li>
            <Link href={href(current - 1)} rel="prev">
              Previous
            </Link>
          </li>
        )}
        {shown.map((page, i) => (
          <li key={page}>
            {i > 0 && shown[i - 1] !== page - 1 && <span aria-hidden="true">… </span>}
            {page === current ? (
              <span aria-current="page">{page}</span>
            ) : (
              <Link href={href(page)} aria-label={`Page ${page}`}>
                {page}
              </Link>
            )}
          </li>
        ))}
        {current < pages && (
          <li>
            <Link href={href(current + 1)} rel="next">
              Next
            </Link>
          </li>
        )}
      </ul>
    </nav>
  );
}
