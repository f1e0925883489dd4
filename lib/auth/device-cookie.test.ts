import { beforeAll, describe, expect, it } from "vitest";
import { deviceCookieFrom, deviceCookieHeader, issueDeviceCookie, verifiedDeviceId } from "./device-cookie";

beforeAll(() => {
  process.env.NEXTAUTH_SECRET = "unit-test-secret-0123456789abcdef";
});

describe("device cookies", () => {
  it("verify only for the account they were issued to, unchanged and unexpired", () => {
    const now = new Date("2026-12-02T00:00:00Z");
    const cookie = issueDeviceCookie(7, now);
    expect(verifiedDeviceId(cookie, 7, now)).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect(verifiedDeviceId(cookie, 8, now)).toBeNull();
    expect(verifiedDeviceId(cookie.replace(/^7\./, "8."), 8, now)).toBeNull();
    expect(verifiedDeviceId(`${cookie}x`, 7, now)).toBeNull();
    expect(verifiedDeviceId(cookie, 7, new Date(now.getTime() + 91 * 86_400_000))).toBeNull();
    expect(verifiedDeviceId("", 7, now)).toBeNull();
    expect(verifiedDeviceId("7.a.b", 7, now)).toBeNull();
  });

  it("stop verifying when the secret changes", () => {
    const cookie = issueDeviceCookie(7);
    process.env.NEXTAUTH_SECRET = "another-secret-0123456789abcdefgh";
    expect(verifiedDeviceId(cookie, 7)).toBeNull();
    process.env.NEXTAUTH_SECRET = "unit-test-secret-0123456789abcdef";
    expect(verifiedDeviceId(cookie, 7)).not.toBeNull();
  });

  it("is an httpOnly, strict cookie read back from a Cookie header", () => {
    const cookie = issueDeviceCookie(3);
    expect(deviceCookieHeader(cookie)).toMatch(/^pressroom-device=.+; Path=\/api\/auth\/callback; Max-Age=7776000; HttpOnly; SameSite=Strict$/);
    expect(deviceCookieFrom(`a=b; pressroom-device=${cookie}; c=d`)).toBe(cookie);
    expect(deviceCookieFrom("a=b")).toBeNull();
  });
});
