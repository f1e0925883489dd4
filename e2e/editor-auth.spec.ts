import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { GENERIC_ERROR, login, PASSWORD, query, signedIn } from "./editor-session";
import { harnessArchiveLib } from "./harness-lib";

// Editors' login, safe editing of published answers, the audit trail, and the web-security
// promises (CSP headers, no executable transcript text, no search key in the browser bundle).
// Runs against the harness in e2e/global-setup.ts (users admin@ / editor@ exist there).

/** Published pairs with an answer, the seed page's first; each test edits a different one. */
async function publishedPairs(): Promise<string[]> {
  const rows = await query<{ publicId: string }>(
    `SELECT q."publicId" FROM "QaPair" q JOIN "Conference" c ON c.id = q."conferenceId"
     WHERE q.status = 'PUBLISHED' AND c.status = 'PUBLISHED' AND EXISTS (SELECT 1 FROM "Turn" t WHERE t."qaPairId" = q.id AND t.kind = 'ANSWER')
     ORDER BY (c.title LIKE 'SCIO press conference on striving%') DESC, c.id, q.ordinal`,
  );
  return rows.map((r) => r.publicId);
}

test.describe("editor login and editing", () => {
  test("anonymous visitors are sent to login; wrong credentials get one generic message", async ({ page }) => {
    await page.goto("/editor");
    // A first visit passes through next-auth once to get its CSRF cookie (from=signin).
    await expect(page).toHaveURL(/\/login\?(from=signin&)?callbackUrl=[^&]*%2Feditor$/);

    await login(page, "editor@example.org", "not the password");
    const error = page.locator("#login-error");
    await expect(error).toHaveText(GENERIC_ERROR);
    await login(page, "nobody@example.org", PASSWORD);
    await expect(error).toHaveText(GENERIC_ERROR);

    await login(page, "editor@example.org");
    await expect(page).toHaveURL(/\/editor$/);
    await expect(page.getByRole("heading", { name: "Editor dashboard" })).toBeVisible();
    // EDITOR is not ADMIN: the users page answers 403.
    const users = await page.goto("/editor/users");
    expect(users?.status()).toBe(403);
  });

  test("an edit of a published answer shows as a correction, a revision and an audit entry", async ({ browser }) => {
    const [publicId] = await publishedPairs();
    const page = await signedIn(browser, "editor@example.org");
    await page.goto(`/editor/qa/${publicId}`);
    const answer = page.getByRole("group", { name: "Answer 1" }).getByLabel("Text");
    const corrected = `${(await answer.inputValue()).trim()} [e2e correction]`;
    await answer.fill(corrected);
    const note = `Checked against the official recording (e2e ${Date.now()}).`;
    await page.getByLabel(/Public correction note/).fill(note);
    await page.getByRole("button", { name: "Save correction" }).click();
    await expect(page.getByRole("status").filter({ hasText: "Saved." })).toBeVisible();

    await page.reload();
    await expect(page.getByRole("heading", { name: "Revisions" })).toBeVisible();
    await expect(page.getByText(`Public note: ${note}`)).toBeVisible();

    await page.goto(`/qa/${publicId}`);
    await expect(page.getByRole("region", { name: "Corrections" })).toContainText(note);
    await expect(page.locator("main")).toContainText("[e2e correction]");

    await page.goto("/editor/audit?action=pair.edit");
    const row = page.getByRole("row").filter({ has: page.getByRole("link", { name: `QaPair ${publicId}` }) });
    await expect(row.first()).toContainText("Eddie Editor");
    await expect(row.first()).toContainText("changed");
  });

  test("two editors saving the same pair: one save, one conflict showing the other edit", async ({ browser }) => {
    const publicId = (await publishedPairs())[1];
    const admin = await signedIn(browser, "admin@example.org");
    const editor = await signedIn(browser, "editor@example.org");
    await admin.goto(`/editor/qa/${publicId}`);
    await editor.goto(`/editor/qa/${publicId}`);

    const theirs = `Admin's wording ${Date.now()}`;
    const mine = `Editor's wording ${Date.now()}`;
    await admin.getByRole("group", { name: "Answer 1" }).getByLabel("Text").fill(theirs);
    await editor.getByRole("group", { name: "Answer 1" }).getByLabel("Text").fill(mine);

    await admin.getByRole("button", { name: "Save correction" }).click();
    await expect(admin.getByRole("status").filter({ hasText: "Saved." })).toBeVisible();
    await editor.getByRole("button", { name: "Save correction" }).click();
    const conflict = editor.getByRole("alert").filter({ has: editor.getByRole("heading", { name: "Edit conflict" }) });
    await expect(conflict).toBeVisible();
    await expect(conflict).toContainText(theirs);
    await expect(conflict).toContainText("Ada Admin");
    // The second editor's text is still in the form, and the stored text is the first save.
    await expect(editor.getByRole("group", { name: "Answer 1" }).getByLabel("Text")).toHaveValue(mine);
    const [stored] = await query<{ text: string }>(
      `SELECT t.text FROM "Turn" t JOIN "QaPair" q ON q.id = t."qaPairId" WHERE q."publicId" = $1 AND t.kind = 'ANSWER' ORDER BY t.position LIMIT 1`,
      [publicId],
    );
    expect(stored.text).toBe(theirs);
  });
});

