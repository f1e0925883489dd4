import { conferenceInputSchema, type ConferenceInput, type ParticipantRoleInput } from "@/lib/archive/conference-input";
import { speakerName } from "@/lib/archive/from-draft";
import type { DraftRole, EditableDraft } from "./model";
import { statementPlaces } from "@/lib/archive/statement-places";

/** Why a draft cannot be published yet; every problem is listed, not just the first. */
export class DraftNotReadyError extends Error {
  constructor(readonly problems: string[]) {
    super(`The draft is not ready to publish: ${problems.join("; ")}`);
  }
}

const ROLE: Record<DraftRole, ParticipantRoleInput | null> = {
  moderator: "MODERATOR",
  official: "OFFICIAL",
  journalist: "JOURNALIST",
  interpreter: "INTERPRETER",
  unknown: null,
};

/**
 * The reviewed draft in the shape publishConference takes. The source URL is the key that
 * later re-imports of the same page match on. Generic labels ("Q", "答") say what a turn is,
 * not who spoke, so they are not turned into speakers.
 */
export function conferenceInputFromDraft(draft: EditableDraft, source: { sourceText: string }): ConferenceInput {
  const problems: string[] = [];
  const meta = draft.metadata;
  if (!meta.title.trim()) problems.push("the conference needs a title");
  if (draft.pairs.length === 0) problems.push("there are no question-and-answer pairs");
  draft.pairs.forEach((pair, index) => {
    if (pair.answers.length === 0) problems.push(`pair ${index + 1} has no answer (move an answer into it or merge it into the previous pair)`);
  });
  if (problems.length) throw new DraftNotReadyError(problems);

  const places = statementPlaces(
    draft.statements.map((t) => t.start),
    draft.pairs.map((p) => p.question.start),
  );
  const input: ConferenceInput = {
    metadata: {
      title: meta.title,
      heldOn: meta.heldOn,
      organizer: meta.organizer,
      location: meta.location,
      language: meta.language,
      sourceUrl: meta.sourceUrl,
      sourceName: meta.sourceName,
      sourceText: source.sourceText,
      sourceKey: meta.sourceUrl,
      translationOfSlug: meta.translationOfSlug,
      retrievedAt: new Date().toISOString(),
    },
    statements: draft.statements.map((t, i) => ({ speaker: speakerName(t.speaker), role: ROLE[t.role], text: t.text, beforePair: places[i] })),
    pairs: draft.pairs.map((pair) => ({
      question: { speaker: speakerName(pair.question.speaker), outlet: pair.question.outlet, text: pair.question.text },
      answers: pair.answers.map((a) => ({ speaker: speakerName(a.speaker), role: ROLE[a.role], text: a.text })),
      flags: pair.flags,
      topics: [],
    })),
  };
  const checked = conferenceInputSchema.safeParse(input);
  if (!checked.success) {
    throw new DraftNotReadyError(checked.error.issues.map((i) => `${describePath(i.path)}: ${i.message}`));
  }
  return input;
}

function describePath(path: PropertyKey[]): string {
  const [section, index, ...rest] = path;
  if (section === "pairs" && typeof index === "number") return `pair ${index + 1}${rest.length ? ` (${rest.join(".")})` : ""}`;
  if (section === "statements" && typeof index === "number") return `opening statement ${index + 1}`;
  return path.join(".") || "draft";
}
