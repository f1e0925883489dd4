import { expect, test, type Page } from "@playwright/test";
import { signInAsEditor } from "./harness";
import { harnessArchiveLib } from "./harness-lib";

// One person, one speaker page, both ways (issue 12.3): imports file "MR. BRANDT" and "MS. BRANDT"
// under one person because a courtesy title does not tell people apart; an editor splits the
// second label off as its own person, then renames the first. The speaker pages, the search
// filter and the old speaker URL follow. Uses an organizer of its own so other specs' people stay put.

const ORGANIZER = "Ministry of Forestry (people split spec)";

async function publishBrandts() {
  const { publishConference } = await harnessArchiveLib();
  const pair = (speaker: string, topic: string) => ({
    question: { speaker: null, outlet: "Timber Gazette", text: `What about ${topic}?` },
    answers: [{ speaker, text: `On ${topic}, the ministry publishes its figures next week.` }],
  });
  return publishConference({
    metadata: { title: "Forestry briefing for the split spec", heldOn: "2024-06-04", language: "en", organizer: ORGANIZER, sourceName: "e2e" },
    pairs: [pair("MR. BRANDT", "spruce felling"), pair("MR. BRANDT", "oak planting"), pair("MS. BRANDT", "beech bark disease")],
  });
}

/** Opens the editor page of the person listed under `name`, once the page has hydrated. */
async function openPerson(page: Page, name: string) {
  await page.goto(`/editor/people?q=${encodeURIComponent("brandt")}`);
  // The list of all entries, not the merge suggestions above it (which may name the same person).
  await page.getByRole("listitem").getByRole("link", { name, exact: true }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(name);
  await page.waitForLoadState("networkidle");
}

async function searchShows(page: Page, speaker: string, shown: string, hidden: string) {
  await expect(async () => {
    await page.goto(`/search?speaker=${encodeURIComponent(speaker)}`);
    await expect(page.getByText(shown, { exact: false }).first()).toBeVisible({ timeout: 1000 });
    await expect(page.getByText(hidden, { exact: false })).toHaveCount(0, { timeout: 1000 });
  }).toPass({ timeout: 30_000 });
}

test("an editor splits a wrongly joined label off as its own person, then renames the first; pages, filters and old URLs follow", async ({ page }) => {
  const conference = await publishBrandts();
  await signInAsEditor(page);

  // Both labels were filed under one person, named as first printed.
  await openPerson(page, "MR. BRANDT");
  await expect(page.getByRole("listitem").filter({ hasText: "MS. BRANDT" })).toContainText("× 1");
  const oldPublicPath = await page.getByRole("link", { name: /^\/people\// }).getAttribute("href");
  expect(oldPublicPath).toBe("/people/mr-brandt");

  // Split "MS. BRANDT" off as Ingrid Brandt.
  await page.getByRole("checkbox", { name: "MS. BRANDT" }).check();
  await page.getByLabel("Name of the new entry (optional)").fill("Ingrid Brandt");
  await page.getByRole("button", { name: "Split off" }).click();
  await expect(page.getByRole("status")).toHaveText('Split off as "Ingrid Brandt"; 1 pairs moved.');
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Ingrid Brandt");

  // Her page has her answer only; his page no longer has it.
  await page.goto("/people/ingrid-brandt");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Ingrid Brandt");
  await expect(page.getByText("Also printed as: MS. BRANDT")).toBeVisible();
  await expect(page.getByText("beech bark disease", { exact: false }).first()).toBeVisible();
  await expect(page.getByText("spruce felling", { exact: false })).toHaveCount(0);
  await page.goto(oldPublicPath!);
  await expect(page.getByText("spruce felling", { exact: false }).first()).toBeVisible();
  await expect(page.getByText("beech bark disease", { exact: false })).toHaveCount(0);
  // The search filter follows once the outbox worker has reindexed the moved pair.
  await searchShows(page, "Ingrid Brandt", "beech bark disease", "spruce felling");

  // Rename the first person: a new slug, and the old one redirects to it.
  await openPerson(page, "MR. BRANDT");
  await expect(page.getByText("Only one label; nothing to split.")).toBeVisible();
  await page.getByLabel("Name", { exact: true }).fill("Olaf Brandt");
  await page.getByRole("button", { name: "Rename" }).click();
  await expect(page.getByRole("status")).toHaveText('Renamed to "Olaf Brandt".');
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Olaf Brandt");

  // Merging a person into itself, or into an address that only redirects, is refused in plain words.
  await page.waitForLoadState("networkidle");
  const mergeTarget = page.getByLabel("Slug or address of the entry to keep");
  await mergeTarget.fill("/people/olaf-brandt");
  await page.getByRole("button", { name: "Merge Olaf Brandt into it" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "Not changed:" })).toHaveText("Not changed: A person cannot be merged into itself.");
  await page.waitForLoadState("networkidle");
  await mergeTarget.fill(oldPublicPath!);
  await page.getByRole("button", { name: "Merge Olaf Brandt into it" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "Not changed:" })).toHaveText(
    "Not changed: /people/mr-brandt is an old address that now leads to /people/olaf-brandt; give that one instead.",
  );

  const response = await page.goto(oldPublicPath!);
  expect(response?.ok()).toBe(true);
  await expect(page).toHaveURL(/\/people\/olaf-brandt$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Olaf Brandt");
  await expect(page.getByText("Also printed as: MR. BRANDT")).toBeVisible();
  await expect(page.getByText("oak planting", { exact: false }).first()).toBeVisible();

  // The conference's participants and the editor's list show the two people under their new
  // names, and the filter finds his answers under his new name.
  await page.goto(`/conferences/${conference.slug}`);
  const participants = page.getByRole("region", { name: "Participants" });
  await expect(participants.getByRole("link", { name: "Olaf Brandt" })).toHaveAttribute("href", "/people/olaf-brandt");
  await expect(participants.getByRole("link", { name: "Ingrid Brandt" })).toHaveAttribute("href", "/people/ingrid-brandt");
  await expect(participants.getByRole("link", { name: /BRANDT/ })).toHaveCount(0);
  await page.goto("/editor/people?q=brandt");
  await expect(page.getByRole("listitem").getByRole("link", { name: "MR. BRANDT", exact: true })).toHaveCount(0);
  await expect(page.getByRole("listitem").getByRole("link", { name: "Olaf Brandt", exact: true })).toBeVisible();
  await searchShows(page, "Olaf Brandt", "oak planting", "beech bark disease");
});
