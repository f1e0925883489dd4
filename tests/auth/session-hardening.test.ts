import { describe, expect, it } from "vitest";
import { NextRequest } from "next/server";
import { getAccessFallbackHTTPStatus, isHTTPAccessFallbackError } from "next/dist/client/components/http-access-fallback/http-access-fallback";
import { PASSWORD, useSeededServices } from "./fixtures";

const seeded = useSeededServices();

describe("sign-out", () => {
  it("revokes the signed-out session on the server, and only that one", async () => {
    const { authOptions } = await import("@/lib/auth/options");
    const { sessionUserFor } = await import("@/lib/auth/session");
    const laptop = { ...seeded.users.editor, sid: "laptop-session-id-000001" };
    const phone = { ...seeded.users.editor, sid: "phone-session-id-0000001" };
    expect(await sessionUserFor(laptop)).not.toBeNull();
    const exp = Math.floor(Date.now() / 1000) + 3600;
    await authOptions().events!.signOut!({ token: { uid: laptop.id, sid: laptop.sid, sessionEpoch: 0, exp }, session: null as never });
    expect(await sessionUserFor(laptop)).toBeNull();
    expect(await sessionUserFor(phone)).not.toBeNull();
  });

  it("an admin signs a user out everywhere, audited; editors cannot (403)", async () => {
    const { sessionUserFor, runWithSession } = await import("@/lib/auth/session");
    const { signOutEverywhereAction } = await import("@/app/editor/users/actions");
    const { db } = await import("@/lib/db/client");
    const { createUser } = await import("@/lib/auth/users");
    const target = await createUser({ email: "roaming@example.org", password: PASSWORD, role: "EDITOR" });
    const claims = { id: target.id, sessionEpoch: 0, sid: "roaming-session-000000001" };
    const form = new FormData();
    form.set("userId", String(target.id));

    const refused = await runWithSession(seeded.users.editor, () => signOutEverywhereAction({ status: "idle" }, form)).catch((e: unknown) => e);
    expect(isHTTPAccessFallbackError(refused) && getAccessFallbackHTTPStatus(refused)).toBe(403);
    expect(await sessionUserFor(claims)).not.toBeNull();

    // The action itself revalidates a Next path, which needs a live request; its work is this call.
    const { signOutEverywhere } = await import("@/lib/auth/users");
    await signOutEverywhere(target.id, { userId: seeded.users.admin.id });
    expect(await sessionUserFor(claims)).toBeNull();
    const audit = await db().auditEvent.findFirstOrThrow({ where: { action: "user.sign_out_everywhere", targetId: String(target.id) } });
    expect(audit.userId).toBe(seeded.users.admin.id);
  });
});

describe("clear 4xx answers", () => {
  it("a JSON body to the login endpoint answers 400 with a message", async () => {
    const { POST } = await import("@/app/api/auth/[...nextauth]/route");
    const request = new NextRequest("http://localhost:3000/api/auth/callback/credentials", {
      method: "POST",
      body: JSON.stringify({ email: "editor@example.org", password: PASSWORD }),
      headers: { "content-type": "application/json" },
    });
    const response = await POST(request, { params: Promise.resolve({ nextauth: ["callback", "credentials"] }) });
    expect(response.status).toBe(400);
    expect((await response.json()).error).toMatch(/x-www-form-urlencoded/);
  });

  it("an editor calling an admin server action gets Next's 403, not an unknown error (500)", async () => {
    const { runWithSession } = await import("@/lib/auth/session");
    const { inviteUserAction } = await import("@/app/editor/users/actions");
    const form = new FormData();
    form.set("email", "sneaky@example.org");
    form.set("role", "ADMIN");
    const error = await runWithSession(seeded.users.editor, () => inviteUserAction({ status: "idle" }, form)).catch((e: unknown) => e);
    expect(isHTTPAccessFallbackError(error)).toBe(true);
    expect(getAccessFallbackHTTPStatus(error as never)).toBe(403);
  });
});

describe("audit log", () => {
  it("shows account emails to admins only; editors see names or user ids", async () => {
    const { listAuditEvents, auditFilterOptions, auditFilterSchema } = await import("@/lib/audit/query");
    const filter = auditFilterSchema.parse({});
    const forAdmin = JSON.stringify([await listAuditEvents(filter, { role: "ADMIN" }), await auditFilterOptions({ role: "ADMIN" })]);
    const forEditor = JSON.stringify([await listAuditEvents(filter, { role: "EDITOR" }), await auditFilterOptions({ role: "EDITOR" })]);
    expect(forAdmin).toContain("gone@example.org");
    expect(forEditor).not.toMatch(/@example\.org/);
    expect(forEditor).toContain(`user #${seeded.users.disabled.id}`);
    expect(forEditor).toContain("Eddie Editor");
  });
});

describe("first-admin setup link", () => {
  it("exists only while there are no users, works once, and expires", async () => {
    const { db } = await import("@/lib/db/client");
    const setup = await import("@/lib/auth/setup");
    expect(await setup.createSetupTokenIfNoUsers()).toBeNull();

    // A fresh install: no users at all.
    await db().$executeRawUnsafe(`TRUNCATE "User" CASCADE`);
    const stale = await setup.createSetupTokenIfNoUsers(new Date(Date.now() - 25 * 60 * 60 * 1000));
    expect(await setup.setupTokenState(stale!)).toBe("expired");
    const token = (await setup.createSetupTokenIfNoUsers())!;
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(await db().setupToken.count({ where: { tokenHash: token } })).toBe(0);
    expect(await setup.setupTokenState(token)).toBe("valid");
    expect(await setup.setupTokenState("made-up")).toBe("unknown");

    const input = { token, email: "first@example.org", name: "First Admin", password: PASSWORD, confirm: PASSWORD };
    await expect(setup.createFirstAdmin({ ...input, confirm: "something else" }, null)).rejects.toThrow(/differ/);
    await expect(setup.createFirstAdmin({ ...input, token: stale }, null)).rejects.toThrow(/expired/);
    // Two submissions of the same link at once: exactly one admin.
    const results = await Promise.allSettled([setup.createFirstAdmin(input, "10.0.0.9"), setup.createFirstAdmin({ ...input, email: "second@example.org" }, "10.0.0.9")]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const loser = results.find((r) => r.status === "rejected");
    expect(loser && String(loser.reason)).toMatch(/already been used/);
    expect(await db().user.count()).toBe(1);
    const admin = await db().user.findFirstOrThrow();
    expect(admin.role).toBe("ADMIN");
    expect(admin.passwordHash).toMatch(/^\$argon2id\$/);
    expect(await db().auditEvent.count({ where: { action: "user.setup_admin", targetId: String(admin.id), ip: "10.0.0.9" } })).toBe(1);
    expect(await setup.setupTokenState(token)).toBe("used");
    expect(await setup.createSetupTokenIfNoUsers()).toBeNull();
  });
});