/** lib/ code run from this process (publishConference) must use the harness's services. */
const archiveLib = harnessArchiveLib;

/** A throw-away published conference, so status changes never touch data other specs rely on. */
async function publishFixture(title: string, questionText: string) {
  const { publishConference } = await archiveLib();
  return publishConference({
    metadata: { title, heldOn: "2024-06-02", language: "en", sourceName: "e2e" },
    pairs: [{ question: { speaker: "Ann Reporter", text: questionText }, answers: [{ speaker: "Official", text: "An answer." }] }],
  });
}

test.describe("status changes and user administration", () => {
  test("an unpublished pair answers 410 Gone with the reason, and comes back when restored", async ({ browser, request }) => {
    const fixture = await publishFixture(`Withdrawal check ${Date.now()}`, "Will this be withdrawn?");
    const publicId = fixture.pairs[0].publicId;
    const page = await signedIn(browser, "editor@example.org");
    await page.goto(`/editor/qa/${publicId}`);
    await page.getByLabel("Action").selectOption("unpublish");
    await page.getByLabel(/^Reason/).fill("Speaker's office disputes the transcript");
    await page.getByRole("button", { name: "Apply" }).click();
    await expect(page.getByRole("status").filter({ hasText: "now unpublished" })).toBeVisible();

    const gone = await request.get(`/qa/${publicId}`, { maxRedirects: 0 });
    expect(gone.status()).toBe(410);
    expect(await gone.text()).toContain("office disputes the transcript");

    await page.reload();
    await page.getByLabel("Action").selectOption("restore");
    await page.getByRole("button", { name: "Apply" }).click();
    await expect(page.getByRole("status").filter({ hasText: "now published" })).toBeVisible();
    expect((await request.get(`/qa/${publicId}`)).status()).toBe(200);
  });

  test("an admin invites a user, and disabling them ends their session on the next request", async ({ browser }) => {
    const admin = await signedIn(browser, "admin@example.org");
    const email = `invitee-${Date.now()}@example.org`;
    await admin.goto("/editor/users");
    const invite = admin.getByRole("form", { name: "Invite a user" });
    await invite.getByLabel("Email").fill(email);
    await invite.getByRole("button", { name: "Invite" }).click();
    const password = (await invite.locator(".temp-password").textContent())!.trim();
    expect(password.length).toBeGreaterThanOrEqual(20);

    const invitee = await (await browser.newContext()).newPage();
    await login(invitee, email, password);
    await expect(invitee.getByRole("heading", { name: "Editor dashboard" })).toBeVisible();

    await admin.reload();
    const row = admin.getByRole("row").filter({ hasText: email });
    await row.getByRole("button", { name: `Disable ${email}` }).click();
    await expect(row.getByRole("status")).toContainText("User disabled");

    await invitee.goto("/editor/audit");
    await expect(invitee).toHaveURL(/\/login\?callbackUrl=%2Feditor%2Faudit$/);
    await admin.goto(`/editor/audit?action=user.disable`);
    await expect(admin.getByRole("row").filter({ hasText: `Disabled ${email}` })).toBeVisible();
  });
});

