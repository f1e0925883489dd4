import type { Role } from "./roles";

/**
 * Every mutating server action and route handler in the app, and who may call it.
 * tests/auth/authorization.test.ts scans app/ for "use server" files and for route.ts files
 * exporting POST/PUT/PATCH/DELETE and fails when this list and the scan disagree, so a new
 * mutation cannot ship without being listed here and guarded. Paths are relative to the repo.
 *
 * PUBLIC entries must say why; they are exempt from the anonymous-refusal check.
 */
export type MutationEntry =
  | { kind: "action"; file: string; name: string; role: Role }
  | { kind: "action"; file: string; name: string; role: "PUBLIC"; why: string }
  // browserForm: a route that plain HTML forms post to answers a signed-out browser with a 303 to /login, not 401.
  | { kind: "route"; file: string; method: "POST" | "PUT" | "PATCH" | "DELETE"; role: Role; browserForm?: true }
  | { kind: "route"; file: string; method: "POST" | "PUT" | "PATCH" | "DELETE"; role: "PUBLIC"; why: string };

export const MUTATIONS: MutationEntry[] = [
  { kind: "route", file: "app/api/auth/[...nextauth]/route.ts", method: "POST", role: "PUBLIC", why: "next-auth sign-in/sign-out; CSRF-token protected and throttled" },

  {
    kind: "action",
    file: "app/setup/actions.ts",
    name: "createFirstAdminAction",
    role: "PUBLIC",
    why: "first-admin setup; the one-time setup token in the form is the credential",
  },

  { kind: "action", file: "app/editor/qa/[publicId]/actions.ts", name: "savePairAction", role: "EDITOR" },
  { kind: "action", file: "app/editor/qa/[publicId]/actions.ts", name: "changePairStatusAction", role: "EDITOR" },
  { kind: "action", file: "app/editor/conferences/[slug]/actions.ts", name: "saveConferenceAction", role: "EDITOR" },
  { kind: "action", file: "app/editor/conferences/[slug]/actions.ts", name: "changeConferenceStatusAction", role: "EDITOR" },
  // Turn operations on a published conference (issue 12.4, 13.4: editor engineer).
  { kind: "action", file: "app/editor/conferences/[slug]/transcript/actions.ts", name: "editTranscriptAction", role: "EDITOR" },
  { kind: "action", file: "app/editor/users/actions.ts", name: "inviteUserAction", role: "ADMIN" },
  { kind: "action", file: "app/editor/users/actions.ts", name: "setUserDisabledAction", role: "ADMIN" },
  { kind: "action", file: "app/editor/users/actions.ts", name: "changeUserRoleAction", role: "ADMIN" },
  { kind: "action", file: "app/editor/users/actions.ts", name: "resetUserPasswordAction", role: "ADMIN" },
  { kind: "action", file: "app/editor/users/actions.ts", name: "signOutEverywhereAction", role: "ADMIN" },

  // Transcript import flow (issue: import engineer).
  { kind: "action", file: "app/editor/imports/new/actions.ts", name: "startImportAction", role: "EDITOR" },
  { kind: "action", file: "app/editor/imports/[id]/actions.ts", name: "editDraftAction", role: "EDITOR" },
  { kind: "action", file: "app/editor/imports/[id]/actions.ts", name: "publishDraftAction", role: "EDITOR" },
  // The same upload posted natively (no JavaScript yet, or none): sign-in and same-origin checked in lib/drafts/native-upload.ts.
  { kind: "route", file: "app/editor/imports/upload/route.ts", method: "POST", role: "EDITOR", browserForm: true },

  // Bilingual alignment (issue 17): pair links on a pair's editor page, conference suggestions.
  { kind: "action", file: "app/editor/qa/[publicId]/actions.ts", name: "pairLinkAction", role: "EDITOR" },
  { kind: "action", file: "app/editor/alignment/actions.ts", name: "decideSuggestionAction", role: "EDITOR" },

  // Search settings (synonyms, stop words; issue: search engineer).
  { kind: "action", file: "app/editor/search-settings/actions.ts", name: "saveSearchSettingsAction", role: "EDITOR" },

  // People and outlet identity: merge, split, rename (issue 12).
  { kind: "action", file: "app/editor/people/actions.ts", name: "mergeIdentitiesAction", role: "EDITOR" },
  { kind: "action", file: "app/editor/people/actions.ts", name: "splitIdentityAction", role: "EDITOR" },
  { kind: "action", file: "app/editor/people/actions.ts", name: "renameIdentityAction", role: "EDITOR" },

  // Alerts for followed searches (issue 16). Readers need no account: the confirmation token
  // or the signed manage token is the credential; requests are rate-limited per IP and address.
  {
    kind: "route",
    file: "app/api/v1/alerts/route.ts",
    method: "POST",
    role: "PUBLIC",
    why: "follow a search by email (double opt-in) or webhook (signed challenge); rate-limited",
  },
  {
    kind: "route",
    file: "app/alerts/unsubscribe/[token]/route.ts",
    method: "POST",
    role: "PUBLIC",
    why: "RFC 8058 one-click unsubscribe; the signed token in the mail is the credential",
  },
  { kind: "action", file: "app/alerts/actions.ts", name: "followSearchAction", role: "PUBLIC", why: "the Follow this search form; same rules and limits as POST /api/v1/alerts" },
  { kind: "action", file: "app/alerts/actions.ts", name: "confirmAlertAction", role: "PUBLIC", why: "double opt-in; the emailed confirmation token is the credential" },
  { kind: "action", file: "app/alerts/actions.ts", name: "manageAlertAction", role: "PUBLIC", why: "change or stop one's alert; the signed manage token is the credential" },
  { kind: "action", file: "app/editor/alerts/actions.ts", name: "stopAlertAction", role: "EDITOR" },
  { kind: "action", file: "app/editor/alerts/actions.ts", name: "resumeAlertAction", role: "EDITOR" },
];
