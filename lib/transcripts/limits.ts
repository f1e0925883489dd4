// Upload limits with no dependencies, so the browser-side form can check them before sending.

export const MAX_TRANSCRIPT_BYTES = 5 * 1024 * 1024;

/** The editor's message for a file or paste over the limit, in the browser and on the server alike. */
export function overLimitMessage(what: "file" | "pasted text", bytes: number): string {
  return `Nothing was imported: the ${what} is ${(bytes / 1024 / 1024).toFixed(1)} MB; the limit is 5 MB. Split the transcript or save it as plain text.`;
}
