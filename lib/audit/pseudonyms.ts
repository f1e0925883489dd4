// Editors read the audit log to see who changed what, but account emails are for admins only
// (they are login names and personal data). For everyone else a user is shown by name, or by a
// stable "user #<id>", and any email inside a summary or diff is replaced the same way.

export type AuditAccount = { id: number; name: string | null; email: string };

const EMAIL = /[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+/g;

export function userPseudonym(user: { id: number; name: string | null }): string {
  return user.name ?? `user #${user.id}`;
}

/** Replaces every email in the text: known accounts by their pseudonym, anything else by "[email hidden]". */
export function hideEmails(text: string, accounts: AuditAccount[]): string {
  const byEmail = new Map(accounts.map((a) => [a.email.toLowerCase(), `user #${a.id}`]));
  return text.replace(EMAIL, (email) => byEmail.get(email.toLowerCase()) ?? "[email hidden]");
}

export function hideEmailsInJson(value: unknown, accounts: AuditAccount[]): unknown {
  if (value === null || value === undefined) return value;
  return JSON.parse(hideEmails(JSON.stringify(value), accounts));
}
