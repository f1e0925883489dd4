import { expect, test } from "@playwright/test";
import pg from "pg";

// From a search result to a citable answer and back into its transcript, by mouse and keyboard.

test("open a pair from search, copy its citation, follow it in context, and tab through without a trap", async ({ page, context, baseURL }) => {
  await context.grantPermissions(["clipboard-read", "clipboard-write"], { origin: baseURL });

  await page.goto("/search?q=revitalize+Jilin");
  const permanentLink = page.locator('main a[href^="/qa/"]').first();
  await expect(permanentLink).toBeVisible();
  await permanentLink.click();

  // The bare /qa/{id} link answered 308 to the canonical /qa/{id}/{slug}.
  await expect(page).toHaveURL(/\/qa\/[0-9a-z]{8}\/[a-z0-9-]+$/);
  const publicId = new URL(page.url()).pathname.split("/")[2];
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  await expect(page.locator('link[rel="canonical"]')).toHaveAttribute("href", new RegExp(`/qa/${publicId}/`));
  const jsonLd = JSON.parse((await page.locator('script[type="application/ld+json"]').first().textContent()) ?? "null");
  expect(jsonLd[0]["@type"]).toBe("QAPage");

  const apa = (await page.locator("#cite-apa").textContent())!.trim();
  expect(apa).toContain(`/qa/${publicId}/`);
  const copyApa = page.getByRole("button", { name: "Copy APA" });
  await expect(copyApa).toBeEnabled();
  await copyApa.click();
  await expect(page.getByText("APA citation copied")).toBeVisible();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(apa);

  await page.getByRole("link", { name: "Read in context" }).click();
  await expect(page).toHaveURL(new RegExp(`/conferences/[^#]+#qa-${publicId}$`));
  const anchored = page.locator(`#qa-${publicId}`);
  await expect(anchored).toBeVisible();
  await expect(anchored).toBeInViewport();

  // Keyboard: Tab must walk forward through every control and leave the page's last one.
  await page.keyboard.press("Tab");
  const focusables = await page.locator("a[href], button:not([disabled]), input, select, textarea, [tabindex]:not([tabindex='-1'])").count();
  const seen: string[] = [];
  let repeatedInARow = 0;
  for (let i = 0; i < focusables + 5; i++) {
    const current = await page.evaluate(() => {
      const el = document.activeElement;
      if (!el || el === document.body) return "body";
      return `${el.tagName}|${el.getAttribute("href") ?? ""}|${el.textContent?.slice(0, 40) ?? ""}|${Array.from(el.parentNode?.children ?? []).indexOf(el)}`;
    });
    if (seen.at(-1) === current) repeatedInARow++;
    else repeatedInARow = 0;
    expect(repeatedInARow, `focus stuck on ${current}`).toBeLessThan(2);
    seen.push(current);
    if (current === "body") break;
    await page.keyboard.press("Tab");
  }
  // The footer's last link is reached: focus was not held anywhere before the end of the page.
  expect(seen.some((s) => s.includes("/api/v1/openapi.json"))).toBe(true);
  expect(seen.at(-1)).toBe("body");

  // From the top of the page the first Tab lands on the skip link.
  await page.goto(page.url().replace(/#.*$/, ""));
  await page.keyboard.press("Tab");
  await expect(page.getByRole("link", { name: "Skip to content" })).toBeFocused();
});

test("an unknown pair answers 404 and an old slug 308 to the canonical URL", async ({ request }) => {
  const missing = await request.get("/qa/zzzzzzzz", { maxRedirects: 0 });
  expect(missing.status()).toBe(404);
  const feed = await request.get("/feed.xml");
  expect(feed.headers()["content-type"]).toContain("application/atom+xml");
  const firstEntry = /<link rel="alternate" type="text\/html" href="[^"]*\/conferences\/([^"]+)"/.exec(await feed.text());
  expect(firstEntry).not.toBeNull();
  const conference = await request.get(`/api/v1/conferences/${firstEntry![1]}`);
  const body = await conference.json();
  const pair = body.transcript.find((b: { kind: string }) => b.kind === "pair");
  const redirect = await request.get(`/qa/${pair.id}/some-old-slug`, { maxRedirects: 0 });
  expect(redirect.status()).toBe(308);
  expect(redirect.headers()["location"]).toBe(new URL(pair.url).pathname);
});

test("a withdrawn pair answers 410 Gone with its title and the reason", async ({ request }) => {
  const databaseUrl = process.env.PRESSROOM_E2E_DATABASE_URL;
  test.skip(!databaseUrl, "needs the e2e harness database (PRESSROOM_E2E_DATABASE_URL)");
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  const { rows } = await client.query<{ publicId: string }>(
    `SELECT p."publicId" FROM "QaPair" p JOIN "Conference" c ON c.id = p."conferenceId" WHERE p.status = 'PUBLISHED' AND c.status = 'PUBLISHED' ORDER BY p.id DESC LIMIT 1`,
  );
  const publicId = rows[0].publicId;
  try {
    await client.query(`UPDATE "QaPair" SET status = 'UNPUBLISHED', "statusReason" = 'Withdrawn for the e2e test' WHERE "publicId" = $1`, [publicId]);
    const withSlug = await request.get(`/qa/${publicId}/any-slug`, { maxRedirects: 0 });
    expect(withSlug.status()).toBe(308);
    expect(withSlug.headers()["location"]).toBe(`/qa/${publicId}`);
    const gone = await request.get(`/qa/${publicId}`, { maxRedirects: 0 });
    expect(gone.status()).toBe(410);
    expect(await gone.text()).toContain("Withdrawn for the e2e test");
  } finally {
    await client.query(`UPDATE "QaPair" SET status = 'PUBLISHED', "statusReason" = NULL WHERE "publicId" = $1`, [publicId]);
    await client.end();
  }
});
