import { hash, verify } from "@node-rs/argon2";

// @node-rs/argon2 defaults to argon2id with OWASP's minimum parameters (19 MiB, 2 passes);
// the algorithm is left at its default because the enum is a const enum we cannot import
// under isolatedModules.
export async function hashPassword(password: string): Promise<string> {
  return hash(password);
}

/**
 * How many argon2 verifications this process has run. Throttling is judged by how many
 * passwords an attacker gets checked, so tests and the attacker's-probe figures read this.
 */
export const passwordChecks = { count: 0 };

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  passwordChecks.count++;
  try {
    return await verify(passwordHash, password);
  } catch {
    // A malformed stored hash is a failed login, never a crash that hints the account exists.
    return false;
  }
}

let dummyHash: Promise<string> | undefined;

/**
 * Spends the same time as a real check when no user has the email, so response time does
 * not reveal which emails have accounts.
 */
export async function burnPasswordCheck(password: string): Promise<void> {
  dummyHash ??= hash("pressroom-timing-equaliser");
  await verifyPassword(await dummyHash, password);
}
