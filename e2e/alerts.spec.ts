import { expect, test } from "@playwright/test";
import { linkIn } from "../tests/support/smtp-receiver";
import { signInAsEditor, useHarnessServices } from "./harness";
import { receivedMail, waitForMail } from "./mailbox";

// Issue 16 end to end: a reader follows a search in two clicks, confirms from the link in the
// email the SMTP server received, a matching transcript is published, and the alert arrives
// once, linking to the new answer.

test("follow a search, confirm from the email, publish a match, receive the alert once", async ({ page, baseURL }) => {
  test.setTimeout(120_000);
  const word = `geothermal${Date.now().toString(36)}`;
  const address = `desk-${Date.now()}@newsroom.example`;

  await page.goto(`/search?q=${word}`);
  await expect(page.getByText("Nothing matches this search.")).toBeVisible();
  await page.getByText("Follow this search").click();
  await page.getByLabel("Your email address (or a webhook URL)").fill(address);
  await page.getByRole("button", { name: "Follow", exact: true }).click();
  await expect(page.getByText("Check your inbox")).toBeVisible();

  const confirmation = await waitForMail((m) => m.to.includes(address) && m.subject.includes("confirm"));
  await page.goto(linkIn(confirmation, `${baseURL}/alerts/confirm/`));
  await page.getByRole("button", { name: "Confirm alert" }).click();
  await expect(page.getByText(`Confirmed: new answers matching this search will be sent to ${address}.`)).toBeVisible();

  useHarnessServices();
  const { publishConference } = await import("../lib/archive/publish");
  const published = await publishConference({
    metadata: { title: `Energy briefing ${Date.now()}`, heldOn: "2026-12-01", language: "en", sourceName: "e2e" },
    pairs: [
      {
        question: { speaker: "Ann Reporter", outlet: "Daily Wire", text: `When will the ${word} plant open?` },
        answers: [{ speaker: "Lin Official", text: `The ${word} plant opens in spring, on schedule.` }],
      },
      { question: { speaker: "Bo Reporter", text: "And the ferry fares?" }, answers: [{ speaker: "Lin Official", text: "Fares stay the same." }] },
    ],
  });
  const permalink = `${baseURL}/qa/${published.pairs[0].publicId}`;
  const alert = await waitForMail((m) => m.to.includes(address) && m.subject.startsWith("Pressroom: 1 new answer"));
  expect(alert.text).toContain(permalink);
  expect(alert.text).not.toContain("ferry fares");
  expect(alert.headers["list-unsubscribe-post"]).toBe("List-Unsubscribe=One-Click");

  await page.goto(linkIn(alert, permalink));
  await expect(page.getByText(`The ${word} plant opens in spring`).first()).toBeVisible();

  // Editors see the subscription; still exactly one alert after the worker's next rounds.
  await signInAsEditor(page);
  await page.goto("/editor/alerts");
  await expect(page.getByRole("cell", { name: address })).toBeVisible();
  await page.waitForTimeout(2000);
  expect((await receivedMail()).filter((m) => m.to.includes(address) && m.subject.startsWith("Pressroom: 1 new answer"))).toHaveLength(1);
});
