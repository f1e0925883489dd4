import { expect, test, type Locator, type Page } from "@playwright/test";
import { unlabelledBriefing } from "../tests/support/unlabelled-briefing";
import { signInAsEditor } from "./sign-in";

// Issue 12, bad input: a pasted transcript with no speaker labels is not refused. It becomes a
// draft of speakerless paragraphs with a flag, and the review tools (make a question, split,
// set speakers) turn it into pairs that publish.

test.setTimeout(180_000);

const stamp = Date.now();
const TEXT = unlabelledBriefing(String(stamp));

const turn = (page: Page, text: string): Locator => page.locator("article.import-turn", { hasText: text }).first();

/** Each review control is a plain form: wait for the saved page before the next click (hydration race). */
async function saved(page: Page, version: number) {
  await expect(page.getByRole("status").filter({ hasText: `Saved (version ${version})` })).toBeVisible();
  await page.waitForLoadState("networkidle");
}

async function fix(page: Page, text: string, kind: "statement" | "answer"): Promise<Locator> {
  const article = turn(page, text);
  await article.getByText(`Fix this ${kind}`).click();
  return article;
}

async function setSpeaker(page: Page, text: string, kind: "statement" | "answer", version: number) {
  const article = await fix(page, text, kind);
  await article.getByLabel("Speaker").fill("MS. LEE");
  await article.getByLabel("Role").selectOption("official");
  await article.getByRole("button", { name: `Save this ${kind}` }).click();
  await saved(page, version);
  await expect(turn(page, text).locator(".turn__speaker")).toHaveText("MS. LEE");
}

test("an unlabelled paste becomes a flagged draft; the editor assigns speakers, makes the pairs and publishes", async ({ page }) => {
  await signInAsEditor(page);
  await page.getByLabel("Or paste the transcript").fill(TEXT);
  await page.getByRole("button", { name: "Read transcript" }).click();
  await page.waitForURL(/\/editor\/imports\/\d+(\?|#|$)/);
  await page.waitForLoadState("networkidle");

  const flag = page.getByRole("region", { name: "Speakers to assign" });
  await expect(flag).toContainText("No speaker labels were found: assign a speaker to each turn");
  await expect(flag).toContainText("0 pairs so far; 5 statement or answer turns have no speaker yet.");
  // Nothing was dropped: every paragraph is a turn of its own.
  for (const start of ["Good morning.", "Will the tolls", "No. The tolls", "And the night", "They end on Friday."]) await expect(turn(page, start)).toBeVisible();

  // The first reporter's turn starts a pair; the turns after it become its answers.
  await (await fix(page, "Will the tolls", "statement")).getByRole("button", { name: "Make this a question (starts a pair)" }).click();
  await saved(page, 2);
  // The second question splits that pair in two.
  await (await fix(page, "And the night", "answer")).getByRole("button", { name: "Make this a new question" }).click();
  await saved(page, 3);
  // One paragraph held two things: the answer and a closing thank-you.
  const last = await fix(page, "They end on Friday.", "answer");
  await last.getByLabel("Split before the words").fill("Thank you, everyone.");
  await last.getByRole("button", { name: "Split" }).click();
  await saved(page, 4);

  await setSpeaker(page, "Good morning.", "statement", 5);
  await setSpeaker(page, "No. The tolls", "answer", 6);
  await setSpeaker(page, "They end on Friday.", "answer", 7);
  await setSpeaker(page, "Thank you, everyone.", "answer", 8);
  await expect(flag).toContainText("2 pairs so far; every statement and answer has a speaker.");

  await page.getByRole("button", { name: "Publish conference" }).click();
  await page.waitForURL(/\/conferences\/[^/?#]+/);
  await expect(page.getByRole("heading", { level: 1 })).toContainText(`Briefing on the harbour bridge ${stamp}`);
  await expect(page.getByText(`code ${stamp}?`).first()).toBeVisible();
  await expect(page.getByText("No. The tolls stay as they were.").first()).toBeVisible();
  await expect(page.getByRole("link", { name: "Question 2", exact: true })).toBeVisible();
});
