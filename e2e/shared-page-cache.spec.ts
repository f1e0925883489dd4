import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { findFreePort, waitFor } from "../lib/dev-services/ports";
import { EDITOR, useHarnessServices } from "./harness";

// Several web servers on one database (npm run cluster): an editor's save through one instance
// shows through another on the very next request, because revalidations are shared through
// Postgres (PRESSROOM_PAGE_CACHE=shared, lib/page-cache/shared-revalidation.mjs). A third
// instance without the shared mode is the control: it keeps serving its stale cached copy, so
// this test fails if the sharing stops working.

const root = path.resolve(import.meta.dirname, "..");
const servers: ChildProcess[] = [];

async function startWebServer(shared: boolean, editorUrl?: string): Promise<string> {
  const port = await findFreePort();
  const url = `http://127.0.0.1:${port}`;
  const child = spawn(process.execPath, ["--import", "tsx", path.join(root, "scripts", "web-server.ts"), "--port", String(port), "--hostname", "127.0.0.1"], {
    cwd: root,
    env: {
      ...process.env,
      DATABASE_URL: process.env.PRESSROOM_E2E_DATABASE_URL,
      MEILI_HOST: process.env.PRESSROOM_E2E_MEILI_HOST,
      MEILI_MASTER_KEY: process.env.PRESSROOM_E2E_MEILI_KEY,
      MEILI_INDEX: "qa",
      NODE_ENV: "production",
      NEXTAUTH_SECRET: "e2e-secret-0123456789-abcdefghijkl",
      NEXTAUTH_URL: editorUrl ?? url,
      NEXT_TELEMETRY_DISABLED: "1",
      PRESSROOM_SEARCH_WORKER: "off",
      PRESSROOM_PAGE_CACHE: shared ? "shared" : "",
    },
    stdio: ["ignore", "inherit", "inherit"],
  });
  servers.push(child);
  await waitFor(async () => (await fetch(`${url}/api/health`).catch(() => undefined))?.ok ?? false, `web server on ${port}`, 90_000, 250);
  return url;
}

test.afterAll(async () => {
  for (const child of servers) child.kill("SIGTERM");
});

test("an edit saved through one web instance is on another's next request", async ({ browser }) => {
  test.setTimeout(240_000);
  useHarnessServices();
  const { publishConference } = await import("../lib/archive/publish");
  const fixture = await publishConference({
    metadata: { title: `Shared cache ${Date.now()}`, heldOn: "2024-06-04", language: "en", sourceName: "e2e" },
    pairs: [
      { question: { speaker: "Ann Reporter", text: "When does the night ferry resume its service?" }, answers: [{ speaker: "Official", text: "The night ferry resumes in May." }] },
    ],
  });
  const publicId = fixture.pairs[0].publicId;
  const [editorInstance, readerInstance, unsharedInstance] = await Promise.all([startWebServer(true), startWebServer(true), startWebServer(false)]);

  const pagePath = new URL((await fetch(`${readerInstance}/qa/${publicId}`)).url).pathname;
  // Both readers' instances hold a cached copy (second request is a cache HIT).
  for (const instance of [readerInstance, unsharedInstance]) {
    await fetch(`${instance}${pagePath}`);
    const cached = await fetch(`${instance}${pagePath}`);
    expect(cached.headers.get("x-nextjs-cache"), instance).toBe("HIT");
    expect(await cached.text()).toContain("The night ferry resumes in May.");
  }

  const context = await browser.newContext({ baseURL: editorInstance });
  const page = await context.newPage();
  await page.goto("/login?callbackUrl=/editor");
  await page.getByLabel("Email").fill(EDITOR.email);
  await page.getByLabel("Password").fill(EDITOR.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.waitForURL((url) => url.pathname.startsWith("/editor"));
  await page.goto(`/editor/qa/${publicId}`);
  const answer = `The night ferry resumes on 2 May [shared cache ${Date.now()}].`;
  await page.getByRole("group", { name: "Answer 1" }).getByLabel("Text").fill(answer);
  await page.getByRole("button", { name: "Save correction" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Saved." })).toBeVisible();

  // The very next request to the other instance has the edit.
  expect(await (await fetch(`${readerInstance}${pagePath}`)).text()).toContain(answer);
  // Control: an instance that does not share revalidations still serves its old copy.
  const stale = await (await fetch(`${unsharedInstance}${pagePath}`)).text();
  expect(stale).toContain("The night ferry resumes in May.");
  expect(stale).not.toContain(answer);
  await context.close();
});
