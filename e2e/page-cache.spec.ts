import { expect, test, type APIRequestContext } from "@playwright/test";

// Q&A and conference pages are served from Next's ISR cache (one copy for every visitor) and an
// editor's save must still show on them at once. Runs against e2e/global-setup.ts (a production
// `next start`, where the cache is live), on a throw-away conference so other specs' data stays put.

const PASSWORD = "correct horse battery staple";

/** lib/ code run from this process must use the harness's services. */
async function publishFixture(title: string) {
  Object.assign(process.env, {
    DATABASE_URL: process.env.PRESSROOM_E2E_DATABASE_URL,
    MEILI_HOST: process.env.PRESSROOM_E2E_MEILI_HOST,
    MEILI_MASTER_KEY: process.env.PRESSROOM_E2E_MEILI_KEY,
  });
  const { publishConference } = await import("../lib/archive/publish");
  return publishConference({
    metadata: { title, heldOn: "2024-06-03", language: "en", sourceName: "e2e" },
    pairs: [
      {
        question: { speaker: "Ann Reporter", text: "When will the harbour bridge reopen to traffic?" },
        answers: [{ speaker: "Official", text: "The bridge reopens in the spring." }],
      },
      { question: { speaker: "Ben Reporter", text: "And what will the toll be after the repairs?" }, answers: [{ speaker: "Official", text: "The toll stays as it is." }] },
    ],
  });
}

/** Requests a page twice; the second answer must come from the cache. Returns that response. */
async function servedFromCache(request: APIRequestContext, path: string) {
  const first = await request.get(path, { maxRedirects: 0 });
  expect(first.status(), path).toBe(200);
  const second = await request.get(path, { maxRedirects: 0 });
  expect(second.status(), path).toBe(200);
  expect(second.headers()["x-nextjs-cache"], `${path} served from the ISR cache`).toBe("HIT");
  return second;
}

test("cached Q&A and conference pages show an editor's saved edit right away", async ({ browser, request }) => {
  const fixture = await publishFixture(`Cache check ${Date.now()}`);
  const [first, second] = fixture.pairs.map((p) => p.publicId);
  const conferencePath = `/conferences/${encodeURIComponent(fixture.slug)}`;
  const canonical = new URL((await request.get(`/qa/${first}`)).url()).pathname;
  expect(canonical).toMatch(new RegExp(`^/qa/${first}/when-will-the-harbour-bridge`));
  const neighbour = new URL((await request.get(`/qa/${second}`)).url()).pathname;

  // Warm the cache: both pages are now stored copies, and the neighbour links to the first pair.
  expect(await (await servedFromCache(request, canonical)).text()).toContain("The bridge reopens in the spring.");
  expect(await (await servedFromCache(request, conferencePath)).text()).toContain("The bridge reopens in the spring.");
  expect(await (await servedFromCache(request, neighbour)).text()).toContain(`href="${canonical}"`);

  // An editor corrects the answer and the question (which moves the pair's slug).
  const page = await (await browser.newContext()).newPage();
  await page.goto("/login");
  await page.getByLabel("Email").fill("editor@example.org");
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("heading", { name: "Editor dashboard" })).toBeVisible();
  await page.goto(`/editor/qa/${first}`);
  const answer = `The bridge reopens on 1 April [cache e2e ${Date.now()}].`;
  await page.getByRole("group", { name: "Question" }).getByLabel("Text").fill("When will the swing bridge reopen to traffic?");
  await page.getByRole("group", { name: "Answer 1" }).getByLabel("Text").fill(answer);
  await page.getByRole("button", { name: "Save correction" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Saved." })).toBeVisible();

  // Visitors see the correction on the very next request, not after the hour-long revalidate.
  const newCanonical = new URL((await request.get(`/qa/${first}`)).url()).pathname;
  expect(newCanonical).toMatch(new RegExp(`^/qa/${first}/when-will-the-swing-bridge`));
  const qaPage = await request.get(newCanonical);
  expect(await qaPage.text()).toContain(answer);
  const oldUrl = await request.get(canonical, { maxRedirects: 0 });
  expect(oldUrl.status(), "the old slug's cached copy was dropped: it now redirects").toBe(308);
  // One Location header, also on the request that renders the redirect (see next.config.js).
  expect(
    oldUrl
      .headersArray()
      .filter((h) => h.name.toLowerCase() === "location")
      .map((h) => h.value),
  ).toEqual([newCanonical]);
  const conference = await request.get(conferencePath);
  expect(await conference.text()).toContain(answer);
  expect(await (await request.get(neighbour)).text(), "the neighbour's previous-question link").toContain(`href="${newCanonical}"`);

  // And in a browser, as a reader would.
  const reader = await (await browser.newContext()).newPage();
  await reader.goto(newCanonical);
  await expect(reader.locator("main")).toContainText(answer);
  await reader.goto(conferencePath);
  await expect(reader.locator("main")).toContainText(answer);
});

test("cached pages get a nonce-less CSP; /search keeps its per-request nonce", async ({ request }) => {
  const fixture = await publishFixture(`CSP check ${Date.now()}`);
  const canonical = new URL((await request.get(`/qa/${fixture.pairs[0].publicId}`)).url()).pathname;
  for (const path of [canonical, `/conferences/${encodeURIComponent(fixture.slug)}`]) {
    const headers = (await servedFromCache(request, path)).headers();
    const csp = headers["content-security-policy"];
    expect(csp, path).toMatch(/script-src 'self' 'unsafe-inline'(;|$)/);
    expect(csp, path).not.toContain("nonce-");
    expect(csp, path).not.toContain("strict-dynamic");
    expect(csp, path).toContain("object-src 'none'");
    expect(csp, path).toContain("frame-ancestors 'none'");
    expect(headers["x-content-type-options"], path).toBe("nosniff");
    expect(headers["x-frame-options"], path).toBe("DENY");
    // The cached HTML itself carries no nonce that a later visitor's policy could be matched to.
    expect(await (await request.get(path)).text(), path).not.toMatch(/nonce="/);
  }
  const search = (await request.get("/search?q=bridge")).headers()["content-security-policy"];
  expect(search).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+' 'strict-dynamic'/);
  expect(search).not.toMatch(/script-src[^;]*'unsafe-inline'/);
  const login = (await request.get("/login")).headers()["content-security-policy"];
  expect(login).toMatch(/'nonce-[A-Za-z0-9+/=]+' 'strict-dynamic'/);
});
