import { expect, test, type APIRequestContext, type Page } from "@playwright/test";
import { signInAsEditor, useHarnessServices } from "./harness";

// Structural fixes on a published conference (issue 12.4), each the way an editor makes it in
// the transcript editor: add a turn the source missed, move a misplaced answer turn into the
// previous pair, split a pair where a second question hid inside the answer, and merge a
// reporter's "Right." that was published as a pair of its own. Afterwards the public page, the
// permalinks (a split keeps the first part's id; a merged pair's link redirects, never 404)
// and the public correction notes show it.

async function publishFixture() {
  useHarnessServices();
  const { publishConference } = await import("../lib/archive/publish");
  const lin = (text: string) => ({ speaker: "Lin Official", role: "OFFICIAL" as const, text });
  return publishConference({
    metadata: { title: `Harbour briefing ${Date.now()}`, heldOn: "2024-07-02", language: "en", sourceName: "e2e" },
    pairs: [
      {
        question: { speaker: "Ann Reporter", outlet: "Daily Wire", text: "Will the ferry timetable change in winter?" },
        answers: [
          lin("The winter timetable starts in November."),
          { speaker: "Bo Reporter", role: "JOURNALIST", text: "What about the night ferry?" },
          lin("The night ferry keeps running every evening."),
        ],
      },
      { question: { speaker: "Bo Reporter", text: "And the fares?" }, answers: [lin("Fares stay the same.")] },
      {
        question: { speaker: "Cy Reporter", text: "Is the harbour closing for repairs?" },
        answers: [lin("Student fares stay the same as well."), lin("The harbour stays open all winter.")],
      },
      { question: { speaker: "Cy Reporter", text: "Right." }, answers: [lin("And the café on board reopens in spring.")] },
    ],
  });
}

/** The editor's card of the pair whose question is `question`. */
const pairCard = (page: Page, question: string) =>
  page.locator("section").filter({ has: page.getByRole("article", { name: /^Question by/ }).filter({ has: page.getByText(question, { exact: true }) }) });
/** The editor's card of the turn whose text is exactly `text`. */
const turn = (page: Page, text: string) => page.getByRole("article").filter({ has: page.getByText(text, { exact: true }) });

/** Waits for the saved version in the outcome line, then for hydration before the next click. */
async function saved(page: Page, version: number) {
  await expect(page.getByRole("status")).toContainText(`Saved (version ${version})`);
  await page.waitForLoadState("networkidle");
}

async function publicPair(request: APIRequestContext, publicId: string) {
  const response = await request.get(`/qa/${publicId}`);
  expect(response.status(), `/qa/${publicId}`).toBe(200);
  return response.text();
}

