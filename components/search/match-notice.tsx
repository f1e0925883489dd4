import Link from "next/link";
import { toQueryString, type SearchParams } from "@/lib/search/params";
import type { MatchNotice as Notice } from "@/lib/search/did-you-mean";

/** "Did you mean …?" and which query words no result contains. */
export function MatchNotice({ notice, params }: { notice: Notice; params: SearchParams }) {
  return (
    <p className="muted" data-testid="match-notice">
      {notice.suggestion && (
        <>
          Did you mean <Link href={`/search${toQueryString({ ...params, q: notice.suggestion, page: 1 })}`}>{notice.suggestion}</Link>?{" "}
        </>
      )}
      {notice.missingWords.length > 0 && `Results match only some of your words; not found: ${notice.missingWords.join(", ")}.`}
    </p>
  );
}
