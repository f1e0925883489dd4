import { spawn } from "node:child_process";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { GENERIC_ERROR, login, PASSWORD, query, signedIn } from "./editor-session";

// Login hardening: plain POST forms without JavaScript, server-side sign-out, the redirect rule,
// clear 4xx answers, audit emails for admins only, and the first-admin setup link.

test.describe("login and sign-out without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("plain POST forms sign in and out, the password never reaches a URL, and the old session cookie is dead", async ({ page, browser }) => {
    const requests: { method: string; url: string }[] = [];
    page.on("request", (r) => requests.push({ method: r.method(), url: r.url() }));
    await page.goto("/editor");
    await expect(page).toHaveURL(/\/login\?/);
    await login(page, "editor@example.org", "not the password");
    await expect(page.locator("#login-error")).toHaveText(GENERIC_ERROR);
    await page.getByLabel("Email").fill("editor@example.org");
    await page.getByLabel("Password").fill(PASSWORD);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.getByRole("heading", { name: "Editor dashboard" })).toBeVisible();

    expect(requests.filter((r) => /password|horse|not(%20|\+)the/i.test(r.url))).toEqual([]);
    expect(requests.filter((r) => r.method === "POST" && r.url.endsWith("/api/auth/callback/credentials"))).toHaveLength(2);
    const cookies = await page.context().cookies();
    const session = cookies.find((c) => c.name === "next-auth.session-token");
    expect(session).toBeTruthy();
    expect(cookies.find((c) => c.name === "pressroom-device")?.httpOnly).toBe(true);

    await page.getByRole("button", { name: "Sign out" }).click();
    await expect(page.getByRole("status").filter({ hasText: "You are signed out." })).toBeVisible();
    await page.goto("/editor");
    await expect(page).toHaveURL(/\/login\?/);

    // Someone who copied the session cookie before the sign-out gets nothing from it.
    const thief = await browser.newContext({ javaScriptEnabled: false });
    await thief.addCookies([session!]);
    const stolen = await thief.newPage();
    await stolen.goto("/editor");
    await expect(stolen).toHaveURL(/\/login\?/);
    await thief.close();
  });
});

test.describe("login endpoint hardening", () => {
  test("callbackUrl can never leave the site, and odd values do not break the page", async ({ browser, baseURL }) => {
    const page = await signedIn(browser, "editor@example.org");
    for (const target of ["/%09/evil.example", "/%0a/evil.example", "%2F%2Fevil.example", "//evil.example", "/%5Cevil.example", "https://evil.example/", "javascript:alert(1)"]) {
      const response = await page.goto(`/login?callbackUrl=${target}`);
      expect(response?.status(), target).toBeLessThan(400);
      expect(new URL(page.url()).origin, target).toBe(new URL(baseURL!).origin);
      expect(new URL(page.url()).pathname, target).toBe("/editor");
    }
  });

  test("a JSON body to the login endpoint gets a 400 with a message", async ({ request }) => {
    const response = await request.post("/api/auth/callback/credentials", { data: { email: "editor@example.org", password: PASSWORD } });
    expect(response.status()).toBe(400);
    expect((await response.json()).error).toMatch(/x-www-form-urlencoded/);
  });

  test("the audit log shows account emails to admins only", async ({ browser }) => {
    const editor = await signedIn(browser, "editor@example.org");
    await editor.goto("/editor/audit?action=user.login");
    await expect(editor.getByRole("row").nth(1)).toBeVisible();
    expect(await editor.locator("main").textContent()).not.toContain("@example.org");
    const admin = await signedIn(browser, "admin@example.org");
    await admin.goto("/editor/audit?action=user.login");
    await expect(admin.locator("main")).toContainText("Signed in as editor@example.org");
  });
});

test.describe("first admin on a fresh install", () => {
  test("the server prints a one-time setup link that creates the first admin", async ({ browser }) => {
    test.setTimeout(180_000);
    const { findFreePort, waitFor } = await import("../lib/dev-services/ports");
    const { migrate } = await import("../lib/db/migrator");
    const database = `pressroom_setup_${Date.now().toString(36)}`;
    const adminUrl = process.env.PRESSROOM_E2E_DATABASE_URL!;
    await query(`CREATE DATABASE ${database}`);
    const databaseUrl = adminUrl.replace(/\/[^/?]+(\?|$)/, `/${database}$1`);
    await migrate(databaseUrl);
    const port = await findFreePort();
    const root = path.resolve(import.meta.dirname, "..");
    const output: string[] = [];
    const server = spawn(process.execPath, [path.join(root, "node_modules/next/dist/bin/next"), "start", "--port", String(port), "--hostname", "127.0.0.1"], {
      cwd: root,
      env: {
        ...process.env,
        DATABASE_URL: databaseUrl,
        MEILI_HOST: process.env.PRESSROOM_E2E_MEILI_HOST,
        MEILI_MASTER_KEY: process.env.PRESSROOM_E2E_MEILI_KEY,
        MEILI_INDEX: `qa_setup_${port}`,
        NODE_ENV: "production",
        PORT: String(port),
        NEXTAUTH_SECRET: "e2e-setup-secret-0123456789-abcdef",
        NEXTAUTH_URL: `http://127.0.0.1:${port}`,
        PRESSROOM_PUBLIC_URL: `http://127.0.0.1:${port}`,
        PRESSROOM_SEARCH_WORKER: "off",
        NEXT_TELEMETRY_DISABLED: "1",
      },
      stdio: ["ignore", "pipe", "pipe"],
    });
    server.stdout!.on("data", (chunk) => output.push(String(chunk)));
    server.stderr!.on("data", (chunk) => output.push(String(chunk)));
    try {
      let link = "";
      await waitFor(
        async () => {
          link = /No editors yet: create the first admin at (\S+)/.exec(output.join(""))?.[1] ?? "";
          return link !== "";
        },
        "the setup link in the server log",
        90_000,
        250,
      );
      expect(link).toMatch(new RegExp(`^http://127\\.0\\.0\\.1:${port}/setup\\?token=[A-Za-z0-9_-]{43}$`));
      const context = await browser.newContext({ baseURL: `http://127.0.0.1:${port}` });
      const page = await context.newPage();
      await page.goto(link);
      await page.getByLabel("Email").fill("first@example.org");
      await page.getByLabel("Name (optional)").fill("First Admin");
      await page.getByLabel("Password (12 characters or more)").fill(PASSWORD);
      await page.getByLabel("Password again").fill(PASSWORD);
      await page.getByRole("button", { name: "Create admin" }).click();
      await expect(page.getByRole("status")).toContainText("The admin account first@example.org is ready.");
      await login(page, "first@example.org");
      await expect(page.getByRole("heading", { name: "Editor dashboard" })).toBeVisible();
      await page.goto("/editor/users");
      await expect(page.getByRole("heading", { name: "Users" })).toBeVisible();

      const again = await (await browser.newContext()).newPage();
      await again.goto(link);
      await expect(again.getByRole("alert").filter({ hasText: "This setup link has already been used." })).toBeVisible();
      await expect(again.getByRole("button", { name: "Create admin" })).toHaveCount(0);
    } finally {
      server.kill("SIGTERM");
      await new Promise((r) => setTimeout(r, 1000));
      server.kill("SIGKILL");
      await query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
    }
  });
});
