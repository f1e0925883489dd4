import pg from "pg";
import { expect, type Browser, type Page } from "@playwright/test";

// Signing in through the real login form, and direct reads of the harness's database, shared
// by the editor specs. Users admin@ / editor@ exist (e2e/global-setup.ts).

export const PASSWORD = "correct horse battery staple";
export const GENERIC_ERROR = "That email and password do not match an active account.";

export async function query<T extends pg.QueryResultRow>(sql: string, values: unknown[] = []): Promise<T[]> {
  const client = new pg.Client({ connectionString: process.env.PRESSROOM_E2E_DATABASE_URL });
  await client.connect();
  try {
    return (await client.query<T>(sql, values)).rows;
  } finally {
    await client.end();
  }
}

export async function login(page: Page, email: string, password = PASSWORD) {
  await page.goto("/login");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
}

export async function signedIn(browser: Browser, email: string): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await login(page, email);
  await expect(page.getByRole("heading", { name: "Editor dashboard" })).toBeVisible();
  return page;
}
