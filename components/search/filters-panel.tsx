import type { SearchParams } from "@/lib/search/params";
import type { FacetValue, SearchResults } from "@/lib/search/query";
import type { FilterGroup } from "@/lib/search/syntax";
import { FacetFinder } from "./facet-finder";
import styles from "./search.module.css";

export const FACET_LABELS: Record<FilterGroup, { legend: string; noun: string }> = {
  speaker: { legend: "Answered by", noun: "speakers" },
  questioner: { legend: "Asked by", noun: "journalists" },
  outlet: { legend: "Outlet", noun: "outlets" },
  conference: { legend: "Conference", noun: "conferences" },
  organizer: { legend: "Organizer", noun: "organizers" },
  topic: { legend: "Topic", noun: "topics" },
  lang: { legend: "Language", noun: "languages" },
  year: { legend: "Year", noun: "years" },
};

const LANGUAGE_NAMES: Record<string, string> = { en: "English", zh: "Chinese" };
/** Display names for facet values that are keys: conference slugs get their titles. */
export type FacetLabels = Partial<Record<FilterGroup, Record<string, string>>>;
export const facetValueLabel = (group: FilterGroup, value: string, labels?: FacetLabels) =>
  group === "lang" ? (LANGUAGE_NAMES[value] ?? value) : (labels?.[group]?.[value] ?? value);

const VISIBLE = 8;
/**
 * At most this many values per group reach the page (the index returns up to 200): with all of
 * them the empty /search page was over 500 KB of HTML. The finder reaches every other value.
 */
export const RENDERED = 20;
const WITH_FINDER: FilterGroup[] = ["speaker", "questioner", "outlet", "organizer", "topic"];

function FacetGroup({ group, values, searchQuery, labels }: { group: FilterGroup; values: FacetValue[]; searchQuery: string; labels?: FacetLabels }) {
  if (values.length === 0) return null;
  const { legend, noun } = FACET_LABELS[group];
  // Selected values first, so they are never hidden behind "more".
  const ordered = [...values.filter((v) => v.selected), ...values.filter((v) => !v.selected)].slice(0, Math.max(RENDERED, values.filter((v) => v.selected).length));
  // Ids by position: facet values may hold spaces, which ids must not.
  const item = (v: FacetValue, index: number) => {
    const id = `f-${group}-${index}`;
    return (
      <li key={v.value}>
        <input type="checkbox" id={id} name={group} value={v.value} defaultChecked={v.selected} />
        <label htmlFor={id}>{facetValueLabel(group, v.value, labels)}</label>
        <span className={styles.count}>{v.count.toLocaleString("en")}</span>
      </li>
    );
  };
  return (
    <fieldset>
      <legend>{legend}</legend>
      <ul className={styles.facetList}>{ordered.slice(0, VISIBLE).map(item)}</ul>
      {ordered.length > VISIBLE && (
        <details>
          <summary>{`${ordered.length - VISIBLE} more ${noun}${values.length > ordered.length ? " (find the others below)" : ""}`}</summary>
          <ul className={styles.facetList}>{ordered.slice(VISIBLE).map((v, i) => item(v, i + VISIBLE))}</ul>
        </details>
      )}
      {WITH_FINDER.includes(group) && values.length > VISIBLE && (
        <FacetFinder group={group} label={noun} shown={Object.fromEntries(ordered.map((v, i) => [v.value, `f-${group}-${i}`]))} searchQuery={searchQuery} />
      )}
    </fieldset>
  );
}

/** Filter checkboxes with counts and the date range; part of the one GET search form. */
export function FiltersPanel({ results, params, searchQuery, labels }: { results: SearchResults | null; params: SearchParams; searchQuery: string; labels?: FacetLabels }) {
  const groups: FilterGroup[] = ["speaker", "questioner", "outlet", "conference", "organizer", "topic", "lang", "year"];
  return (
    <div className={styles.filters}>
      <h2 className="visually-hidden">Filters</h2>
      {results && groups.map((group) => <FacetGroup key={group} group={group} values={results.facets[group] ?? []} searchQuery={searchQuery} labels={labels} />)}
      <fieldset>
        <legend>Dates</legend>
        <div className={styles.dates}>
          <label>
            From <input type="date" name="from" defaultValue={params.from ?? ""} />
          </label>
          <label>
            To <input type="date" name="to" defaultValue={params.to ?? ""} />
          </label>
        </div>
      </fieldset>
      <button type="submit" className="secondary">Apply filters</button>
    </div>
  );
}
