"use client";

import { useEffect, useState } from "react";
import { cite, type CitationSource, type CitationStyle } from "@/lib/citations";
import { CopyButton } from "./copy-button";

/**
 * One citation style with its copy button. The page around it is cached (ISR) and may have
 * been rendered days ago, so once in the reader's browser the "accessed" date becomes today;
 * without JavaScript it stays the date the page was rendered.
 */
export function CitationText({ style, label, source }: { style: CitationStyle; label: string; source: CitationSource }) {
  const [accessed, setAccessed] = useState(source.accessed);
  // The reader's day is only known after hydration; rendering it on the server would be the cache's day.
  // eslint-disable-next-line react-hooks/set-state-in-effect
  useEffect(() => setAccessed(new Date()), []);
  const text = cite(style, { ...source, accessed });
  return (
    <div className="cite-box__style">
      <h3>{label}</h3>
      <pre id={`cite-${style}`} className="cite-box__text">
        {text}
      </pre>
      <CopyButton text={text} label={`Copy ${label}`} copiedLabel={`${label} citation copied`} />
    </div>
  );
}
