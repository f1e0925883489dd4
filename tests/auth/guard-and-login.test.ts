import { describe, expect, it } from "vitest";
import { NextRequest } from "next/server";
import { isForbidden, isLoginRedirect, PASSWORD, useSeededServices } from "./fixtures";

const seeded = useSeededServices();

async function outcome(fn: () => Promise<unknown>) {
  try {
    return { value: await fn() };
  } catch (error) {
    return { error };
  }
}

describe("requireRole", () => {
  it("redirects anonymous users to the login page", async () => {
    const { requireRole } = await import("@/lib/auth/guard");
    const { runWithSession } = await import("@/lib/auth/session");
    const result = await outcome(() => runWithSession(null, () => requireRole("EDITOR")));
    expect(isLoginRedirect(result.error)).toBe(true);
  });

  it("lets ADMIN pass EDITOR checks and refuses EDITOR on ADMIN checks", async () => {
    const { requireRole } = await import("@/lib/auth/guard");
    const { runWithSession } = await import("@/lib/auth/session");
    const admin = await runWithSession(seeded.users.admin, () => requireRole("EDITOR"));
    expect(admin).toMatchObject({ email: "admin@example.org", role: "ADMIN" });
    const editor = await runWithSession(seeded.users.editor, () => requireRole("EDITOR"));
    expect(editor.role).toBe("EDITOR");
    expect(isForbidden((await outcome(() => runWithSession(seeded.users.editor, () => requireRole("ADMIN")))).error)).toBe(true);
  });

  it("ends sessions of disabled users, after a password reset and takes the role from the database", async () => {
    const { requireRole } = await import("@/lib/auth/guard");
    const { runWithSession } = await import("@/lib/auth/session");
    const { changeUserRole, createUser, resetUserPassword, setUserDisabled } = await import("@/lib/auth/users");
    expect(isLoginRedirect((await outcome(() => runWithSession(seeded.users.disabled, () => requireRole("EDITOR")))).error)).toBe(true);

    const temp = await createUser({ email: "temp@example.org", password: PASSWORD, role: "EDITOR" });
    const claims = { id: temp.id, sessionEpoch: 0 };
    expect((await runWithSession(claims, () => requireRole("EDITOR"))).id).toBe(temp.id);
    await changeUserRole(temp.id, "ADMIN", { userId: seeded.users.admin.id });
    expect((await runWithSession(claims, () => requireRole("ADMIN"))).role).toBe("ADMIN");
    await resetUserPassword(temp.id, { userId: seeded.users.admin.id });
    expect(isLoginRedirect((await outcome(() => runWithSession(claims, () => requireRole("EDITOR")))).error)).toBe(true);
    // Re-enabling does not revive old cookies: the epoch moved on when the account was disabled.
    await setUserDisabled(seeded.users.disabled.id, false, { userId: seeded.users.admin.id });
    expect(isLoginRedirect((await outcome(() => runWithSession(seeded.users.disabled, () => requireRole("EDITOR")))).error)).toBe(true);
    expect((await runWithSession({ id: seeded.users.disabled.id, sessionEpoch: 1 }, () => requireRole("EDITOR"))).email).toBe("gone@example.org");
  });

  it("keeps the last enabled admin", async () => {
    const { setUserDisabled, changeUserRole, UserAdminError } = await import("@/lib/auth/users");
    const { db } = await import("@/lib/db/client");
    // temp@ is an admin now (previous test); demote it so admin@ is the only one left.
    const temp = await db().user.findUniqueOrThrow({ where: { email: "temp@example.org" } });
    await changeUserRole(temp.id, "EDITOR", { userId: seeded.users.admin.id });
    await expect(changeUserRole(seeded.users.admin.id, "EDITOR", { userId: seeded.users.editor.id })).rejects.toBeInstanceOf(UserAdminError);
    await expect(setUserDisabled(seeded.users.admin.id, true, { userId: seeded.users.editor.id })).rejects.toBeInstanceOf(UserAdminError);
  });
});

describe("guardRoute", () => {
  it("answers 401, 403 and checks Origin on mutating requests", async () => {
    const { guardRoute } = await import("@/lib/auth/guard");
    const { runWithSession } = await import("@/lib/auth/session");
    const post = (origin?: string) => new NextRequest("http://localhost:4000/api/x", { method: "POST", headers: { host: "localhost:4000", ...(origin ? { origin } : {}) } });
    const status = (r: unknown) => (r instanceof Response ? r.status : 200);
    expect(status(await runWithSession(null, () => guardRoute(post(), "EDITOR")))).toBe(401);
    expect(status(await runWithSession(seeded.users.editor, () => guardRoute(post(), "ADMIN")))).toBe(403);
    expect(status(await runWithSession(seeded.users.admin, () => guardRoute(post("https://evil.example"), "EDITOR")))).toBe(403);
    expect(status(await runWithSession(seeded.users.admin, () => guardRoute(post("null"), "EDITOR")))).toBe(403);
    expect(status(await runWithSession(seeded.users.admin, () => guardRoute(post("http://localhost:4000"), "ADMIN")))).toBe(200);
    const get = new NextRequest("http://localhost:4000/api/x", { headers: { origin: "https://evil.example" } });
    expect(status(await runWithSession(seeded.users.editor, () => guardRoute(get, "EDITOR")))).toBe(200);
  });
});

