"use client";

import { useEffect, useState } from "react";

/**
 * Facet search for long lists (speakers, outlets...): with JavaScript, a box that asks
 * /api/v1/search/facets for values matching what is typed and offers them as checkboxes of
 * the same form. Without JavaScript the server-rendered list (top values) still works.
 */
export function FacetFinder({ group, label, shown, searchQuery }: { group: string; label: string; shown: string[]; searchQuery: string }) {
  const [text, setText] = useState("");
  const [values, setValues] = useState<{ value: string; count: number }[]>([]);
  const [checked, setChecked] = useState<Set<string>>(new Set());

  useEffect(() => {
    if (text.trim().length < 2) {
      setValues([]);
      return;
    }
    const controller = new AbortController();
    const timer = setTimeout(async () => {
      const query = new URLSearchParams(searchQuery);
      query.set("facet", group);
      query.set("fq", text.trim());
      try {
        const response = await fetch(`/api/v1/search/facets?${query}`, { signal: controller.signal });
        if (response.ok) setValues(((await response.json()) as { values: { value: string; count: number }[] }).values);
      } catch {
        /* aborted or offline: keep the previous suggestions */
      }
    }, 200);
    return () => {
      controller.abort();
      clearTimeout(timer);
    };
  }, [text, group, searchQuery]);

  const extra = values.filter((v) => !shown.includes(v.value)).slice(0, 10);
  const inputId = `find-${group}`;
  return (
    <div>
      <label htmlFor={inputId} className="visually-hidden">{`Find ${label}`}</label>
      <input id={inputId} type="text" data-no-navigate="" placeholder={`Find ${label}…`} value={text} onChange={(e) => setText(e.target.value)} autoComplete="off" style={{ font: "inherit", width: "100%", margin: ".25rem 0", padding: ".3rem .4rem" }} />
      {extra.length > 0 && (
        <ul style={{ listStyle: "none", margin: ".25rem 0", padding: 0 }} aria-label={`Matching ${label}`}>
          {extra.map((v, index) => {
            const id = `${group}-found-${index}`;
            return (
              <li key={v.value}>
                <input
                  type="checkbox"
                  id={id}
                  name={group}
                  value={v.value}
                  checked={checked.has(v.value)}
                  onChange={(e) => {
                    const next = new Set(checked);
                    if (e.target.checked) next.add(v.value);
                    else next.delete(v.value);
                    setChecked(next);
                  }}
                />{" "}
                <label htmlFor={id}>
                  {v.value} <span className="muted">({v.count})</span>
                </label>
              </li>
            );
          })}
        </ul>
      )}
    </div>
  );
}
