import { describe, expect, it } from "vitest";
import { PASSWORD, useSeededServices } from "./fixtures";

// The attacker's probe: many simultaneous guesses on one account. Throttling is worth what the
// number of passwords actually checked (argon2 verifications) says, so that is what is counted.

useSeededServices();

async function burst(email: string, tries: number, rightAt: number, ipFor: (i: number) => string) {
  const { verifyLogin } = await import("@/lib/auth/login");
  const { passwordChecks } = await import("@/lib/auth/password");
  const before = passwordChecks.count;
  const wait = async () => {};
  const results = await Promise.allSettled(Array.from({ length: tries }, (_, i) => verifyLogin({ email, password: i === rightAt ? PASSWORD : `guess-${i}` }, ipFor(i), { wait })));
  const signedIn = results.filter((r) => r.status === "fulfilled" && r.value !== null).length;
  const checked = passwordChecks.count - before;
  console.log(`[burst] ${tries} simultaneous tries on ${email}: ${checked} passwords checked, ${signedIn} signed in`);
  return { checked, signedIn };
}

describe("simultaneous login guesses", () => {
  it("a 30-try burst from 30 addresses checks at most 10 passwords", async () => {
    const { checked, signedIn } = await burst("editor@example.org", 30, 29, (i) => `10.30.0.${i}`);
    expect(checked).toBeLessThanOrEqual(10);
    expect(checked).toBeGreaterThan(0);
    expect(signedIn).toBeLessThanOrEqual(1);
  });

  it("a 200-try burst with the right password last checks at most 10", async () => {
    const { checked } = await burst("admin@example.org", 200, 199, (i) => `10.200.${i >> 8}.${i & 255}`);
    expect(checked).toBeLessThanOrEqual(10);
  });

  it("a burst from one address is held to 10 checks across accounts", async () => {
    const { verifyLogin } = await import("@/lib/auth/login");
    const { passwordChecks } = await import("@/lib/auth/password");
    const before = passwordChecks.count;
    await Promise.allSettled(Array.from({ length: 40 }, (_, i) => verifyLogin({ email: `someone${i}@example.org`, password: "x" }, "10.77.7.7", { wait: async () => {} })));
    expect(passwordChecks.count - before).toBeLessThanOrEqual(10);
  });
});