test.describe("web security", () => {
  test("pages carry a nonce CSP and the other security headers", async ({ page }) => {
    const response = await page.goto("/");
    const headers = response!.headers();
    const csp = headers["content-security-policy"];
    expect(csp).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+' 'strict-dynamic'/);
    expect(csp).not.toMatch(/script-src[^;]*'unsafe-inline'/);
    expect(csp).toContain("frame-ancestors 'none'");
    expect(headers["referrer-policy"]).toBe("strict-origin-when-cross-origin");
    expect(headers["x-content-type-options"]).toBe("nosniff");
    expect(headers["permissions-policy"]).toContain("camera=()");
    // The nonce is fresh per request.
    const again = (await page.request.get("/")).headers()["content-security-policy"];
    expect(again).not.toBe(csp);
    // API responses skip the proxy but still carry a locked-down policy from next.config.js.
    const api = (await page.request.get("/api/v1/search?q=water")).headers();
    expect(api["content-security-policy"]).toBe("default-src 'none'; frame-ancestors 'none'");
    expect(api["x-content-type-options"]).toBe("nosniff");
  });

  test("transcript text full of XSS payloads is shown as text and never runs", async ({ page }) => {
    const { publishConference } = await archiveLib();
    const token = `zqxss${Date.now().toString(36)}`;
    const published = await publishConference({
      metadata: {
        title: `<script>window.__xss=1</script>Briefing ${token} <img src=x onerror="window.__xss=1">`,
        heldOn: "2024-06-01",
        organizer: "<svg onload=window.__xss=1>",
        language: "en",
        sourceName: "xss test",
        sourceUrl: "https://example.org/<script>alert(1)</script>",
      },
      statements: [{ speaker: '<b onmouseover="window.__xss=1">Moderator</b>', text: '"><script>alert(document.cookie)</script>' }],
      pairs: [
        {
          question: {
            speaker: "Eve <img src=x onerror=alert(1)>",
            outlet: "javascript:alert(1)",
            text: `${token} <img src=x onerror="window.__xss=1"> <a href="javascript:window.__xss=1">click me</a>?`,
          },
          answers: [{ speaker: "Official", text: '<iframe src="javascript:window.__xss=1"></iframe><style>body{display:none}</style> [[javascript:window.__xss=1]]' }],
          topics: ["<script>topic</script>"],
        },
      ],
    });
    const publicId = published.pairs[0].publicId;
    let dialogs = 0;
    page.on("dialog", async (dialog) => {
      dialogs++;
      await dialog.dismiss();
    });

    const check = async (url: string) => {
      const response = await page.goto(url);
      expect(response?.status(), url).toBeLessThan(400);
      await expect(page.locator("main")).toContainText(token);
      expect(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss), url).toBeUndefined();
      expect(await page.locator("img[src='x'], iframe, svg[onload], [onerror], [onmouseover]").count(), url).toBe(0);
      // Next's own inline scripts carry the text as JSON data; an injected one would start with the payload.
      const injected = await page.evaluate(() => [...document.querySelectorAll("script")].filter((s) => /^\s*(window\.__xss|alert\()/.test(s.textContent ?? "")).length);
      expect(injected, url).toBe(0);
      expect(await page.locator("a[href^='javascript:']").count(), url).toBe(0);
    };
    await check(`/conferences/${encodeURIComponent(published.slug)}`);
    await check(`/qa/${publicId}`);
    await expect(page.locator("main")).toContainText('<img src=x onerror="window.__xss=1">');
    // Search: the in-process worker indexes the new pair from the outbox.
    await expect(async () => {
      await page.goto(`/search?q=${token}`);
      await expect(page.locator("main")).toContainText("click me", { timeout: 1000 });
    }).toPass({ timeout: 30_000 });
    await check(`/search?q=${token}`);
    expect(dialogs).toBe(0);
  });

  test("the Meilisearch master key appears nowhere in what the browser can download", async () => {
    const key = process.env.PRESSROOM_E2E_MEILI_KEY;
    expect(key, "the harness exports the key it started Meilisearch with").toBeTruthy();
    const root = path.resolve(import.meta.dirname, "../.next");
    const files: string[] = [];
    const walk = async (dir: string, filter: (name: string) => boolean) => {
      for (const entry of await readdir(dir, { withFileTypes: true }).catch(() => [])) {
        const full = path.join(dir, entry.name);
        if (entry.isDirectory()) await walk(full, filter);
        else if (filter(entry.name)) files.push(full);
      }
    };
    await walk(path.join(root, "static"), () => true);
    const staticCount = files.length;
    // Prerendered pages are served as they are, so they count as downloadable too.
    await walk(path.join(root, "server", "app"), (name) => /\.(html|rsc|body|meta)$/.test(name));
    expect(staticCount).toBeGreaterThan(10);
    const leaks: string[] = [];
    for (const file of files) if ((await readFile(file)).includes(key!)) leaks.push(path.relative(root, file));
    expect(leaks).toEqual([]);
  });
});
