// The fictional sample data in prisma/sample must stay parseable by this parser.
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { accountFor, parseTranscript } from "./index";
import { repoRoot } from "./test-support";

const sampleDir = path.join(repoRoot, "prisma", "sample");
const manifestSchema = z.array(
  z.object({
    file: z.string(),
    slug: z.string().regex(/^[a-z0-9-]+$/),
    title: z.string(),
    heldOn: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
    organizer: z.string(),
    location: z.string(),
    language: z.string(),
    sourceName: z.string(),
    sourceUrl: z.string().startsWith("https://example.org/"),
    translationOf: z.string().optional(),
    topics: z.array(z.string()).optional(),
  }),
);
const manifest = manifestSchema.parse(JSON.parse(readFileSync(path.join(sampleDir, "manifest.json"), "utf8")));
const PAIRS: Record<string, number> = {
  "scio-coastal-water-2025-03-04.txt": 6,
  "scio-coastal-water-2025-03-04.zh.txt": 6,
  "mfa-style-lithium-2025-04-09.txt": 9,
  // its closing "Q: Thank you." is a procedural statement, not a pair
  "briefing-style-grid-2025-05-20.txt": 8,
};

describe("prisma/sample", () => {
  for (const entry of manifest) {
    it(entry.file, () => {
      const text = readFileSync(path.join(sampleDir, entry.file), "utf8");
      expect(text.split("\n")[0]).toMatch(/FICTIONAL sample data for Pressroom/);
      const draft = parseTranscript(text);
      expect(draft.title).toBe(entry.title);
      expect(draft.date).toBe(entry.heldOn);
      expect(draft.language).toBe(entry.language);
      expect(draft.pairs).toHaveLength(PAIRS[entry.file]!);
      expect(draft.unassigned).toEqual([]);
      expect(accountFor(text, draft)).toEqual([]);
    });
  }

  it("has a translation twin and enough outlets and pairs for demos", () => {
    const slugs = new Set(manifest.map((m) => m.slug));
    expect(manifest.filter((m) => m.translationOf && slugs.has(m.translationOf))).toHaveLength(1);
    const drafts = manifest.map((m) => parseTranscript(readFileSync(path.join(sampleDir, m.file), "utf8")));
    expect(drafts.reduce((n, d) => n + d.pairs.length, 0)).toBe(29);
    const outlets = new Set(drafts.flatMap((d) => d.pairs.map((p) => p.question.outlet)).filter((o) => o && /[A-Za-z]/.test(o)));
    expect(outlets.size).toBeGreaterThanOrEqual(5);
    expect(drafts.flatMap((d) => d.speakers).filter((s) => s.role === "moderator").length).toBeGreaterThanOrEqual(2);
  });
});
