import type { TranscriptDraft } from "@/lib/transcripts";
import { personIdentity } from "./normalise";

// The person each turn of a parsed transcript resolves to, added beside the label as printed
// (the parser's output is left as it is). Used by `import transcript --dry-run --json`.

export interface DraftPerson {
  /** How imports match this label (see normalise.ts). */
  matchKey: string;
  kind: "person" | "role";
  /** Present when the archive already has this person (looked up, never created, in a dry run). */
  id?: number;
  name?: string;
  slug?: string;
}

export type KnownPeople = Map<string, { id: number; name: string; slug: string }>;

type WithPerson<T> = T & { person: DraftPerson | null };

export type DraftWithPeople = Omit<TranscriptDraft, "statements" | "pairs"> & {
  statements: WithPerson<TranscriptDraft["statements"][number]>[];
  pairs: (Omit<TranscriptDraft["pairs"][number], "question" | "answers"> & {
    question: WithPerson<TranscriptDraft["pairs"][number]["question"]>;
    answers: WithPerson<TranscriptDraft["pairs"][number]["answers"][number]>[];
  })[];
};

export function draftPerson(label: string | null, scope: string | null, known: KnownPeople = new Map()): DraftPerson | null {
  const identity = label ? personIdentity(label, scope) : null;
  if (!identity) return null;
  return { matchKey: identity.key, kind: identity.kind, ...known.get(identity.key) };
}

/** Every match key the draft's labels produce, for one lookup of known people. */
export function draftMatchKeys(draft: TranscriptDraft, scope: string | null): string[] {
  const labels = [...draft.statements.map((s) => s.speaker), ...draft.pairs.flatMap((p) => [p.question.speaker, ...p.answers.map((a) => a.speaker)])];
  return [...new Set(labels.map((label) => (label ? personIdentity(label, scope)?.key : undefined)).filter((k): k is string => Boolean(k)))];
}

export function draftWithPeople(draft: TranscriptDraft, scope: string | null, known: KnownPeople = new Map()): DraftWithPeople {
  const person = (label: string | null) => draftPerson(label, scope, known);
  return {
    ...draft,
    statements: draft.statements.map((s) => ({ ...s, person: person(s.speaker) })),
    pairs: draft.pairs.map((p) => ({
      ...p,
      question: { ...p.question, person: person(p.question.speaker) },
      answers: p.answers.map((a) => ({ ...a, person: person(a.speaker) })),
    })),
  };
}