test("on a published conference an editor adds a turn, moves one, splits a pair and merges one; pages and permalinks follow", async ({ page, browser, request }) => {
  const published = await publishFixture();
  const [first, fares, harbour, right] = published.pairs.map((p) => p.publicId);
  await signInAsEditor(page);
  await page.goto(`/editor/conferences/${published.slug}/transcript`);
  await page.waitForLoadState("networkidle");

  // 1. Add a sentence the source transcript missed, after the answer on fares, with a public note.
  const faresAnswer = turn(page, "Fares stay the same.");
  await faresAnswer.getByText("Add a turn after this one").click();
  await faresAnswer.getByLabel("Speaker of the new turn").fill("Lin Official");
  await faresAnswer.getByLabel("Speaking as").selectOption("official");
  await faresAnswer.getByLabel("Text of the new turn").fill("Student fares are halved from January.");
  await faresAnswer.getByLabel("Public correction note for the addition (optional)").fill("Added a sentence missing from the source transcript.");
  await faresAnswer.getByRole("button", { name: "Add turn" }).click();
  await saved(page, 2);
  await expect(pairCard(page, "And the fares?").getByRole("article", { name: "Answer by Lin Official" })).toHaveCount(2);
  await expect(pairCard(page, "And the fares?")).toContainText("Student fares are halved from January.");

  // 2. Move the misplaced first answer of the harbour question back into the fares pair.
  const misplaced = turn(page, "Student fares stay the same as well.");
  await misplaced.getByText("Edit this answer").click();
  await misplaced.getByRole("button", { name: "Move to previous pair" }).click();
  await saved(page, 3);
  await expect(pairCard(page, "And the fares?")).toContainText("Student fares stay the same as well.");
  await expect(pairCard(page, "Is the harbour closing for repairs?")).not.toContainText("Student fares stay the same as well.");

  // 3. Split the first pair where the night-ferry question starts.
  const hidden = turn(page, "What about the night ferry?");
  await hidden.getByText("Edit this answer").click();
  await hidden.getByRole("button", { name: "Make this a new question" }).click();
  await saved(page, 4);
  const nightFerry = pairCard(page, "What about the night ferry?");
  await expect(nightFerry.getByRole("heading", { level: 2 })).toContainText("Question 2");
  await expect(pairCard(page, "Will the ferry timetable change in winter?").getByRole("link", { name: first, exact: true })).toBeVisible();
  const split = (await nightFerry.getByRole("heading", { level: 2 }).getByRole("link").first().textContent())!.trim();
  expect(split).toMatch(/^[0-9a-z]{8}$/);
  expect(split).not.toBe(first);

  // 4. Merge the "Right." pair into the harbour pair, with a public note.
  const rightPair = pairCard(page, "Right.");
  await rightPair.getByText("Not a new question?").click();
  await rightPair
    .getByRole("form", { name: /^Merge question/ })
    .getByLabel("Public correction note (optional)")
    .fill("Joined a reporter's interjection to the answer it interrupted.");
  await rightPair.getByRole("button", { name: /^Merge into question \d+$/ }).click();
  await saved(page, 5);
  await expect(pairCard(page, "Right.")).toHaveCount(0);
  await expect(pairCard(page, "Is the harbour closing for repairs?")).toContainText("And the café on board reopens in spring.");

  // The public conference page shows the new order at once.
  const visitor = await browser.newPage();
  await visitor.goto(`/conferences/${published.slug}`);
  await expect(visitor.getByText("Student fares are halved from January.")).toBeVisible();
  await expect(visitor.getByText("What about the night ferry?")).toBeVisible();
  await visitor.close();

  // The split kept the first part's id; the second part has its own working permalink.
  const firstHtml = await publicPair(request, first);
  expect(firstHtml).toContain("The winter timetable starts in November.");
  expect(firstHtml).not.toContain("The night ferry keeps running every evening.");
  const splitHtml = await publicPair(request, split);
  expect(splitHtml).toContain("What about the night ferry?");
  expect(splitHtml).toContain("The night ferry keeps running every evening.");

  // The fares pair holds the added and the moved turn, and shows the public note.
  const faresHtml = await publicPair(request, fares);
  expect(faresHtml).toContain("Student fares are halved from January.");
  expect(faresHtml).toContain("Student fares stay the same as well.");
  await page.goto(`/qa/${fares}`);
  await expect(page.getByRole("region", { name: "Corrections" })).toContainText("Added a sentence missing from the source transcript.");
  await page.goto(`/qa/${harbour}`);
  await expect(page.getByText("Student fares stay the same as well.")).toHaveCount(0);
  await expect(page.getByRole("region", { name: "Corrections" })).toContainText("Joined a reporter's interjection to the answer it interrupted.");

  // The merged pair's permalink leads to the pair its text now lives in.
  const merged = await request.get(`/qa/${right}`, { maxRedirects: 0 });
  expect(merged.status()).toBe(308);
  expect(merged.headers().location).toMatch(new RegExp(`^/qa/${harbour}/`));
  await page.goto(`/qa/${right}`);
  await expect(page).toHaveURL(new RegExp(`/qa/${harbour}/`));
  await expect(page.getByText("And the café on board reopens in spring.")).toBeVisible();
});

