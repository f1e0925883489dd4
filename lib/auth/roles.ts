export type Role = "ADMIN" | "EDITOR";

export type SessionUser = { id: number; email: string; name: string | null; role: Role };

/** EDITOR ⊂ ADMIN: an admin may do everything an editor may. */
export function roleSatisfies(actual: Role, required: Role): boolean {
  return required === "EDITOR" ? actual === "EDITOR" || actual === "ADMIN" : actual === "ADMIN";
}

export class ForbiddenError extends Error {
  readonly status = 403;
  constructor(readonly required: Role) {
    super(`This needs the ${required} role.`);
    this.name = "ForbiddenError";
  }
}