describe("verifyLogin", () => {
  it("accepts the right password and gives the same answer for a wrong password, unknown email and disabled account", async () => {
    const { verifyLogin } = await import("@/lib/auth/login");
    expect(await verifyLogin({ email: "Admin@Example.org ", password: PASSWORD }, "10.0.0.1")).toMatchObject({ id: seeded.users.admin.id, role: "ADMIN" });
    expect(await verifyLogin({ email: "admin@example.org", password: "wrong" }, "10.0.0.1")).toBeNull();
    expect(await verifyLogin({ email: "nobody@example.org", password: PASSWORD }, "10.0.0.1")).toBeNull();
    const { db } = await import("@/lib/db/client");
    const disabled = await db().user.findUniqueOrThrow({ where: { id: seeded.users.disabled.id } });
    if (!disabled.disabledAt) await db().user.update({ where: { id: disabled.id }, data: { disabledAt: new Date() } });
    expect(await verifyLogin({ email: "gone@example.org", password: PASSWORD }, "10.0.0.1")).toBeNull();
  });

  it("slows down after 5 failures, refuses after 10, and a success ends the lockout but keeps the history", async () => {
    const { verifyLogin, LoginRefusedError } = await import("@/lib/auth/login");
    const waits: number[] = [];
    const wait = async (ms: number) => void waits.push(ms);
    const email = "editor@example.org";
    for (let i = 0; i < 5; i++) expect(await verifyLogin({ email, password: "nope" }, "10.0.0.2", { wait })).toBeNull();
    expect(waits).toEqual([]);
    for (let i = 0; i < 5; i++) await verifyLogin({ email, password: "nope" }, "10.0.0.2", { wait });
    expect(waits).toEqual([1000, 2000, 4000, 8000, 8000]);
    const refused = await outcome(() => verifyLogin({ email, password: PASSWORD }, "10.0.0.3", { wait }));
    expect(refused.error).toBeInstanceOf(LoginRefusedError);
    expect((refused.error as Error).message).toMatch(/^Too many failed attempts; try again in 1[45] minutes\.$/);

    const { db } = await import("@/lib/db/client");
    // Age the failures past the window except for 5, then a right password gets through (slowly) and resets.
    const rows = await db().loginAttempt.findMany({ where: { email, success: false }, orderBy: { id: "asc" } });
    await db().loginAttempt.updateMany({ where: { id: { in: rows.slice(0, 5).map((r) => r.id) } }, data: { createdAt: new Date(Date.now() - 16 * 60_000) } });
    waits.length = 0;
    expect(await verifyLogin({ email, password: PASSWORD }, "10.0.0.4", { wait })).toMatchObject({ email });
    expect(waits).toEqual([1000]);
    // The failures stay on record for the audit; they just no longer count against the account.
    expect(await db().loginAttempt.count({ where: { email, success: false } })).toBe(10);
    waits.length = 0;
    expect(await verifyLogin({ email, password: "nope" }, "10.0.0.5", { wait })).toBeNull();
    expect(waits).toEqual([]);
  });

  it("counts failures per IP across emails", async () => {
    const { verifyLogin, LoginRefusedError } = await import("@/lib/auth/login");
    const wait = async () => {};
    for (let i = 0; i < 10; i++) await verifyLogin({ email: `guess${i}@example.org`, password: "nope" }, "10.9.9.9", { wait });
    await expect(verifyLogin({ email: "admin@example.org", password: PASSWORD }, "10.9.9.9", { wait })).rejects.toBeInstanceOf(LoginRefusedError);
    // The same account from another address still works: per-email count is low.
    expect(await verifyLogin({ email: "admin@example.org", password: PASSWORD }, "10.1.1.1", { wait })).not.toBeNull();
  });
});

describe("createUser", () => {
  it("validates input and refuses a duplicate email", async () => {
    const { createUser, UserAdminError } = await import("@/lib/auth/users");
    await expect(createUser({ email: "admin@example.org", password: PASSWORD, role: "EDITOR" })).rejects.toBeInstanceOf(UserAdminError);
    await expect(createUser({ email: "short@example.org", password: "short", role: "EDITOR" })).rejects.toThrow(/12 characters/);
    await expect(createUser({ email: "not-an-email", password: PASSWORD, role: "EDITOR" })).rejects.toThrow(/valid email/);
    const { db } = await import("@/lib/db/client");
    const stored = await db().user.findUniqueOrThrow({ where: { email: "admin@example.org" } });
    expect(stored.passwordHash).toMatch(/^\$argon2id\$/);
  });
});
