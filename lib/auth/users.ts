import { randomBytes } from "node:crypto";
import { z } from "zod";
import { db, type Tx } from "@/lib/db/client";
import { recordAudit } from "@/lib/audit/record";
import { hashPassword } from "./password";
import type { Role } from "./roles";

export const emailSchema = z.string().trim().toLowerCase().email("Enter a valid email address").max(320);
export const passwordSchema = z.string().min(12, "Passwords need at least 12 characters").max(1024);
export const roleSchema = z.enum(["ADMIN", "EDITOR"]);

export const createUserSchema = z.object({
  email: emailSchema,
  password: passwordSchema,
  role: z.preprocess((v) => (typeof v === "string" ? v.toUpperCase() : v), roleSchema),
  name: z
    .string()
    .trim()
    .max(200)
    .optional()
    .nullable()
    .transform((v) => v || null),
});

export class UserAdminError extends Error {}

export type CreatedUser = { id: number; email: string; name: string | null; role: Role };

/** Creates a user (script, e2e setup). Fails with a clear message when the email is taken. */
export async function createUser(raw: z.input<typeof createUserSchema>, actor: { userId: number | null; ip?: string | null } = { userId: null }): Promise<CreatedUser> {
  const input = createUserSchema.parse(raw);
  const passwordHash = await hashPassword(input.password);
  return db().$transaction((tx) => insertUser(tx, input, passwordHash, actor));
}

/** The insert half of createUser, for callers that create a user inside their own transaction (first-admin setup). */
export async function insertUser(
  tx: Tx,
  input: z.output<typeof createUserSchema>,
  passwordHash: string,
  actor: { userId: number | null; ip?: string | null; action?: string },
): Promise<CreatedUser> {
  const taken = await tx.user.findUnique({ where: { email: input.email }, select: { id: true } });
  if (taken) throw new UserAdminError(`A user with the email ${input.email} already exists`);
  const user = await tx.user.create({
    data: { email: input.email, name: input.name, role: input.role, passwordHash },
    select: { id: true, email: true, name: true, role: true },
  });
  await recordAudit(tx, {
    userId: actor.userId,
    action: actor.action ?? "user.create",
    targetType: "User",
    targetId: user.id,
    summary: `Created ${user.role.toLowerCase()} ${user.email}`,
    diff: { role: user.role },
    ip: actor.ip,
  });
  return user;
}

/** Random password shown once to the admin; 18 bytes of base64url = 24 characters. */
export function temporaryPassword(): string {
  return randomBytes(18).toString("base64url");
}

export async function inviteUser(
  raw: { email: unknown; name?: unknown; role: unknown },
  actor: { userId: number; ip?: string | null },
): Promise<{ user: CreatedUser; temporaryPassword: string }> {
  const password = temporaryPassword();
  const user = await createUser({ ...(raw as { email: string; role: Role; name?: string }), password }, actor);
  return { user, temporaryPassword: password };
}

async function loadTarget(tx: Tx, userId: number) {
  const user = await tx.user.findUnique({ where: { id: userId } });
  if (!user) throw new UserAdminError("That user does not exist");
  return user;
}

/** Keeps at least one enabled admin, so nobody can lock the archive out of its own admin pages. */
async function assertAnotherAdminRemains(tx: Tx, userId: number) {
  const others = await tx.user.count({ where: { role: "ADMIN", disabledAt: null, id: { not: userId } } });
  if (others === 0) throw new UserAdminError("This is the last enabled admin; make someone else admin first");
}

export async function setUserDisabled(userId: number, disabled: boolean, actor: { userId: number; ip?: string | null }): Promise<void> {
  await db().$transaction(async (tx) => {
    const user = await loadTarget(tx, userId);
    if (disabled && user.id === actor.userId) throw new UserAdminError("You cannot disable your own account");
    if (disabled && user.role === "ADMIN") await assertAnotherAdminRemains(tx, user.id);
    if (Boolean(user.disabledAt) === disabled) return;
    // Bumping the epoch ends existing sessions on their next request (the guard compares it).
    await tx.user.update({
      where: { id: userId },
      data: disabled ? { disabledAt: new Date(), sessionEpoch: { increment: 1 } } : { disabledAt: null },
    });
    await recordAudit(tx, {
      userId: actor.userId,
      action: disabled ? "user.disable" : "user.enable",
      targetType: "User",
      targetId: userId,
      summary: `${disabled ? "Disabled" : "Re-enabled"} ${user.email}`,
      ip: actor.ip,
    });
  });
}

export async function changeUserRole(userId: number, rawRole: unknown, actor: { userId: number; ip?: string | null }): Promise<void> {
  const role = roleSchema.parse(rawRole);
  await db().$transaction(async (tx) => {
    const user = await loadTarget(tx, userId);
    if (user.role === role) return;
    if (user.role === "ADMIN") await assertAnotherAdminRemains(tx, user.id);
    await tx.user.update({ where: { id: userId }, data: { role } });
    await recordAudit(tx, {
      userId: actor.userId,
      action: "user.role",
      targetType: "User",
      targetId: userId,
      summary: `Changed ${user.email} from ${user.role} to ${role}`,
      diff: { role: { before: user.role, after: role } },
      ip: actor.ip,
    });
  });
}

/** Sets a new temporary password and ends the user's sessions; returns the password to show once. */
export async function resetUserPassword(userId: number, actor: { userId: number; ip?: string | null }): Promise<string> {
  const password = temporaryPassword();
  const passwordHash = await hashPassword(password);
  await db().$transaction(async (tx) => {
    const user = await loadTarget(tx, userId);
    await tx.user.update({ where: { id: userId }, data: { passwordHash, sessionEpoch: { increment: 1 } } });
    await recordAudit(tx, {
      userId: actor.userId,
      action: "user.password_reset",
      targetType: "User",
      targetId: userId,
      summary: `Reset the password of ${user.email}`,
      ip: actor.ip,
    });
  });
  return password;
}

/** Ends every session of a user on their next request: the guard compares sessionEpoch on every call. */
export async function signOutEverywhere(userId: number, actor: { userId: number; ip?: string | null }): Promise<void> {
  await db().$transaction(async (tx) => {
    const user = await loadTarget(tx, userId);
    await tx.user.update({ where: { id: userId }, data: { sessionEpoch: { increment: 1 } } });
    await recordAudit(tx, {
      userId: actor.userId,
      action: "user.sign_out_everywhere",
      targetType: "User",
      targetId: userId,
      summary: `Signed ${user.email} out everywhere`,
      ip: actor.ip,
    });
  });
}

export async function listUsers() {
  return db().user.findMany({
    orderBy: [{ disabledAt: { sort: "asc", nulls: "first" } }, { email: "asc" }],
    select: { id: true, email: true, name: true, role: true, disabledAt: true, createdAt: true },
  });
}
