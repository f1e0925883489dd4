/** What the start-import action hands back to its form when it does not redirect. */
export type ImportStartState = { status: "idle" } | { status: "error"; message: string; seq: number; pastedText?: string };
