import Link from "next/link";
import { FollowSearch } from "@/components/alerts/follow-search";
import { mailConfigured } from "@/lib/alerts/mail";
import { SearchUnavailableError } from "@/lib/search/client";
import { searchRejection } from "@/lib/search/rejection";
import { SORTS, searchParamsSchema, toQueryString, type SearchParams } from "@/lib/search/params";
import { ALL_EXTRAS, searchPairs, type SearchResults } from "@/lib/search/query";
import { hitHeading, matchingPairCount } from "@/lib/search/hit-display";
import { conferenceTitles } from "@/lib/search/facet-labels";
import { MAX_OFFSET } from "@/lib/search/params";
import { counterpartsForHits } from "@/lib/alignment/hit-counterparts";
import { ActiveFilters, activeFilters } from "./active-filters";
import { FiltersDisclosure } from "./filters-disclosure";
import { FiltersPanel, RENDERED, type FacetLabels } from "./filters-panel";
import { LiveSearchForm } from "./live-search-form";
import { MatchNotice } from "./match-notice";
import { SpellingNotice } from "./spelling-notice";
import { Pager } from "./pager";
import { ResultsList } from "./results-list";
import { Timeline } from "./timeline";
import styles from "./search.module.css";

const SORT_LABELS: Record<(typeof SORTS)[number], string> = { relevance: "Best match", newest: "Newest first", oldest: "Oldest first" };

/**
 * The whole /search page, rendered on the server from the URL. Meilisearch being down or the
 * URL being invalid still renders the form, with a message saying what happened.
 */
export async function SearchResultsView({ raw, params: given, invalid }: { raw: Record<string, string | string[] | undefined>; params?: SearchParams; invalid?: string }) {
  const params = given ?? searchParamsSchema.parse({});
  let results: SearchResults | null = null;
  let unavailable: string | null = null;
  if (!invalid) {
    try {
      results = await searchPairs(params, ALL_EXTRAS);
    } catch (error) {
      const rejected = searchRejection(error);
      if (rejected) unavailable = rejected.message;
      else if (error instanceof SearchUnavailableError) unavailable = error.message;
      else throw error;
    }
  }
  const q = given ? params.q : typeof raw.q === "string" ? raw.q : "";
  const queryString = toQueryString({ ...params, page: 1 });
  const labels: FacetLabels = {
    conference: await conferenceTitles([...params.conference, ...(results?.facets.conference ?? []).slice(0, RENDERED).map((v) => v.value)]),
  };
  const activeCount = activeFilters(params).length;

  return (
    <div>
      <h1>{params.q ? `Search: ${params.q}` : "Search questions and answers"}</h1>
      <LiveSearchForm className={styles.layout}>
        <div style={{ gridColumn: "1 / -1" }}>
          <div className={styles.queryRow}>
            <label htmlFor="search-q" className="visually-hidden">
              Search questions and answers
            </label>
            <input id="search-q" name="q" type="search" defaultValue={q} placeholder={'Words, "exact phrase", -exclude'} autoComplete="off" />
            <label>
              <span className="visually-hidden">Order of results</span>
              <select name="sort" defaultValue={params.sort}>
                {SORTS.map((sort) => (
                  <option key={sort} value={sort}>
                    {SORT_LABELS[sort]}
                  </option>
                ))}
              </select>
            </label>
            <button type="submit">Search</button>
          </div>
          <p className="muted" style={{ margin: "-.5rem 0 1rem", fontSize: ".9rem" }}>
            Use quotes for an exact phrase (&quot;clean energy&quot;) and a minus to exclude a word (-tariffs). Chinese works too.
          </p>
        </div>
        <aside aria-label="Filters" className={styles.aside}>
          <FiltersDisclosure className={styles.disclosure} summary={activeCount ? `Filters (${activeCount} active)` : "Filters"}>
            <FiltersPanel results={results} params={params} searchQuery={queryString.slice(1)} labels={labels} />
          </FiltersDisclosure>
        </aside>
        <section aria-labelledby="results-heading">
          <h2 id="results-heading" className="visually-hidden">
            Results
          </h2>
          {invalid && (
            <p className={styles.notice} role="alert">
              {`This search address is not valid: ${invalid}.`} <Link href="/search">Start a new search</Link>.
            </p>
          )}
          {unavailable && (
            <p className={styles.notice} role="alert">
              {unavailable}
            </p>
          )}
          <p className={styles.status} role="status" aria-live="polite" aria-atomic="true">
            {results ? resultCount(results, params) : ""}
          </p>
          {results?.spelling && <SpellingNotice spelling={results.spelling} params={params} />}
          {results?.notice && <MatchNotice notice={results.notice} params={params} />}
          <ActiveFilters params={params} labels={labels} />
          {results?.histogram && (
            <div className={styles.timeline}>
              <Timeline histogram={results.histogram} params={params} />
            </div>
          )}
          {results && results.hits.length === 0 && <NoResults params={params} />}
          {results && results.hits.length > 0 && (
            <ResultsList
              counterparts={await counterpartsForHits(results.hits.map((hit) => hit.id))}
              hits={results.hits.map((hit) => ({
                kind: hit.kind,
                id: hit.id,
                url: hit.url,
                heading: hitHeading(hit),
                lang: hit.language,
                q: hit._formatted.question,
                a: hit._formatted.answer,
                conference: hit.conference,
              }))}
              firstNumber={(params.page - 1) * params.limit + 1}
            />
          )}
          {results && <Pager params={params} total={results.estimatedTotalHits} />}
          <p className="muted" style={{ marginTop: "1.5rem" }}>
            <a href={`/search/feed.xml${queryString}`}>Atom feed of this search</a> · <a href={`/api/v1/search${queryString}`}>This search as JSON</a>
          </p>
        </section>
      </LiveSearchForm>
      {/* Outside the search form: forms cannot nest. */}
      {!invalid && <FollowSearch search={queryString.slice(1)} emailAvailable={mailConfigured()} />}
    </div>
  );
}

function resultCount(results: SearchResults, params: SearchParams): string {
  const { count: total, exact } = matchingPairCount(results, params.lang, MAX_OFFSET);
  if (total === 0) return "No matching pairs.";
  const from = (results.page - 1) * results.limit + 1;
  const to = from + results.hits.length - 1;
  const count = `${exact ? "" : "more than "}${total.toLocaleString("en")} matching ${total === 1 ? "pair" : "pairs"}`;
  return `${count.charAt(0).toUpperCase()}${count.slice(1)}${results.hits.length && total > results.limit ? `, showing ${from}–${to}` : ""}.`;
}

function NoResults({ params }: { params: SearchParams }) {
  const filters = activeFilters(params);
  return (
    <div>
      <p>Nothing matches this search.</p>
      {filters.length > 0 ? (
        <>
          <p>Try removing a filter:</p>
          <ul>
            {filters.map((f) => (
              <li key={f.href + f.label}>
                <Link href={f.href}>{`Remove “${f.label}”`}</Link>
              </li>
            ))}
          </ul>
        </>
      ) : (
        <p>Check the spelling, use fewer words, or remove quotes and minus signs.</p>
      )}
    </div>
  );
}
