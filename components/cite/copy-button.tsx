"use client";

import { useEffect, useState } from "react";

/**
 * Copies text to the clipboard. It renders disabled until hydrated, so without JavaScript it
 * never pretends to work; the text it copies is always on the page for manual selection.
 */
export function CopyButton({ text, label, copiedLabel = "Copied", absolute = false }: { text: string; label: string; copiedLabel?: string; absolute?: boolean }) {
  const [state, setState] = useState<"idle" | "copied" | "failed">("idle");
  const [ready, setReady] = useState(false);
  // The button only works once hydrated (the Clipboard API needs JavaScript), so it is enabled then.
  // eslint-disable-next-line react-hooks/set-state-in-effect
  useEffect(() => setReady(true), []);

  async function copy() {
    const value = absolute ? new URL(text, window.location.href).toString() : text;
    try {
      await navigator.clipboard.writeText(value);
      setState("copied");
    } catch {
      setState("failed");
    }
    window.setTimeout(() => setState("idle"), 2500);
  }

  return (
    <span className="copy-button">
      <button type="button" className="secondary" onClick={copy} disabled={!ready} data-copy-text={text}>
        {label}
      </button>
      <span role="status" aria-live="polite" className="copy-button__status">
        {state === "copied" ? copiedLabel : state === "failed" ? "Copy failed: select the text and copy it" : ""}
      </span>
    </span>
  );
}
