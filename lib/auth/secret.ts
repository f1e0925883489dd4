import { randomBytes } from "node:crypto";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";

let processSecret: string | undefined;

/**
 * The next-auth signing secret. Production must set NEXTAUTH_SECRET (env() enforces it);
 * development falls back to `.data/nextauth-secret`, which the start script writes, creating
 * it here when someone runs `next dev` directly.
 */
export function authSecret(): string {
  const fromEnv = process.env.NEXTAUTH_SECRET;
  if (fromEnv && fromEnv.length >= 16) return fromEnv;
  if (process.env.NODE_ENV === "production") {
    throw new Error("NEXTAUTH_SECRET is required in production (any random string of 32+ characters)");
  }
  if (processSecret) return processSecret;
  const file = path.resolve(process.cwd(), ".data", "nextauth-secret");
  try {
    processSecret = readFileSync(file, "utf8").trim();
  } catch {
    processSecret = randomBytes(32).toString("base64url");
    try {
      mkdirSync(path.dirname(file), { recursive: true });
      writeFileSync(file, processSecret, { mode: 0o600 });
    } catch {
      // Read-only checkout: the secret lives for this process only, sessions end on restart.
    }
  }
  return processSecret;
}

/** Session cookies get the Secure flag (and __Secure- names) whenever the site is served over https. */
export function secureCookiesInUse(): boolean {
  const url = process.env.NEXTAUTH_URL ?? process.env.PRESSROOM_PUBLIC_URL ?? "";
  return url.startsWith("https://");
}
