import { describe, expect, it } from "vitest";
import { PASSWORD, useSeededServices } from "./fixtures";

// OWASP device cookies: a stranger's guessing locks the account for unknown clients only; the
// editor's own browser (valid device cookie for this account) is judged by its own failures.

const seeded = useSeededServices();
const wait = async () => {};

async function lockForStrangers(email: string) {
  const { verifyLogin } = await import("@/lib/auth/login");
  for (let i = 0; i < 10; i++) await verifyLogin({ email, password: `guess-${i}` }, `10.66.0.${i}`, { wait });
}

async function attempt(email: string, password: string, ip: string, deviceCookie: string | null) {
  const { verifyLogin, LoginRefusedError } = await import("@/lib/auth/login");
  try {
    return (await verifyLogin({ email, password }, ip, { wait, deviceCookie })) ? "signed in" : "wrong";
  } catch (error) {
    if (error instanceof LoginRefusedError) return "refused";
    throw error;
  }
}

describe("device cookies", () => {
  it("let the account's own browser in while strangers are locked out; forged, expired and foreign cookies count as none", async () => {
    const { issueDeviceCookie } = await import("@/lib/auth/device-cookie");
    const email = "editor@example.org";
    const mine = issueDeviceCookie(seeded.users.editor.id);
    await lockForStrangers(email);

    expect(await attempt(email, PASSWORD, "10.1.2.3", null)).toBe("refused");
    const { db } = await import("@/lib/db/client");
    const locked = await db().auditEvent.findMany({ where: { action: "user.login_locked", targetId: String(seeded.users.editor.id) } });
    expect(locked.map((e) => e.ip)).toEqual(["10.66.0.9"]);
    const [user, device, expires, signature] = mine.split(".");
    const forged = `${user}.${device}.${expires}.${signature.slice(0, -2)}${signature.endsWith("AA") ? "BB" : "AA"}`;
    expect(await attempt(email, PASSWORD, "10.1.2.3", forged)).toBe("refused");
    const reassigned = [String(seeded.users.admin.id), device, expires, signature].join(".");
    expect(await attempt(email, PASSWORD, "10.1.2.3", reassigned)).toBe("refused");
    expect(await attempt(email, PASSWORD, "10.1.2.3", issueDeviceCookie(seeded.users.admin.id))).toBe("refused");
    const expired = issueDeviceCookie(seeded.users.editor.id, new Date(Date.now() - 91 * 24 * 60 * 60 * 1000));
    expect(await attempt(email, PASSWORD, "10.1.2.3", expired)).toBe("refused");

    // The editor's own browser, even from an address the stranger used.
    expect(await attempt(email, PASSWORD, "10.66.0.1", mine)).toBe("signed in");
  });

  it("locks out a device after its own 10 failures, then judges it like a stranger", async () => {
    const { issueDeviceCookie } = await import("@/lib/auth/device-cookie");
    const { passwordChecks } = await import("@/lib/auth/password");
    const email = "admin@example.org";
    const device = issueDeviceCookie(seeded.users.admin.id);
    const before = passwordChecks.count;
    for (let i = 0; i < 10; i++) expect(await attempt(email, `typo-${i}`, "10.5.5.5", device)).toBe("wrong");
    expect(passwordChecks.count - before).toBe(10);
    // Device failures do not count against the account: a different browser is still fine.
    expect(await attempt(email, PASSWORD, "10.5.5.6", issueDeviceCookie(seeded.users.admin.id))).toBe("signed in");
    // The locked device falls back to the unknown-client rules (account + address).
    const { db } = await import("@/lib/db/client");
    const row = await db().loginAttempt.findFirstOrThrow({ where: { email }, orderBy: { id: "desc" } });
    expect(row.device).not.toBeNull();
    expect(await attempt(email, "typo-x", "10.5.5.5", device)).toBe("wrong");
    const last = await db().loginAttempt.findFirstOrThrow({ where: { email }, orderBy: { id: "desc" } });
    expect(last.device).toBeNull();
  });

  it("keeps the account's history when a known device ends a lockout", async () => {
    const { issueDeviceCookie } = await import("@/lib/auth/device-cookie");
    const { db } = await import("@/lib/db/client");
    const { createUser } = await import("@/lib/auth/users");
    const user = await createUser({ email: "third@example.org", password: PASSWORD, role: "EDITOR" });
    await lockForStrangers("third@example.org");
    expect(await attempt("third@example.org", PASSWORD, "10.9.0.1", null)).toBe("refused");
    expect(await attempt("third@example.org", PASSWORD, "10.9.0.2", issueDeviceCookie(user.id))).toBe("signed in");
    expect(await attempt("third@example.org", PASSWORD, "10.9.0.3", null)).toBe("signed in");
    expect(await db().loginAttempt.count({ where: { email: "third@example.org", success: false } })).toBe(10);
  });
});
