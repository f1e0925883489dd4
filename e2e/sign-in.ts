import type { Page } from "@playwright/test";

/** The editor created by global-setup.ts, signed in and left on the new-import page. */
export async function signInAsEditor(page: Page): Promise<void> {
  await page.goto("/login?callbackUrl=/editor/imports/new");
  await page.getByLabel("Email").fill("editor@example.org");
  await page.getByLabel("Password").fill("correct horse battery staple");
  await page.getByRole("button", { name: "Sign in" }).click();
  // The login URL itself mentions /editor (callbackUrl), so wait on the path.
  await page.waitForURL((url) => url.pathname.startsWith("/editor"));
  if (!page.url().includes("/editor/imports/new")) await page.goto("/editor/imports/new");
  // Wait for hydration: a click before it posts the upload form natively, where the file arrives empty.
  await page.waitForLoadState("networkidle");
}
