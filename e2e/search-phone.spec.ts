import { expect, test } from "@playwright/test";

// The search page on a 390 px phone (issue 13.6): results come before the filters, which sit
// behind a "Filters" button, and the empty page stays small.

test.use({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });

test("the first result is above the fold and the filters open from a button", async ({ page }) => {
  await page.goto("/search?q=desalination");
  const first = page.locator("ol.card-list > li").first();
  await expect(first).toBeVisible();
  const box = (await first.getByRole("heading").boundingBox())!;
  expect(box.y + box.height).toBeLessThan(844);

  const filters = page.getByRole("group", { name: "Answered by" });
  await expect(filters).toBeHidden();
  const button = page.locator("summary", { hasText: "Filters" });
  await expect(button).toBeVisible();
  await button.click();
  await expect(filters).toBeVisible();
  await filters.getByRole("checkbox").first().check();
  await expect(page).toHaveURL(/speaker=/);
  await expect(button).toHaveText("Filters (1 active)");
});

test("the empty search page is at most 100 KB of HTML and says how many pairs there are", async ({ page, request }) => {
  const response = await request.get("/search");
  expect(response.status()).toBe(200);
  const html = await response.body();
  expect(html.byteLength).toBeLessThanOrEqual(100_000);
  await page.goto("/search");
  await expect(page.getByRole("status").filter({ hasText: /matching pair/ })).toHaveText(/^\d[\d,]* matching pairs/);
});

test("/api/v1 answers with a page about the API", async ({ request }) => {
  const response = await request.get("/api/v1");
  expect(response.status()).toBe(200);
  expect(response.headers()["content-type"]).toContain("text/html");
  const html = await response.text();
  expect(html).toContain('href="/api/v1/openapi.json"');
  expect(html).toContain("GET /api/v1/search");
});