test("a statement that was a question starts a pair, and a pair that was a statement goes back; permalinks lead to where the text is", async ({ page, request }) => {
  useHarnessServices();
  const { publishConference } = await import("../lib/archive/publish");
  const lin = (text: string, beforePair?: number) => ({ speaker: "Lin Official", role: "OFFICIAL" as const, text, beforePair });
  const published = await publishConference({
    metadata: { title: `Lighthouse briefing ${Date.now()}`, heldOn: "2024-07-03", language: "en", sourceName: "e2e" },
    statements: [
      lin("Good morning, one announcement on the lighthouses."),
      { speaker: "Moderator", role: "MODERATOR", text: "That concludes the questions.", beforePair: 1 },
      { speaker: "Dee Reporter", role: "JOURNALIST", text: "Will the lighthouse keepers stay on?", beforePair: 1 },
      lin("The keepers stay on until the automation is finished.", 1),
    ],
    pairs: [
      { question: { speaker: "Ann Reporter", text: "When does the automation start?" }, answers: [lin("In March.")] },
      { question: { speaker: "Moderator", text: "Thank you all for coming." }, answers: [lin("Thank you.")] },
    ],
  });
  const [, thanks] = published.pairs.map((p) => p.publicId);
  await signInAsEditor(page);
  await page.goto(`/editor/conferences/${published.slug}/transcript`);
  await page.waitForLoadState("networkidle");

  // 1. The reporter's question printed between the pairs becomes a pair of its own, with the keeper's answer.
  const keepers = turn(page, "Will the lighthouse keepers stay on?");
  await keepers.getByText("Edit this statement").click();
  await keepers.getByLabel("Public correction note (optional)").fill("A reporter's question was printed as a statement.");
  await keepers.getByRole("button", { name: "Make this a question (starts a pair)" }).click();
  await saved(page, 2);
  const keepersPair = pairCard(page, "Will the lighthouse keepers stay on?");
  await expect(keepersPair.getByRole("heading", { level: 2 })).toContainText("Question 2");
  await expect(keepersPair).toContainText("The keepers stay on until the automation is finished.");
  const created = (await keepersPair.getByRole("heading", { level: 2 }).getByRole("link").first().textContent())!.trim();
  expect(created).toMatch(/^[0-9a-z]{8}$/);

  // 2. The moderator's thanks, published as a pair, go back to being statements.
  const thanksPair = pairCard(page, "Thank you all for coming.");
  await thanksPair.getByText("Really a statement?").click();
  await thanksPair.getByRole("button", { name: "Turn question 3 into statements" }).click();
  await saved(page, 3);
  await expect(pairCard(page, "Thank you all for coming.")).toHaveCount(0);
  await expect(turn(page, "Thank you all for coming.").getByText("Statement", { exact: true })).toBeVisible();

  // The new pair has a working permalink with the public note.
  const createdHtml = await publicPair(request, created);
  expect(createdHtml).toContain("The keepers stay on until the automation is finished.");
  await page.goto(`/qa/${created}`);
  await expect(page.getByRole("region", { name: "Corrections" })).toContainText("A reporter's question was printed as a statement.");

  // The old pair's permalink leads to its statement in the transcript, never a 404.
  const gone = await request.get(`/qa/${thanks}`, { maxRedirects: 0 });
  expect(gone.status()).toBe(308);
  expect(gone.headers().location).toMatch(new RegExp(`^/conferences/${published.slug}#statement-\\d+$`));
  await page.goto(`/qa/${thanks}`);
  const anchor = new URL(page.url()).hash.slice(1);
  await expect(page.locator(`[id="${anchor}"]`)).toContainText("Thank you all for coming.");
  await expect(page.getByRole("region", { name: "Transcript" }).getByRole("heading", { name: "Question 2" })).toBeVisible();
});
