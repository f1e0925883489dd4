import type { TranscriptDraft, SpeakerRole } from "@/lib/transcripts";
import type { ConferenceInput, ParticipantRoleInput } from "./conference-input";
import { statementPlaces } from "./statement-places";

type Metadata = ConferenceInput["metadata"];

// Generic labels say what a turn is, not who spoke it; they must not become Speaker rows.
const GENERIC_LABELS = new Set(["q", "a", "q.", "a.", "question", "answer", "问", "答", "追问", "follow-up", "follow up", "reporter", "记者"]);

export function speakerName(label: string | null | undefined): string | null {
  if (!label) return null;
  const trimmed = label
    .trim()
    .replace(/[:：.]$/, "")
    .trim();
  return trimmed && !GENERIC_LABELS.has(trimmed.toLowerCase()) ? trimmed : null;
}

const ROLE: Record<SpeakerRole, ParticipantRoleInput | null> = {
  moderator: "MODERATOR",
  official: "OFFICIAL",
  journalist: "JOURNALIST",
  unknown: null,
};

/**
 * Turns a reviewed parser draft into the publish input. Text outside turns (unassigned) is
 * not published, but the whole source text is stored with the conference, so nothing is lost.
 */
export function conferenceInputFromDraft(draft: TranscriptDraft, metadata: Partial<Metadata> & { sourceText: string }): ConferenceInput {
  const roleOf = new Map(draft.speakers.map((s) => [s.label, s.role]));
  const published = draft.pairs.filter((p) => p.question.text.trim());
  const statements = [...draft.statements, ...draft.pairs.filter((p) => !p.question.text.trim()).flatMap((p) => p.answers)]
    .filter((s) => s.text.trim())
    .sort((a, b) => a.start - b.start);
  const places = statementPlaces(
    statements.map((s) => s.start),
    published.map((p) => p.question.start),
  );
  const role = (label: string | null, explicit?: SpeakerRole) => ROLE[explicit ?? (label ? (roleOf.get(label) ?? "unknown") : "unknown")];
  return {
    metadata: {
      ...metadata,
      title: metadata.title ?? draft.title ?? "Untitled press conference",
      heldOn: metadata.heldOn ?? draft.date,
      language: metadata.language ?? draft.language,
      sourceName: metadata.sourceName ?? draft.sourceName,
    },
    // Answers the parser could not attach to any question stay in the record as statements,
    // each in its place among the pairs.
    statements: statements.map((s, i) => ({ speaker: speakerName(s.speaker), role: role(s.speaker, s.role), text: s.text, beforePair: places[i] })),
    pairs: published.map((p) => ({
      question: { speaker: speakerName(p.question.speaker), outlet: p.question.outlet, text: p.question.text },
      answers: p.answers.filter((a) => a.text.trim()).map((a) => ({ speaker: speakerName(a.speaker), role: role(a.speaker, a.role) ?? "OFFICIAL", text: a.text })),
      flags: p.flags,
      topics: [],
    })),
  };
}
