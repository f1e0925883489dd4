"use client";

import { useRouter } from "next/navigation";
import { useEffect, useRef, type ReactNode } from "react";

const DEBOUNCE_MS = 250;

/**
 * The search form. Without JavaScript it is a plain GET form with a submit button; with it,
 * typing (debounced) and ticking filters update the URL in place, so results follow and
 * the input keeps focus. Only the query string leaves this component: no search code or key.
 */
export function LiveSearchForm({ children, className }: { children: ReactNode; className?: string }) {
  const router = useRouter();
  const form = useRef<HTMLFormElement>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);

  useEffect(() => () => clearTimeout(timer.current), []);

  function navigate() {
    const element = form.current;
    if (!element) return;
    const query = new URLSearchParams();
    for (const [key, value] of new FormData(element)) {
      // Empty fields and the defaults stay out of the URL, as in the server-built links.
      if (typeof value === "string" && value !== "" && !(key === "sort" && value === "relevance")) query.append(key, value);
    }
    const text = query.toString();
    router.replace(text ? `/search?${text}` : "/search", { scroll: false });
  }

  function schedule(delay: number) {
    clearTimeout(timer.current);
    timer.current = setTimeout(navigate, delay);
  }

  return (
    <form
      ref={form}
      action="/search"
      method="get"
      role="search"
      className={className}
      onInput={(event) => {
        const target = event.target as unknown as HTMLInputElement;
        // Facet finder boxes search facet values, not pairs.
        if (target.dataset.noNavigate !== undefined) return;
        if (target.type === "search" || target.type === "text") schedule(DEBOUNCE_MS);
      }}
      onChange={(event) => {
        const target = event.target as unknown as HTMLInputElement;
        if (target.dataset.noNavigate !== undefined) return;
        if (target.type === "checkbox" || target.type === "date" || target.tagName === "SELECT") schedule(0);
      }}
      onSubmit={(event) => {
        event.preventDefault();
        schedule(0);
      }}
    >
      {children}
    </form>
  );
}
