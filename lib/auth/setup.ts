import { createHash, randomBytes } from "node:crypto";
import { z } from "zod";
import { db, type Tx } from "@/lib/db/client";
import { hashPassword } from "./password";
import { createUserSchema, insertUser } from "./users";

// First editor on a fresh install. While the archive has no users, the web server creates a
// one-time setup token at start and logs a link with it; /setup lets that link create the
// first admin. Only the token's SHA-256 is stored, it expires, it works once, and it stops
// working as soon as any user exists. `npm run user:create` remains for scripts.

export const SETUP_TOKEN_TTL_MS = 24 * 60 * 60 * 1000;

export class SetupError extends Error {}

const hashToken = (token: string) => createHash("sha256").update(token).digest("hex");

async function lockSetup(tx: Tx) {
  await tx.$queryRaw`SELECT 1 AS locked FROM (SELECT pg_advisory_xact_lock(hashtextextended('pressroom:first-admin-setup', 0))) AS l`;
}

/** A new setup token when there are no users (older unused links stop working), else null. */
export async function createSetupTokenIfNoUsers(now = new Date()): Promise<string | null> {
  return db().$transaction(async (tx) => {
    await lockSetup(tx);
    if ((await tx.user.count()) > 0) return null;
    await tx.setupToken.updateMany({ where: { usedAt: null, expiresAt: { gt: now } }, data: { expiresAt: now } });
    const token = randomBytes(32).toString("base64url");
    await tx.setupToken.create({ data: { tokenHash: hashToken(token), expiresAt: new Date(now.getTime() + SETUP_TOKEN_TTL_MS) } });
    return token;
  });
}

export type SetupTokenState = "valid" | "unknown" | "used" | "expired" | "done";

const MESSAGES: Record<Exclude<SetupTokenState, "valid">, string> = {
  unknown: "This setup link is not valid. Use the link the server printed when it started.",
  used: "This setup link has already been used. Sign in with the admin account it created.",
  expired: "This setup link has expired. Restart the server to print a new one.",
  done: "This archive already has an admin. Sign in instead.",
};

export function setupStateMessage(state: Exclude<SetupTokenState, "valid">): string {
  return MESSAGES[state];
}

async function tokenState(tx: Tx, token: string, now: Date): Promise<{ state: SetupTokenState; id?: number }> {
  const row = token ? await tx.setupToken.findUnique({ where: { tokenHash: hashToken(token) } }) : null;
  if (!row) return { state: "unknown" };
  if (row.usedAt) return { state: "used" };
  if ((await tx.user.count()) > 0) return { state: "done" };
  if (row.expiresAt <= now) return { state: "expired" };
  return { state: "valid", id: row.id };
}

export async function setupTokenState(token: string, now = new Date()): Promise<SetupTokenState> {
  return db().$transaction(async (tx) => (await tokenState(tx, token, now)).state);
}

export const firstAdminSchema = z
  .object({
    token: z.string().max(200),
    email: createUserSchema.shape.email,
    name: createUserSchema.shape.name,
    password: createUserSchema.shape.password,
    confirm: z.string().max(1024),
  })
  .refine((v) => v.password === v.confirm, { message: "The two passwords differ", path: ["confirm"] });

/** Spends the token and creates the first admin in one transaction (audited as user.setup_admin). */
export async function createFirstAdmin(raw: unknown, ip: string | null, now = new Date()) {
  const input = firstAdminSchema.parse(raw);
  const passwordHash = await hashPassword(input.password);
  return db().$transaction(async (tx) => {
    await lockSetup(tx);
    const { state, id } = await tokenState(tx, input.token, now);
    if (state !== "valid") throw new SetupError(setupStateMessage(state));
    await tx.setupToken.update({ where: { id }, data: { usedAt: now } });
    return insertUser(tx, { email: input.email, name: input.name, role: "ADMIN", password: input.password }, passwordHash, { userId: null, ip, action: "user.setup_admin" });
  });
}

/** Called from instrumentation.ts when the web server starts: prints the setup link when there are no users. */
export async function announceSetupLink(baseUrl: string): Promise<void> {
  const token = await createSetupTokenIfNoUsers();
  if (token) console.log(`[pressroom] No editors yet: create the first admin at ${baseUrl}/setup?token=${token}`);
}
