import Link from "next/link";
import { toQueryString, type SearchParams } from "@/lib/search/params";
import type { SpellingCorrection } from "@/lib/search/spelling";

/** "Showing results for …; search instead for …" when the query's spelling was corrected. */
export function SpellingNotice({ spelling, params }: { spelling: SpellingCorrection; params: SearchParams }) {
  const asTyped = `/search${toQueryString({ ...params, q: spelling.original, spell: "off", page: 1 })}`;
  return (
    <p data-testid="spelling-notice">
      Showing results for <strong>{spelling.corrected}</strong>
      {spelling.searchOriginalToo ? " and what you typed" : ""}; search instead for{" "}
      <Link href={asTyped} rel="nofollow">
        {spelling.original}
      </Link>
      .
    </p>
  );
}
