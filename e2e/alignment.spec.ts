import { expect, test } from "@playwright/test";
import { signInAsEditor, useHarnessServices } from "./harness";

// Issue 17: a briefing published in English and Chinese is aligned (the same code as
// `npm run align`); a reader moves from an English answer to its Chinese original and back in
// one click and sees both side by side; an editor confirms one link and removes another, and
// the public page follows. Runs on its own throw-away pair of conferences.

const ORGANIZER_EN = "Ministry of Foreign Affairs of Testland";
const ORGANIZER_ZH = "测试国外交部 (Ministry of Foreign Affairs of Testland)";

/** A day of its own per run and test: two identical briefings on one date would be ambiguous (and only suggested). */
function dayFor(offset: number): string {
  const day = Math.floor(Date.now() / 1000) % 5000;
  return new Date(Date.UTC(2001, 0, 1) + (day + offset) * 86_400_000).toISOString().slice(0, 10);
}

async function publishBothVersions(stamp: string, heldOn: string) {
  useHarnessServices();
  const { publishConference } = await import("../lib/archive/publish");
  const english = await publishConference({
    metadata: { title: `Regular Press Conference ${stamp}`, heldOn, organizer: ORGANIZER_EN, language: "en", sourceName: "e2e" },
    pairs: [
      {
        question: { speaker: "Reuters", text: "On July 28, Japan and the US held talks in Tokyo. What is your comment?" },
        answers: [{ speaker: "Geng Shuang", text: "We have noted the reports. China hopes Japan and the US will do more for regional peace and stability." }],
      },
      {
        question: { speaker: "AFP", text: "The UK said 37 countries signed a letter on Xinjiang. Do you have any comment?" },
        answers: [{ speaker: "Geng Shuang", text: "The letter signed by 37 countries shows that the international community supports China's position on Xinjiang." }],
      },
      {
        question: { speaker: "Bloomberg", text: "Huawei said its revenue rose 23% to 400 billion yuan in 2019. Any comment?" },
        answers: [{ speaker: "Geng Shuang", text: "Huawei is a private company. We support Chinese firms in operating in accordance with law." }],
      },
    ],
  });
  const chinese = await publishConference({
    metadata: { title: `外交部例行记者会 ${stamp}`, heldOn, organizer: ORGANIZER_ZH, language: "zh", sourceName: "e2e" },
    pairs: [
      {
        question: { speaker: "路透社记者", text: "7月28日，日本和美国在东京举行会谈。你对此有何评论？" },
        answers: [{ speaker: "耿爽", text: "我们注意到有关报道。中方希望日美为地区和平稳定多做贡献。" }],
      },
      {
        question: { speaker: "法新社记者", text: "英方称37个国家就新疆问题签署联名信。你有何评论？" },
        answers: [{ speaker: "耿爽", text: "37国联名信表明，国际社会支持中方在新疆问题上的立场。" }],
      },
      {
        question: { speaker: "彭博社记者", text: "华为称其2019年收入增长23%，达到4000亿元。你有何评论？" },
        answers: [{ speaker: "耿爽", text: "华为是民营企业。我们支持中国企业依法经营。" }],
      },
    ],
  });
  const { runAlignment } = await import("../lib/alignment/run");
  await runAlignment();
  return { english, chinese };
}

test("a reader switches between the English answer and its Chinese original in one click", async ({ page }) => {
  const { english, chinese } = await publishBothVersions(`${Date.now()}`, dayFor(0));
  await page.goto(`/qa/${english.pairs[1].publicId}`);
  await expect(page.locator('link[rel="alternate"][hreflang="zh"]')).toHaveAttribute("href", new RegExp(`/qa/${chinese.pairs[1].publicId}`));

  await page.getByRole("link", { name: "原文 / Original" }).click();
  await expect(page).toHaveURL(new RegExp(`/qa/${chinese.pairs[1].publicId}/`));
  await expect(page.getByText("37国联名信表明").first()).toBeVisible();

  // Both versions side by side, then back to English in one click.
  await page.getByText("Both languages side by side").click();
  const columns = page.locator(".qa-side-by-side__columns");
  await expect(columns).toContainText("37国联名信表明");
  await expect(columns).toContainText("The letter signed by 37 countries");
  await page.getByRole("link", { name: "English", exact: true }).click();
  await expect(page).toHaveURL(new RegExp(`/qa/${english.pairs[1].publicId}/`));

  // The conference page links its other-language version.
  await page.goto(`/conferences/${english.slug}`);
  await expect(page.getByRole("link", { name: "中文版" })).toHaveAttribute("href", `/conferences/${encodeURIComponent(chinese.slug)}`);
});

test("an editor confirms one link and removes another; the public page follows", async ({ page, browser }) => {
  const { english, chinese } = await publishBothVersions(`${Date.now()}`, dayFor(7));
  await signInAsEditor(page);

  await page.goto(`/editor/qa/${english.pairs[0].publicId}`);
  const first = page.getByTestId(`counterpart-${chinese.pairs[0].publicId}`);
  await expect(first).toContainText("matched automatically");
  await first.getByRole("button", { name: "Confirm link" }).click();
  await expect(page.getByRole("status")).toContainText("Confirmed the link");
  await page.reload();
  await expect(page.getByTestId(`counterpart-${chinese.pairs[0].publicId}`)).toContainText("confirmed");

  // A same-language link is refused with a clear message.
  await page.getByLabel("Link to the pair with id").fill(english.pairs[2].publicId);
  await page.getByRole("button", { name: /^Link/ }).click();
  await expect(page.locator(".counterpart-review p[role=alert]")).toContainText("same language");

  await page.goto(`/editor/qa/${english.pairs[2].publicId}`);
  await page.getByTestId(`counterpart-${chinese.pairs[2].publicId}`).getByRole("button", { name: "Remove link" }).click();
  await expect(page.getByRole("status")).toContainText("Removed the link");

  const visitor = await browser.newPage();
  await visitor.goto(`/qa/${english.pairs[2].publicId}`);
  await expect(visitor.getByRole("heading", { name: "Answer", exact: true })).toBeVisible();
  await expect(visitor.getByRole("link", { name: "原文 / Original" })).toHaveCount(0);
  await visitor.goto(`/qa/${english.pairs[0].publicId}`);
  await expect(visitor.getByRole("link", { name: "原文 / Original" })).toBeVisible();
  await expect(visitor.getByText("(matched automatically)")).toHaveCount(0);
  await visitor.close();
});
