"use client";

import { useEffect, useState } from "react";

type Found = { value: string; count: number };

/**
 * Facet search for long lists (speakers, outlets...): with JavaScript, a box that asks
 * /api/v1/search/facets for values matching what is typed and shows every match as a checkbox
 * right under the box. A match that the server-rendered list already has (perhaps inside its
 * collapsed "more" part) is shown too, and ticking it ticks that list's checkbox, so the form
 * never sends a value twice. Without JavaScript the server-rendered list (top values) still works.
 */
export function FacetFinder({ group, label, shown, searchQuery }: { group: string; label: string; shown: Record<string, string>; searchQuery: string }) {
  const [text, setText] = useState("");
  const [values, setValues] = useState<Found[]>([]);
  const [checked, setChecked] = useState<Set<string>>(new Set());
  const [searched, setSearched] = useState(false);

  useEffect(() => {
    if (text.trim().length < 2) {
      // Clearing the box resets the found list in the same pass as the fetch effect it cancels.
      // eslint-disable-next-line react-hooks/set-state-in-effect
      setValues([]);
      setSearched(false);
      return;
    }
    const controller = new AbortController();
    const timer = setTimeout(async () => {
      const query = new URLSearchParams(searchQuery);
      query.set("facet", group);
      query.set("fq", text.trim());
      try {
        const response = await fetch(`/api/v1/search/facets?${query}`, { signal: controller.signal });
        if (response.ok) {
          setValues(((await response.json()) as { values: Found[] }).values);
          setSearched(true);
        }
      } catch {
        /* aborted or offline: keep the previous suggestions */
      }
    }, 200);
    return () => {
      controller.abort();
      clearTimeout(timer);
    };
  }, [text, group, searchQuery]);

  const listed = (value: string) => (shown[value] ? (document.getElementById(shown[value]) as HTMLInputElement | null) : null);
  const isChecked = (value: string) => listed(value)?.checked ?? checked.has(value);
  const toggle = (value: string, on: boolean) => {
    const box = listed(value);
    // The list's own checkbox carries the value; the form's change handler then searches.
    if (box) box.checked = on;
    const next = new Set(checked);
    if (on) next.add(value);
    else next.delete(value);
    setChecked(next);
  };

  const found = values.slice(0, 10);
  const inputId = `find-${group}`;
  return (
    <div>
      <label htmlFor={inputId} className="visually-hidden">{`Find ${label}`}</label>
      <input
        id={inputId}
        type="text"
        data-no-navigate=""
        placeholder={`Find ${label}…`}
        value={text}
        onChange={(e) => setText(e.target.value)}
        autoComplete="off"
        style={{ font: "inherit", width: "100%", margin: ".25rem 0", padding: ".3rem .4rem" }}
      />
      {searched && found.length === 0 ? <p className="muted" role="status">{`No ${label} match “${text.trim()}”.`}</p> : null}
      {found.length > 0 && (
        <ul style={{ listStyle: "none", margin: ".25rem 0", padding: 0 }} aria-label={`Matching ${label}`}>
          {found.map((v, index) => {
            const id = `${group}-found-${index}`;
            return (
              <li key={v.value}>
                <input
                  type="checkbox"
                  id={id}
                  // A value the list already has is sent by the list's checkbox, not this one.
                  name={shown[v.value] ? undefined : group}
                  value={v.value}
                  checked={isChecked(v.value)}
                  onChange={(e) => toggle(v.value, e.target.checked)}
                />{" "}
                <label htmlFor={id}>
                  {v.value} <span className="muted">({v.count.toLocaleString("en")})</span>
                </label>
              </li>
            );
          })}
        </ul>
      )}
    </div>
  );
}
