import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { useTestServices, type TestServices } from "../support/services";

// The spelling vocabulary as a shared Postgres table (lib/search/spelling-source.ts): a web
// process reads only the rows a query can reach, and corrects every query exactly as the whole
// vocabulary held in memory (how each process used to hold it) does. Real corpus slices in a
// real Postgres.

const corpusDir = path.resolve(import.meta.dirname, "../../../shared/corpus");
let services: TestServices;

beforeAll(async () => {
  services = await useTestServices();
  const { importCorpusFiles } = await import("@/lib/corpus/import");
  await importCorpusFiles([path.join(corpusDir, "us_presidential_news_conferences_1960_1980.jsonl"), path.join(corpusDir, "mfa_prc_press_conferences_2016_2020_en.jsonl")], {
    limit: 3_000,
    align: false,
  });
}, 300_000);

/** Rows of a query on the test database. */
async function sql<T>(text: string): Promise<T[]> {
  const { db } = await import("@/lib/db/client");
  return db().$queryRawUnsafe<T[]>(text);
}

afterAll(async () => {
  await services?.cleanup();
});

/** Misspellings of the archive's own words: a letter dropped, doubled, swapped or changed, two words run together or one split. */
function misspellings(words: string[]): string[] {
  const out: string[] = [];
  for (const [i, word] of words.entries()) {
    const at = 1 + (i % Math.max(1, word.length - 2));
    out.push(word.slice(0, at) + word.slice(at + 1));
    out.push(word.slice(0, at) + word[at] + word.slice(at));
    out.push(word.slice(0, at - 1) + word[at] + word[at - 1] + word.slice(at + 1));
    out.push(word.slice(0, at) + "e" + word.slice(at + 1));
    out.push(`${word.charAt(0).toUpperCase()}${word.slice(1, -1)}`);
    out.push(`${word.slice(0, at)} ${word.slice(at)}`);
    out.push(`${word}${words[(i + 1) % words.length]} ${words[(i + 7) % words.length]}`);
  }
  return out;
}

describe("the shared spelling vocabulary", () => {
  it("is written by the bulk importer, so a web process never reads every turn to build it", async () => {
    const [words] = await sql<{ n: number; targets: number }>(
      `SELECT count(*)::int AS n, (SELECT count(DISTINCT word)::int FROM "SpellingWordKey") AS targets FROM "SpellingWord"`,
    );
    expect(words.n).toBeGreaterThan(5_000);
    expect(words.targets).toBeGreaterThan(2_000);
    expect(await sql(`SELECT 1 FROM "SpellingVocabularyBuild"`)).toHaveLength(1);
  });

  it("corrects every query with the rows it reads exactly as the whole vocabulary does, holding a sliver of it", async () => {
    const { correctQuery } = await import("@/lib/search/spelling");
    const { vocabularyFor, wholeVocabulary } = await import("@/lib/search/spelling-source");
    const whole = await wholeVocabulary();
    const common = await sql<{ word: string }>(`SELECT word FROM "SpellingWord" WHERE texts >= 2 AND length(word) >= 3 ORDER BY md5(word) LIMIT 150`);
    const names = await sql<{ word: string }>(`SELECT word FROM "SpellingWord" WHERE name ORDER BY md5(word) LIMIT 30`);
    const queries = [...misspellings([...common, ...names].map((r) => r.word)), "presidnet nixon", "Vietnm", "the whitehouse", "inter national"];
    let corrected = 0;
    let largest = 0;
    for (const q of queries) {
      const share = await vocabularyFor(q);
      largest = Math.max(largest, share.size);
      const expected = correctQuery(q, whole);
      expect(correctQuery(q, share), q).toEqual(expected);
      if (expected) corrected++;
    }
    // Not a test of nothing: most of these misspellings are corrected.
    expect(corrected).toBeGreaterThan(queries.length / 2);
    expect(whole.size).toBeGreaterThan(5_000);
    expect(largest).toBeLessThan(whole.size / 10);
  });

  it("follows the archive: a rebuild adds the words of a newly published conference", async () => {
    const { publishConference } = await import("@/lib/archive/publish");
    const { rebuildSpellingWords, vocabularyFor } = await import("@/lib/search/spelling-source");
    const { correctQuery } = await import("@/lib/search/spelling");
    const text = "The zymurgical institute and the zymurgical laboratory share one zymurgical budget.";
    await publishConference({
      metadata: { title: "Zymurgy briefing", heldOn: "2024-01-02", organizer: "Ministry of Brewing", language: "en", sourceName: "test" },
      pairs: [1, 2].map((n) => ({
        question: { speaker: "Ana Ruiz", outlet: "Harbour Times", text: `Question ${n} on brewing?` },
        answers: [{ speaker: "Minister Okafor", text }],
        topics: [],
        sourceCorpus: "test",
        sourceId: `zym-${n}`,
      })),
    });
    expect(correctQuery("zymurgicl", await vocabularyFor("zymurgicl"))).toBeNull();
    await rebuildSpellingWords();
    expect(correctQuery("zymurgicl", await vocabularyFor("zymurgicl"))?.corrected).toBe("zymurgical");
  });
});
