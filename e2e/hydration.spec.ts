import { expect, test, type Page } from "@playwright/test";
import { signInAsEditor } from "./sign-in";

// React throws away server HTML that does not match its tree (error #418 and kin) and renders the
// whole page again in the browser: slower, and anything typed or chosen before that is lost. It
// happened on every editor page (a <form> inside a <p>, which the HTML parser splits), unnoticed
// because the page still looks right afterwards. Every kind of page must hydrate cleanly.

const HYDRATION_ERROR = /Minified React error #(418|419|421|422|423|425)|Hydration failed|hydrat/i;

async function hydrationErrorsOn(page: Page, path: string): Promise<string[]> {
  const errors: string[] = [];
  const onError = (error: Error) => errors.push(`${path}: ${error.message}`);
  const onConsole = (message: { type(): string; text(): string }) => {
    if (message.type() === "error" && HYDRATION_ERROR.test(message.text())) errors.push(`${path}: ${message.text()}`);
  };
  page.on("pageerror", onError);
  page.on("console", onConsole);
  await page.goto(path);
  // Hydrated: React has attached its fiber to the body (hydrated or rendered again).
  await page.waitForFunction(() => Object.keys(document.body).some((key) => key.startsWith("__reactFiber")), undefined, { timeout: 30_000 });
  // A recoverable hydration error is reported just after hydration finishes.
  await page.waitForTimeout(300);
  page.off("pageerror", onError);
  page.off("console", onConsole);
  return errors.filter((line) => HYDRATION_ERROR.test(line));
}

async function linkedPaths(page: Page, listing: string, prefix: string, count: number): Promise<string[]> {
  await page.goto(listing);
  const hrefs = await page.locator(`main a[href^="${prefix}"]`).evaluateAll((links) => links.map((a) => a.getAttribute("href") ?? ""));
  return [...new Set(hrefs.filter((href) => href !== prefix && href.length > prefix.length))].slice(0, count);
}

test("public and editor pages hydrate without a mismatch, signed out and signed in", async ({ page }) => {
  test.setTimeout(300_000);
  const conferences = await linkedPaths(page, "/conferences", "/conferences/", 1);
  expect(conferences.length).toBe(1);
  const pairs = await linkedPaths(page, conferences[0], "/qa/", 1);
  const people = await linkedPaths(page, "/people", "/people/", 1);
  const outlets = await linkedPaths(page, "/outlets", "/outlets/", 1);
  expect(pairs.length + people.length + outlets.length).toBe(3);
  const publicPaths = ["/", "/search?q=press", "/conferences", ...conferences, ...pairs, "/people", ...people, "/outlets", ...outlets, "/login"];

  const errors: string[] = [];
  for (const path of publicPaths) errors.push(...(await hydrationErrorsOn(page, path)));

  await signInAsEditor(page);
  const editorPaths = ["/editor", "/editor/imports", "/editor/imports/new", "/editor/people", "/editor/search-settings", "/editor/alerts", "/editor/audit"];
  // Signed in, public pages also render the editor's Edit links.
  for (const path of [...editorPaths, ...publicPaths.filter((p) => p !== "/login")]) errors.push(...(await hydrationErrorsOn(page, path)));
  expect(errors).toEqual([]);
});
