// The unlabelled transcript that both the import test (tests/imports/unlabelled-import.test.ts)
// and the Playwright test (e2e/unlabelled-import.spec.ts) paste: a title, an opening statement,
// two questions with their answers and a closing thank-you, and not one speaker label.

/** `tag` goes into the title and the first question, so a run can find its own conference in a shared archive. */
export function unlabelledBriefing(tag?: string): string {
  return [
    `Briefing on the harbour bridge${tag ? ` ${tag}` : ""}`,
    "",
    "Good morning. The bridge reopens to traffic on Monday after six weeks of repairs.",
    "",
    `Will the tolls change when it reopens${tag ? `, code ${tag}` : ""}?`,
    "",
    "No. The tolls stay as they were.",
    "",
    "And the night closures?",
    "",
    "They end on Friday. Thank you, everyone.",
    "",
  ].join("\n");
}
