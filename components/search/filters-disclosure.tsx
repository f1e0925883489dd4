"use client";

import { useEffect, useRef, type ReactNode } from "react";

const WIDE = "(min-width: 48rem)";

/**
 * The filters, behind a "Filters" button on narrow screens so that results come first. It is a
 * <details>, so it opens and closes without JavaScript; on wide screens the CSS shows its content
 * beside the results anyway (::details-content), and this script also opens it for browsers
 * without that selector.
 */
export function FiltersDisclosure({ summary, children, className }: { summary: string; children: ReactNode; className?: string }) {
  const ref = useRef<HTMLDetailsElement>(null);
  useEffect(() => {
    const query = window.matchMedia(WIDE);
    if (query.matches && ref.current) ref.current.open = true;
  }, []);
  return (
    <details ref={ref} className={className}>
      <summary>{summary}</summary>
      {children}
    </details>
  );
}
