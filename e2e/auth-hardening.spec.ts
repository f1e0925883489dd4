import { expect, test } from "@playwright/test";
import { GENERIC_ERROR, login, PASSWORD, signedIn } from "./editor-session";
import { startFreshInstall } from "./fresh-install";

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
    const install = await startFreshInstall("setup", { searchWorker: false });
    try {
      const link = install.setupLink;
      expect(link).toMatch(new RegExp(`^${install.baseURL.replace(/[.]/g, "\\.")}/setup\\?token=[A-Za-z0-9_-]{43}$`));
      const context = await browser.newContext({ baseURL: install.baseURL });
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
      await install.stop();
    }
  });
});
