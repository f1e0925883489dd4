"use client";

import Link from "next/link";

// Reached when the upload request itself fails before the action can answer, most often a
// body over the server's limit (next.config.js serverActions.bodySizeLimit); the form checks
// sizes first, so this is the fallback for what slips past it.
export default function ImportUploadError({ reset }: { reset: () => void }) {
  return (
    <div role="alert" className="card import-alert">
      <h1>The upload was not accepted</h1>
      <p>
        Nothing was imported. Transcripts are limited to 5 MB per file or paste; a larger upload is refused before it is read. Split the transcript or save it as plain text, then
        try again.
      </p>
      <p>
        <button type="button" onClick={reset}>
          Try again
        </button>{" "}
        <Link href="/editor/imports">Back to imports</Link>
      </p>
    </div>
  );
}
