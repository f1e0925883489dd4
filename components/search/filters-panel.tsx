import type { SearchParams } from "@/lib/search/params";
import type { SearchResults } from "@/lib/search/query";
import type { FilterGroup } from "@/lib/search/syntax";
import { FacetGroup, type CompactFacetValue } from "./facet-group";
import type { FacetLabels } from "./facet-names";
import styles from "./search.module.css";

export { FACET_LABELS, facetValueLabel, type FacetLabels } from "./facet-names";

/**
 * At most this many values per group reach the page (the index returns up to 200): with all of
 * them the empty /search page was over 500 KB of HTML. The finder reaches every other value.
 */
export const RENDERED = 12;
const GROUPS: FilterGroup[] = ["speaker", "questioner", "outlet", "conference", "organizer", "topic", "lang", "year"];

/** Filter checkboxes with counts and the date range; part of the one GET search form. */
export function FiltersPanel({ results, params, searchQuery, labels }: { results: SearchResults | null; params: SearchParams; searchQuery: string; labels?: FacetLabels }) {
  return (
    <div className={styles.filters}>
      <h2 className="visually-hidden">Filters</h2>
      {results &&
        GROUPS.map((group) => {
          const all = results.facets[group] ?? [];
          const selected = all.filter((v) => v.selected);
          // Selected values first, so they are never hidden behind "more" or left out.
          const shown = [...selected, ...all.filter((v) => !v.selected)].slice(0, Math.max(RENDERED, selected.length));
          const values = shown.map((v): CompactFacetValue => [v.value, v.count, v.selected ? 1 : 0]);
          const names = labels?.[group] ? Object.fromEntries(shown.flatMap((v) => (labels[group]![v.value] ? [[v.value, labels[group]![v.value]]] : []))) : undefined;
          return <FacetGroup key={group} group={group} values={values} more={all.length - shown.length} labels={names} searchQuery={searchQuery} />;
        })}
      <fieldset>
        <legend>Show</legend>
        {/* Statements: opening and closing remarks, outside any question-and-answer pair. */}
        <select name="kind" defaultValue={params.kind ?? ""} aria-label="Show pairs, statements or both">
          <option value="">Pairs and statements</option>
          <option value="pair">Question-and-answer pairs</option>
          <option value="statement">Statements only</option>
        </select>
      </fieldset>
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
      <button type="submit" className="secondary">
        Apply filters
      </button>
    </div>
  );
}
