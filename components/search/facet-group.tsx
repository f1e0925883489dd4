"use client";

import type { FilterGroup } from "@/lib/search/syntax";
import { FacetFinder } from "./facet-finder";
import { FACET_LABELS, facetValueLabel } from "./facet-names";
import styles from "./search.module.css";

/** [value, count, selected]: compact, since a client component's props travel in the page's RSC payload too. */
export type CompactFacetValue = [string, number, 0 | 1];

const VISIBLE = 8;
const WITH_FINDER: FilterGroup[] = ["speaker", "questioner", "outlet", "organizer", "topic"];

/**
 * One facet group's checkboxes, selected values first. `more` says how many values the index
 * had beyond the ones sent; the finder below the list reaches them and every other value.
 */
export function FacetGroup({
  group,
  values,
  more,
  labels,
  searchQuery,
}: {
  group: FilterGroup;
  values: CompactFacetValue[];
  more: number;
  labels?: Record<string, string>;
  searchQuery: string;
}) {
  if (values.length === 0) return null;
  const { legend, noun } = FACET_LABELS[group];
  // Ids by position: facet values may hold spaces, which ids must not.
  const item = ([value, count, selected]: CompactFacetValue, index: number) => {
    const id = `f-${group}-${index}`;
    return (
      <li key={value}>
        <input type="checkbox" id={id} name={group} value={value} defaultChecked={selected === 1} />
        <label htmlFor={id}>{facetValueLabel(group, value, labels)}</label>
        <span className={styles.count}>{count.toLocaleString("en")}</span>
      </li>
    );
  };
  return (
    <fieldset>
      <legend>{legend}</legend>
      <ul className={styles.facetList}>{values.slice(0, VISIBLE).map(item)}</ul>
      {values.length > VISIBLE && (
        <details>
          <summary>{`${values.length - VISIBLE} more ${noun}`}</summary>
          <ul className={styles.facetList}>{values.slice(VISIBLE).map((v, i) => item(v, i + VISIBLE))}</ul>
        </details>
      )}
      {WITH_FINDER.includes(group) && values.length + more > VISIBLE && (
        <FacetFinder group={group} label={noun} shown={Object.fromEntries(values.map(([value], i) => [value, `f-${group}-${i}`]))} searchQuery={searchQuery} />
      )}
      {more > 0 && !WITH_FINDER.includes(group) ? <p className={styles.count}>{`and ${more.toLocaleString("en")} more`}</p> : null}
    </fieldset>
  );
}
