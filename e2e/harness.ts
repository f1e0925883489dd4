import type { Page } from "@playwright/test";

// Shared by specs that write fixtures through lib/ from the test process: lib/ must use the
// harness's services (e2e/global-setup.ts), and editors sign in with the harness's password.

export const EDITOR = { email: "editor@example.org", password: "correct horse battery staple" };

export function useHarnessServices(): void {
  Object.assign(process.env, {
    DATABASE_URL: process.env.PRESSROOM_E2E_DATABASE_URL,
    MEILI_HOST: process.env.PRESSROOM_E2E_MEILI_HOST,
    MEILI_MASTER_KEY: process.env.PRESSROOM_E2E_MEILI_KEY,
  });
}

/** Signs the editor in and waits until an editor page has loaded. */
export async function signInAsEditor(page: Page): Promise<void> {
  await page.goto("/login?callbackUrl=/editor");
  await page.getByLabel("Email").fill(EDITOR.email);
  await page.getByLabel("Password").fill(EDITOR.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  // The login URL itself mentions /editor (callbackUrl), so wait on the path.
  await page.waitForURL((url) => url.pathname.startsWith("/editor"));
}
