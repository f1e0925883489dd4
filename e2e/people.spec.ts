import { expect, test } from "@playwright/test";
import { harnessArchiveLib } from "./harness-lib";

// One person, one speaker page: an editor merges two spellings of one spokesperson from the
// suggestions list; the old speaker URL then redirects to the survivor, whose page and search
// filter carry every answer. Uses a conference of its own so other specs' data stays as it is.

const PASSWORD = "correct horse battery staple";

test("an editor merges two spellings of one speaker and the old URL redirects", async ({ page }) => {
  const { publishConference } = await harnessArchiveLib();
  const answer = (speaker: string, text: string) => ({
    question: { speaker: null, outlet: "Harbor Daily", text: `${text}?` },
    answers: [{ speaker, text: `${text}: under review.` }],
  });
  await publishConference({
    metadata: { title: "Fisheries briefing for the people spec", heldOn: "2024-06-03", language: "en", organizer: "Ministry of Fisheries", sourceName: "e2e" },
    pairs: [answer("MS. HALVORSEN", "Quotas for cod"), answer("MS. HALVORSEN", "Quotas for herring"), answer("MS. HALVERSEN", "Quotas for mackerel")],
  });

  await page.goto("/login?callbackUrl=/editor/people");
  await page.getByLabel("Email").fill("editor@example.org");
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.waitForURL((url) => url.pathname.startsWith("/editor"));
  await page.goto("/editor/people");

  await expect(page.getByRole("heading", { level: 1, name: "People" })).toBeVisible();
  await page.getByRole("button", { name: "Merge MS. HALVERSEN into MS. HALVORSEN" }).click();
  await expect(page.getByRole("status")).toContainText('Merged into "MS. HALVORSEN". 1 pairs are being reindexed.');
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("MS. HALVORSEN");

  const response = await page.goto("/people/ms-halversen");
  expect(response?.ok()).toBe(true);
  await expect(page).toHaveURL(/\/people\/ms-halvorsen$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("MS. HALVORSEN");
  await expect(page.getByText("Also printed as: MS. HALVERSEN")).toBeVisible();
  await expect(page.getByText("Quotas for mackerel", { exact: false }).first()).toBeVisible();

  // The in-process outbox worker reindexes the moved answer: the search filter follows.
  await expect(async () => {
    await page.goto("/search?speaker=MS.+HALVORSEN");
    await expect(page.getByText("Quotas for mackerel", { exact: false }).first()).toBeVisible({ timeout: 1000 });
  }).toPass({ timeout: 30_000 });
});
