import { expect, test } from "@playwright/test";
import { signInAsEditor as signIn, useHarnessServices } from "./harness";

// Editing a published conference (issue 12.4, 13.4): an editor deletes a reporter's cross-talk
// that was published inside an official's answer, changes a turn's role, and the public pages
// (served from the ISR cache) show the corrections at once. Runs on a throw-away conference so
// the other specs' data stays put.

async function publishFixture(title: string) {
  useHarnessServices();
  const { publishConference } = await import("../lib/archive/publish");
  return publishConference({
    metadata: { title, heldOn: "2024-07-01", language: "en", sourceName: "e2e" },
    pairs: [
      {
        question: { speaker: "Ann Reporter", outlet: "Daily Wire", text: "Will the ferry timetable change in winter?" },
        answers: [
          { speaker: "Lin Official", role: "OFFICIAL", text: "The winter timetable starts in November." },
          { speaker: null, role: "OFFICIAL", text: "Can you repeat that, please?" },
          { speaker: "Lin Official", role: "OFFICIAL", text: "November, with two fewer crossings a day." },
        ],
      },
      { question: { speaker: "Bo Reporter", text: "And the fares?" }, answers: [{ speaker: "Lin Official", text: "Fares stay the same." }] },
    ],
  });
}

test("an editor deletes a wrong turn and changes a role on a published conference; the public pages show it", async ({ page, browser, request }) => {
  const published = await publishFixture(`Ferry briefing ${Date.now()}`);
  const conferencePath = `/conferences/${published.slug}`;

  // Anonymous visitors get the cached page without any Edit link.
  const anonymous = await request.get(conferencePath);
  expect(anonymous.status()).toBe(200);
  // The cached HTML is the same for everyone: the link is rendered only in the browser, after a session check.
  expect(await anonymous.text()).not.toMatch(/<a[^>]*>Edit this transcript/);
  const visitor = await browser.newPage();
  await visitor.goto(conferencePath);
  await expect(visitor.getByText("Can you repeat that, please?")).toBeVisible();
  await expect(visitor.getByRole("link", { name: "Edit this transcript" })).toHaveCount(0);

  // A signed-in editor sees "Edit" on the same cached page and lands in the transcript editor.
  await signIn(page);
  await page.goto(conferencePath);
  await page.getByRole("link", { name: "Edit this transcript" }).click();
  await expect(page).toHaveURL(new RegExp(`/editor/conferences/${published.slug}/transcript`));

  // Delete the cross-talk line (with a public note).
  const crossTalk = page.getByRole("article").filter({ hasText: "Can you repeat that, please?" });
  await crossTalk.getByText("Edit this answer").click();
  await crossTalk.getByLabel("Public correction note (optional)").fill("Removed a reporter's interjection.");
  await crossTalk.getByRole("button", { name: "Delete this turn" }).click();
  await expect(page.getByRole("status")).toContainText("Saved (version 2)");
  await expect(page.getByRole("article").filter({ hasText: "Can you repeat that, please?" })).toHaveCount(0);
  // The save re-renders the page; a click before it has settled can be lost (see newcomer.spec.ts test 3).
  await page.waitForLoadState("networkidle");

  // The last answer of a pair cannot be deleted: no button, and the page says why in the server's words otherwise.
  const onlyAnswer = page.getByRole("article").filter({ hasText: "Fares stay the same." });
  await onlyAnswer.getByText("Edit this answer").click();
  await expect(onlyAnswer.getByRole("button", { name: "Delete this turn" })).toHaveCount(0);

  // Change a role and rename the speaker with one Save.
  const answer = page.getByRole("article").filter({ hasText: "November, with two fewer crossings a day." });
  await answer.getByText("Edit this answer").click();
  await answer.getByLabel("Speaker", { exact: true }).fill("Lin Wei");
  await answer.getByLabel("Role").selectOption("moderator");
  await answer.getByRole("button", { name: "Save answer" }).click();
  await expect(page.getByRole("status")).toContainText("Saved (version 3)");

  // The public pages show both corrections at once.
  await visitor.goto(conferencePath);
  await expect(visitor.getByText("The winter timetable starts in November.")).toBeVisible();
  await expect(visitor.getByText("Can you repeat that, please?")).toHaveCount(0);
  const corrected = visitor.locator(".turn").filter({ hasText: "November, with two fewer crossings a day." });
  await expect(corrected.locator(".turn__speaker")).toHaveText("Lin Wei");
  await expect(corrected.locator(".turn__role")).toHaveText("Moderator");

  await visitor.goto(`/qa/${published.pairs[0].publicId}`);
  await expect(visitor.getByText("Can you repeat that, please?")).toHaveCount(0);
  await expect(visitor.getByRole("region", { name: "Corrections" })).toContainText("Removed a reporter's interjection.");
  await visitor.close();
});

test("merging a pair into the previous one keeps its permalink working (308 to the survivor)", async ({ page, request }) => {
  const published = await publishFixture(`Ferry merge ${Date.now()}`);
  await signIn(page);
  await page.goto(`/editor/conferences/${published.slug}/transcript`);
  await page.getByText("Not a new question?").click();
  await page.getByRole("button", { name: "Merge into question 1" }).click();
  await expect(page.getByRole("status")).toContainText("Saved (version 2)");

  const merged = await request.get(`/qa/${published.pairs[1].publicId}`, { maxRedirects: 0 });
  expect(merged.status()).toBe(308);
  expect(merged.headers().location).toMatch(new RegExp(`^/qa/${published.pairs[0].publicId}/`));
  const survivor = await request.get(merged.headers().location);
  expect(survivor.status()).toBe(200);
  expect(await survivor.text()).toContain("Fares stay the same.");
});
