import pg from "pg";
import { expect, test } from "@playwright/test";

// The web server (scripts/web-server.ts) decides the client address from the socket: a
// client-written X-Forwarded-For must not choose the address a failed login is counted under.

test("a spoofed X-Forwarded-For is ignored: the failed login is recorded with the socket address", async ({ browser }) => {
  const email = `spoof-${Date.now()}@example.org`;
  const context = await browser.newContext({ extraHTTPHeaders: { "X-Forwarded-For": "6.6.6.6", "X-Real-IP": "6.6.6.7" } });
  const page = await context.newPage();
  await page.goto("/login");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill("not the password at all");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByText("That email and password do not match an active account.")).toBeVisible();
  await context.close();

  const client = new pg.Client({ connectionString: process.env.PRESSROOM_E2E_DATABASE_URL });
  await client.connect();
  try {
    const { rows } = await client.query<{ ip: string | null }>(`SELECT ip FROM "LoginAttempt" WHERE email = $1`, [email]);
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) expect(row.ip).toBe("127.0.0.1");
  } finally {
    await client.end();
  }
});

test("liveness and readiness answer", async ({ request }) => {
  const health = await request.get("/api/health");
  expect(health.status()).toBe(200);
  // The e2e server runs keyword-only (the default): health says so.
  expect(await health.json()).toEqual({ status: "ok", searchMode: "keyword", embeddingModel: null });
  const ready = await request.get("/api/ready");
  const body = await ready.json();
  expect(body.checks.postgres.ok).toBe(true);
  expect(body.checks.search.ok).toBe(true);
  expect(body.checks.indexSettings).toMatchObject({ ok: true, index: "qa" });
  expect(ready.status()).toBe(body.ready ? 200 : 503);
});
