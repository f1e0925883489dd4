import path from "node:path";
import { expect, test } from "@playwright/test";
import { signInAsEditor } from "./sign-in";

// The editor flow end to end: sign in, upload the real seed page, fix a speaker, publish,
// and find the new pair through public search once the outbox worker has indexed it.

const SEED_FILE = path.resolve(import.meta.dirname, "../../shared/seeds/000_47fa108efec89af6.txt");
const QUESTION_START = "In the first quarter of this year, the value-added industrial output";

test("an editor imports the seed page, fixes a question's speaker and outlet with one Save, publishes and finds the pair in search", async ({ page }) => {
  await signInAsEditor(page);

  await page.getByLabel(/Transcript file/).setInputFiles(SEED_FILE);
  await page.getByRole("button", { name: "Read transcript" }).click();
  await page.waitForURL(/\/editor\/imports\/\d+(\?|#|$)/);
  await expect(page.getByRole("heading", { level: 1 })).toContainText("SCIO press conference on striving for new breakthroughs to revitalize Jilin");

  // The unlabelled question is flagged, and the source text is shown beside the draft.
  const review = page.getByRole("region", { name: /Needs review/ });
  await expect(review.getByRole("link", { name: "Pair 1" })).toBeVisible();
  await expect(page.getByRole("region", { name: "Source text" })).toContainText("Hu Yuting:");

  // A second tab on the same draft, opened before the fix, must not overwrite it later.
  const secondTab = await page.context().newPage();
  await secondTab.goto(page.url());

  // Fix: the question had no speaker label; name who asked it.
  const question = page.locator("article.import-turn", { hasText: QUESTION_START }).first();
  await question.getByText("Fix this question").click();
  await question.getByLabel("Speaker").fill("Reporter from Jilin Daily");
  await question.getByLabel("Outlet").fill("Jilin Daily");
  await question.getByRole("button", { name: "Save this question" }).click();
  await expect(page.getByRole("status")).toContainText("Saved (version 2)");
  const fixed = page.locator("article.import-turn", { hasText: QUESTION_START }).first();
  await expect(fixed.locator(".turn__speaker")).toHaveText("Reporter from Jilin Daily");
  // One Save stored both the speaker and the outlet (one version, not two).
  await expect(fixed).toContainText("(Jilin Daily)");

  const staleQuestion = secondTab.locator("article.import-turn", { hasText: QUESTION_START }).first();
  await staleQuestion.getByText("Fix this question").click();
  await staleQuestion.getByLabel("Speaker").fill("Somebody Else");
  await staleQuestion.getByRole("button", { name: "Save this question" }).click();
  await expect(secondTab.getByRole("alert").filter({ hasText: "changed in another tab" })).toBeVisible();
  await expect(secondTab.getByLabel("The change that was not saved")).toHaveValue(/Somebody Else/);
  await expect(secondTab.locator("article.import-turn", { hasText: QUESTION_START }).first().locator(".turn__speaker")).toHaveText("Reporter from Jilin Daily");
  await secondTab.close();

  // A reload keeps the fix: the draft lives on the server.
  await page.reload();
  await expect(page.locator("article.import-turn", { hasText: QUESTION_START }).first().locator(".turn__speaker")).toHaveText("Reporter from Jilin Daily");

  await page.getByRole("button", { name: "Publish conference" }).click();
  await page.waitForURL(/\/conferences\/[^/?#]+/);
  await expect(page.getByText("Reporter from Jilin Daily").first()).toBeVisible();
  // The upload time is not a retrieval date: the page says when the text was imported instead.
  const provenance = page.locator("dt", { hasText: /^(Imported|Retrieved)$/ });
  await expect(provenance).toHaveText("Imported");
  const href = await page.getByRole("link", { name: "Question 1", exact: true }).getAttribute("href");
  const publicId = href?.split("/")[2];
  expect(publicId).toMatch(/^[0-9a-z]{8}$/);

  // Indexing is asynchronous (outbox worker); poll search until the new pair shows up.
  await expect(async () => {
    await page.goto("/search?q=Jilin%20industrial%20economy%20new%20industrialization");
    await expect(page.locator(`a[href^="/qa/${publicId}"]`).first()).toBeVisible({ timeout: 1_000 });
  }).toPass({ timeout: 20_000, intervals: [500, 1_000, 2_000] });
});

async function importPasted(page: import("@playwright/test").Page, text: string) {
  await page.goto("/editor/imports/new", { waitUntil: "networkidle" });
  await page.getByLabel("Or paste the transcript").fill(text);
  await page.getByRole("button", { name: "Read transcript" }).click();
  await page.waitForURL(/\/editor\/imports\/\d+(\?|#|$)/);
}

test("bad input gets a clear message and the pasted text stays in the form", async ({ page }) => {
  await signInAsEditor(page);
  await page.getByLabel(/Transcript file/).setInputFiles({ name: "photo.txt", mimeType: "text/plain", buffer: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 13, 0, 1]) });
  await page.getByRole("button", { name: "Read transcript" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "Nothing was imported: the file looks binary" })).toBeVisible();

  // (An unlabelled paste is not bad input: it becomes a flagged draft, e2e/unlabelled-import.spec.ts.)
  const blank = "   \n\t\n  ";
  await page.goto("/editor/imports/new", { waitUntil: "networkidle" });
  await page.getByLabel("Or paste the transcript").fill(blank);
  await page.getByRole("button", { name: "Read transcript" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "contains only whitespace" })).toBeVisible();
  await expect(page.getByLabel("Or paste the transcript")).toHaveValue(blank);
  await expect(page).toHaveURL(/\/editor\/imports\/new$/);
});

test("re-importing a newer version of the same source shows the diff and keeps unchanged links", async ({ page }) => {
  const url = `https://example.org/briefings/e2e-${Date.now()}`;
  const briefing = (answer: string) =>
    [
      "Trade Ministry Briefing",
      "May 20, 2024",
      "",
      "Q: What is the outlook for steel exports this year?",
      "",
      "MS. LIN: Steel exports grew by four percent.",
      "",
      "Q: Will tariffs on solar panels change?",
      "",
      `MS. LIN: ${answer}`,
      "",
    ].join("\n");

  await signInAsEditor(page);
  let firstLink: string | null = null;
  for (const [round, answer] of [
    [1, "No change is planned."],
    [2, "No change is planned this year."],
  ] as const) {
    await importPasted(page, briefing(answer));
    await page.getByLabel("Source URL").fill(url);
    await page.getByRole("button", { name: "Save details" }).click();
    await expect(page.getByRole("status")).toContainText("Saved");
    if (round === 1) {
      await page.getByRole("button", { name: "Publish conference" }).click();
      await page.waitForURL(/\/conferences\//);
      firstLink = await page.getByRole("link", { name: "Question 1", exact: true }).getAttribute("href");
      continue;
    }
    const publish = page.getByRole("region", { name: "Publish" });
    await expect(publish).toContainText("already in the archive");
    await expect(publish.getByRole("heading", { name: "Corrected (1)" })).toBeVisible();
    await expect(publish).toContainText("1 pair(s) unchanged");
    await publish.getByRole("button", { name: "Confirm re-import" }).click();
    await page.waitForURL(/\/conferences\//);
    await expect(page.getByText("No change is planned this year.")).toBeVisible();
    // The unchanged first pair keeps its permanent link.
    expect(firstLink).toMatch(/^\/qa\/[0-9a-z]{8}/);
    await expect(page.getByRole("link", { name: "Question 1", exact: true })).toHaveAttribute("href", firstLink!);
  }
});
