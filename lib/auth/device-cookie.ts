import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";
import { authSecret, secureCookiesInUse } from "./secret";

// Device cookies (OWASP Authentication Cheat Sheet): a browser that signed in to an account
// keeps a signed token naming that account. While the account is locked for unknown clients,
// a try carrying a valid one is judged only by that device's own failures, so a stranger's
// guessing cannot lock the editor out. The value is "<userId>.<deviceId>.<expires>.<hmac>";
// the HMAC key is derived from NEXTAUTH_SECRET, so rotating the secret voids every device.

export const DEVICE_COOKIE_MAX_AGE_SECONDS = 90 * 24 * 60 * 60;
// Only the login callback needs it; nothing else sees it.
const COOKIE_PATH = "/api/auth/callback";

export function deviceCookieName(): string {
  return secureCookiesInUse() ? "__Secure-pressroom-device" : "pressroom-device";
}

function signingKey(): Buffer {
  return createHmac("sha256", authSecret()).update("pressroom device cookie v1").digest();
}

function sign(payload: string): string {
  return createHmac("sha256", signingKey()).update(payload).digest("base64url");
}

export function issueDeviceCookie(userId: number, now = new Date()): string {
  const expires = Math.floor(now.getTime() / 1000) + DEVICE_COOKIE_MAX_AGE_SECONDS;
  const payload = `${userId}.${randomBytes(16).toString("base64url")}.${expires}`;
  return `${payload}.${sign(payload)}`;
}

/** The device id when the cookie is genuine, unexpired and issued for this user; anything else counts as no cookie. */
export function verifiedDeviceId(value: string | null | undefined, userId: number, now = new Date()): string | null {
  if (!value || value.length > 200) return null;
  const parts = value.split(".");
  if (parts.length !== 4) return null;
  const [user, device, expires, signature] = parts;
  const expected = Buffer.from(sign(`${user}.${device}.${expires}`));
  const given = Buffer.from(signature);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
  if (user !== String(userId) || !/^[A-Za-z0-9_-]{22}$/.test(device)) return null;
  if (!/^\d+$/.test(expires) || Number(expires) * 1000 <= now.getTime()) return null;
  return device;
}

export function deviceCookieHeader(value: string): string {
  const secure = secureCookiesInUse() ? "; Secure" : "";
  return `${deviceCookieName()}=${value}; Path=${COOKIE_PATH}; Max-Age=${DEVICE_COOKIE_MAX_AGE_SECONDS}; HttpOnly; SameSite=Strict${secure}`;
}

/** Reads the device cookie out of a Cookie header. */
export function deviceCookieFrom(cookieHeader: string | null | undefined): string | null {
  if (!cookieHeader) return null;
  const name = deviceCookieName();
  for (const part of cookieHeader.split(";")) {
    const [key, ...rest] = part.trim().split("=");
    if (key === name) return rest.join("=");
  }
  return null;
}
