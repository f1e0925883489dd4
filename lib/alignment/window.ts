import { db } from "@/lib/db/client";
import { organizerKey } from "./conferences";
import { runAlignment, type AlignRunSummary } from "./run";

// Aligning right after something was published (a corpus import, an editor's publish), over
// the days it touched only: a briefing published in its second language is linked at once.
// A failure here never undoes the publish; `npm run align` catches up.

export interface AlignWindow {
  organizers: Iterable<string>;
  /** First and last day published (YYYY-MM-DD); two days either side are included. */
  from: string;
  to: string;
}

export const shiftDay = (day: string, days: number) => new Date(Date.parse(`${day}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

export async function alignWindow(window: AlignWindow): Promise<AlignRunSummary | { error: string }> {
  try {
    return await runAlignment({ organizers: [...window.organizers].map(organizerKey), from: shiftDay(window.from, -2), to: shiftDay(window.to, 2) });
  } catch (error) {
    return { error: (error as Error).message };
  }
}

/** After an editor published one conference: align it if its organizer publishes in several languages. */
export async function alignPublishedConference(conferenceId: number): Promise<AlignRunSummary | { error: string } | null> {
  const conference = await db().conference.findUnique({ where: { id: conferenceId }, select: { organizer: true, heldOn: true, status: true } });
  if (!conference?.organizer || !conference.heldOn || conference.status !== "PUBLISHED") return null;
  const day = conference.heldOn.toISOString().slice(0, 10);
  return alignWindow({ organizers: [conference.organizer], from: day, to: day });
}
