import Link from "next/link";
import { withParams, type SearchParams } from "@/lib/search/params";
import type { FilterGroup } from "@/lib/search/syntax";
import { FACET_LABELS, facetValueLabel, type FacetLabels } from "./facet-names";
import styles from "./search.module.css";

/** Every active filter with a link that removes just that one. */
export function activeFilters(params: SearchParams, labels?: FacetLabels): { label: string; href: string }[] {
  const items: { label: string; href: string }[] = [];
  for (const group of Object.keys(FACET_LABELS) as FilterGroup[]) {
    const values = params[group] as (string | number)[];
    for (const value of values) {
      const rest = values.filter((v) => v !== value);
      items.push({ label: `${FACET_LABELS[group].legend}: ${facetValueLabel(group, String(value), labels?.[group])}`, href: withParams(params, { [group]: rest }) });
    }
  }
  if (params.from) items.push({ label: `From ${params.from}`, href: withParams(params, { from: undefined }) });
  if (params.to) items.push({ label: `To ${params.to}`, href: withParams(params, { to: undefined }) });
  if (params.kind) items.push({ label: params.kind === "statement" ? "Statements only" : "Question-and-answer pairs only", href: withParams(params, { kind: undefined }) });
  return items;
}

export function ActiveFilters({ params, labels }: { params: SearchParams; labels?: FacetLabels }) {
  const items = activeFilters(params, labels);
  if (items.length === 0) return null;
  return (
    <ul className={styles.active} aria-label="Active filters">
      {items.map((item) => (
        <li key={item.href + item.label}>
          <Link href={item.href} aria-label={`Remove filter ${item.label}`}>
            {item.label} <span aria-hidden="true">×</span>
          </Link>
        </li>
      ))}
    </ul>
  );
}
