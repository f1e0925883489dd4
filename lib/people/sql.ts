import type { IdentityKind } from "./resolve";

// Set-based statements of lib/people/changes.ts, kept apart so the change functions read as steps.

/** Ids of every pair whose search document names the person ($1) or outlet ($1). */
export function affectedPairsSql(kind: IdentityKind): string {
  return kind === "speaker"
    ? `SELECT "qaPairId" FROM "Turn" WHERE "speakerId" = $1 AND "qaPairId" IS NOT NULL
       UNION SELECT id FROM "QaPair" WHERE "questionerId" = $1`
    : `SELECT id FROM "QaPair" WHERE "outletId" = $1`;
}

/**
 * Moves conference participations from speaker $1 to $2. Where both took part in a conference,
 * the more specific role wins (an official who also asked stays an official).
 */
export const moveParticipantsSql = `
  WITH moved AS (DELETE FROM "ConferenceParticipant" WHERE "speakerId" = $1 RETURNING "conferenceId", role)
  INSERT INTO "ConferenceParticipant" ("conferenceId", "speakerId", role)
  SELECT "conferenceId", $2, role FROM moved
  ON CONFLICT ("conferenceId", "speakerId") DO UPDATE SET role = EXCLUDED.role
   WHERE (CASE EXCLUDED.role WHEN 'MODERATOR' THEN 4 WHEN 'OFFICIAL' THEN 3 WHEN 'INTERPRETER' THEN 2 WHEN 'JOURNALIST' THEN 1 ELSE 0 END)
       > (CASE "ConferenceParticipant".role WHEN 'MODERATOR' THEN 4 WHEN 'OFFICIAL' THEN 3 WHEN 'INTERPRETER' THEN 2 WHEN 'JOURNALIST' THEN 1 ELSE 0 END)`;
