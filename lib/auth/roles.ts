export type Role = "ADMIN" | "EDITOR";

export type SessionUser = { id: number; email: string; name: string | null; role: Role };

/** EDITOR ⊂ ADMIN: an admin may do everything an editor may. */
export function roleSatisfies(actual: Role, required: Role): boolean {
  return required === "EDITOR" ? actual === "EDITOR" || actual === "ADMIN" : actual === "ADMIN";
}

/**
 * Thrown when a signed-in user lacks the role. The digest is the one Next's forbidden() throws,
 * so a server action (or page) that lets it escape answers HTTP 403 instead of a 500; this
 * needs `experimental.authInterrupts: true` in next.config.js.
 */
export class ForbiddenError extends Error {
  readonly status = 403;
  readonly digest = "NEXT_HTTP_ERROR_FALLBACK;403";
  constructor(readonly required: Role) {
    super(`This needs the ${required} role.`);
    this.name = "ForbiddenError";
  }
}
