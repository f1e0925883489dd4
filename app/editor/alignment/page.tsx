import Link from "next/link";
import { requireRoleForPage } from "@/lib/auth/guard";
import { listConferenceSuggestions, type SuggestedPage } from "@/lib/alignment/suggestions";
import { FormMessage } from "@/components/editor/form-message";
import { decideSuggestionAction } from "./actions";

export const metadata = { title: "Translation suggestions" };
export const dynamic = "force-dynamic";

function PageCell({ page }: { page: SuggestedPage }) {
  return (
    <>
      <Link href={`/conferences/${page.slug}`} lang={page.language}>
        {page.title}
      </Link>
      <span className="muted">
        {" "}
        · {page.heldOn ?? "undated"} · {page.language} · {page.pairs} pairs
      </span>
      {page.sourceUrl ? (
        <>
          {" "}
          · <a href={page.sourceUrl}>source</a>
        </>
      ) : null}
    </>
  );
}

export default async function AlignmentSuggestionsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await requireRoleForPage("EDITOR");
  const params = await searchParams;
  const done = typeof params.done === "string" ? params.done : null;
  const error = typeof params.error === "string" ? params.error : null;
  const suggestions = await listConferenceSuggestions();
  return (
    <>
      <h1>Translation suggestions</h1>
      <p className="muted">
        Pages the aligner could not pair with certainty: two pages of one briefing in a language, or versions too different to link. Accepting one links the two versions and pairs
        their exchanges; the other candidates of those pages are rejected. Rejected suggestions are never proposed again. Pair links are reviewed on each pair&apos;s editor page.
      </p>
      <FormMessage ok={done} error={error} />
      {suggestions.length === 0 ? (
        <p>No suggestions are waiting.</p>
      ) : (
        <table>
          <thead>
            <tr>
              <th scope="col">Page</th>
              <th scope="col">Suggested counterpart</th>
              <th scope="col">Why</th>
              <th scope="col">Decision</th>
            </tr>
          </thead>
          <tbody>
            {suggestions.map((s) => (
              <tr key={s.id} data-suggestion={s.id}>
                <td>
                  <PageCell page={s.first} />
                </td>
                <td>
                  <PageCell page={s.second} />
                </td>
                <td>
                  {s.reason ?? "uncertain"} (score {s.confidence.toFixed(2)})
                </td>
                <td>
                  <form action={decideSuggestionAction}>
                    <input type="hidden" name="id" value={s.id} />
                    <button type="submit" name="action" value="accept">
                      Accept
                    </button>{" "}
                    <button type="submit" name="action" value="reject" className="secondary">
                      Reject
                    </button>
                  </form>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}
