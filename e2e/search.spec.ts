import { expect, test } from "@playwright/test";

// Search against the sample archive and the real seed page loaded by e2e/global-setup.ts.

test("search, filter, reload keeps the state, and a hit opens its page", async ({ page }) => {
  const response = await page.goto("/search?q=desalination");
  expect(response?.status()).toBe(200);
  const status = page.getByRole("status").filter({ hasText: /matching pair/ });
  await expect(status).toContainText(/\d+ matching pairs?/);
  const results = page.locator("ol.card-list > li");
  const before = await results.count();
  expect(before).toBeGreaterThan(1);
  await expect(results.first().locator("mark").first()).toHaveText(/desalinat/i);

  // Filter by who answered: the checkbox updates the URL (JavaScript on) without a submit.
  const speaker = page.getByRole("group", { name: "Answered by" }).getByRole("checkbox", { name: "Zhao Haiping" });
  await speaker.check();
  await expect(page).toHaveURL(/speaker=Zhao\+Haiping/);
  await expect(page.getByRole("list", { name: "Active filters" })).toContainText("Answered by: Zhao Haiping");
  const filteredCount = await status.textContent();
  for (const hit of await results.all()) await expect(hit).toContainText("Zhao Haiping");

  // The URL is the whole state: a reload shows the same search.
  await page.reload();
  await expect(page.getByRole("searchbox", { name: "Search questions and answers" })).toHaveValue("desalination");
  await expect(page.getByRole("group", { name: "Answered by" }).getByRole("checkbox", { name: "Zhao Haiping" })).toBeChecked();
  await expect(status).toHaveText(filteredCount ?? "");

  // A hit opens its permanent page.
  const firstLink = results.first().getByRole("heading").getByRole("link");
  const href = await firstLink.getAttribute("href");
  expect(href).toMatch(/^\/qa\/[0-9a-z]{8}$/);
  await firstLink.click();
  // The permanent link may redirect to its canonical, slugged form.
  await expect(page).toHaveURL(new RegExp(`${href}(/[^/]*)?$`));
  await expect(page.getByText(/desalinat/i).first()).toBeVisible();
});

test("search as you type keeps focus and the URL in step; works without a button", async ({ page }) => {
  await page.goto("/search");
  const box = page.getByRole("searchbox", { name: "Search questions and answers" });
  await box.click();
  await box.pressSequentially("typhoon relief", { delay: 30 });
  await expect(page).toHaveURL(/q=typhoon\+relief/);
  await expect(box).toBeFocused();
  await expect(page.getByRole("status").filter({ hasText: /matching pair/ })).toBeVisible();
  await expect(page.locator("ol.card-list mark").first()).toHaveText(/typhoon|relief/i);
});

test("a misspelt query shows what was searched instead, and the typed words one click away", async ({ page }) => {
  // Two letters swapped in "typhoon": two typos for Meilisearch, more than a 7-letter word gets.
  await page.goto("/search?q=tyhpoon+relief");
  const notice = page.getByTestId("spelling-notice");
  await expect(notice).toContainText("Showing results for typhoon relief");
  await expect(page.locator("ol.card-list mark").first()).toHaveText(/typhoon|relief/i);
  await notice.getByRole("link", { name: "tyhpoon relief" }).click();
  await expect(page).toHaveURL(/spell=off/);
  await expect(page.getByRole("searchbox", { name: "Search questions and answers" })).toHaveValue("tyhpoon relief");
  await expect(page.getByTestId("spelling-notice")).toHaveCount(0);
});

test("Chinese search, the seed page, and the empty-results help", async ({ page }) => {
  await page.goto("/search?q=%E6%B7%A1%E5%8C%96");
  await expect(page.locator("ol.card-list > li").first()).toContainText("淡化");

  await page.goto("/search?q=Jilin");
  await expect(page.locator("ol.card-list")).toContainText(/Hu Yuting|Li Guoqiang/);

  await page.goto("/search?q=desalination&lang=zh&year=1999");
  await expect(page.getByText("Nothing matches this search.")).toBeVisible();
  await page.getByRole("link", { name: /Remove “Year: 1999”/ }).click();
  await expect(page).not.toHaveURL(/year=1999/);
});

test("the search API validates parameters and returns hits with sourceId fields", async ({ request }) => {
  const bad = await request.get("/api/v1/search?limit=1000");
  expect(bad.status()).toBe(400);
  expect((await bad.json()).message).toMatch(/limit/);
  const good = await request.get("/api/v1/search?q=desalination&limit=5");
  expect(good.status()).toBe(200);
  const body = await good.json();
  expect(body.hits.length).toBeGreaterThan(0);
  expect(body.hits[0]).toHaveProperty("sourceId");
  expect(body.hits[0].url).toMatch(/^\/qa\//);
  const openapi = await request.get("/api/v1/openapi.json");
  expect((await openapi.json()).paths["/api/v1/search"]).toBeTruthy();
});
