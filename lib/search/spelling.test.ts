import { describe, expect, it } from "vitest";
import { correctQuery, correctWord, surelyAsTyped, type WordFacts } from "./spelling";
import { interleave } from "./spelling-search";
import { SpellingVocabulary, countWords, vocabularyWords } from "./spelling-vocabulary";

// A small archive: counts as if each word were held by that many texts.
function vocabulary(words: Record<string, number>, names: string[] = []): SpellingVocabulary {
  return new SpellingVocabulary(new Map(Object.entries(words)), names);
}

const archive = vocabulary(
  {
    texas: 300,
    strategic: 400,
    reserve: 500,
    release: 450,
    encounters: 120,
    border: 900,
    balloons: 200,
    ballons: 1,
    underserved: 150,
    undeserved: 2,
    communities: 700,
    white: 800,
    house: 900,
    internet: 250,
    buttigieg: 90,
    but: 5000,
    luna: 4,
    lunar: 300,
    deterrence: 80,
    chinese: 2000,
    sanctions: 1500,
    the: 70000,
    doesnt: 300,
  },
  ["Pete Buttigieg", "Anna Paulina Luna", "Tim Dobbs"],
);

describe("correctWord", () => {
  const derived = vocabulary({
    invented: 40,
    inverted: 90,
    phone: 300,
    phones: 200,
    honed: 3,
    permit: 80,
    permitting: 60,
    senate: 900,
    senator: 1200,
    nationalist: 30,
    nationals: 120,
    criticize: 40,
    criticism: 200,
  });

  it("leaves an archive word with a prefix or ending added as typed", () => {
    expect(correctWord("reinvented", derived)).toBeNull();
    expect(correctWord("phoned", derived)).toBeNull();
    expect(correctQuery("Biden phoned the senate", derived)).toBeNull();
  });

  it("still restores a dropped letter of a stem's longer form and misspelt endings", () => {
    expect(correctWord("permiting", derived)).toMatchObject({ to: "permitting", reason: "unknown" });
    expect(correctWord("senater", derived)?.to).toBe("senator");
  });

  it("prefers, among equally close words, one ending with the typed last letter", () => {
    expect(correctWord("nationalst", derived)?.to).toBe("nationalist");
    expect(correctWord("criticise", derived)?.to).toBe("criticize");
  });

  it("corrects a short word Meilisearch allows no typo in, keeping its capital", () => {
    expect(correctWord("Texs", archive)).toEqual({ from: "Texs", to: "Texas", reason: "unknown" });
  });

  it("corrects two typos in a mid-length word and a wrong first letter", () => {
    expect(correctWord("stratgic", archive)?.to).toBe("strategic");
    expect(correctWord("deterence", archive)?.to).toBe("deterrence");
    expect(correctWord("encouters", archive)?.to).toBe("encounters");
    expect(correctWord("vorder", archive)?.to).toBe("border");
  });

  it("replaces a real word far rarer than its neighbour, but never a name of the archive", () => {
    expect(correctWord("undeserved", archive)).toEqual({ from: "undeserved", to: "underserved", reason: "rare" });
    expect(correctWord("ballons", archive)?.reason).toBe("rare");
    // Held by more than two texts, or the neighbour is not the word with a letter more: a real word.
    expect(correctWord("statue", vocabulary({ statue: 6, state: 5000 }))).toBeNull();
    expect(correctWord("smelter", vocabulary({ smelter: 1, shelter: 98 }))).toBeNull();
    // "luna" is 75 times rarer than "lunar", but a speaker is called Luna.
    expect(correctWord("Luna", archive)).toBeNull();
  });

  it("leaves known words, short words, numbers and non-Latin words alone", () => {
    expect(correctWord("border", archive)).toBeNull();
    expect(correctWord("an", archive)).toBeNull();
    expect(correctWord("2021", archive)).toBeNull();
    expect(correctWord("制裁", archive)).toBeNull();
  });

  it("prefers a name for a capitalised word and splits run-together words", () => {
    expect(correctWord("Butigieg", archive)?.to).toBe("Buttigieg");
    expect(correctWord("Dobs", archive)?.to).toBe("Dobbs");
    expect(correctWord("Ghandi", vocabulary({ ghani: 48, gandhi: 20 }))?.to).toBe("Gandhi");
    expect(correctWord("whitehouse", archive)).toEqual({ from: "whitehouse", to: "white house", reason: "split" });
  });

  it("says nothing when no word is close enough", () => {
    expect(correctWord("xylophone", archive)).toBeNull();
  });
});

describe("correctQuery", () => {
  it("corrects free words and keeps punctuation and spacing", () => {
    const correction = correctQuery("Chinese balloons, stratgic reserve in Texs", archive);
    expect(correction?.corrected).toBe("Chinese balloons, strategic reserve in Texas");
    expect(correction?.changes.map((c) => c.from)).toEqual(["stratgic", "Texs"]);
    expect(correction?.searchOriginalToo).toBe(false);
  });

  it("never touches quoted phrases or -exclusions", () => {
    expect(correctQuery('"stratgic reserve" -Texs border', archive)).toBeNull();
    expect(correctQuery('"stratgic reserve" sanctons', archive)?.corrected).toBe('"stratgic reserve" sanctions');
  });

  it("searches the typed query too when a replaced word is real", () => {
    const correction = correctQuery("undeserved communities", archive);
    expect(correction?.corrected).toBe("underserved communities");
    expect(correction?.searchOriginalToo).toBe(true);
  });

  it("joins a word split by a space", () => {
    expect(correctQuery("inter net access", archive)?.changes[0]).toEqual({ from: "inter net", to: "internet", reason: "joined" });
  });

  it("leaves Chinese and words with apostrophes alone", () => {
    expect(correctQuery("中国 制裁", archive)).toBeNull();
    expect(correctQuery("doesnt doesn't", archive)).toBeNull();
  });
});

describe("vocabulary", () => {
  it("counts a word once per text, folds accents and keeps apostrophe words both ways", () => {
    const counts = new Map<string, number>();
    countWords(counts, "Peña said the the THE");
    countWords(counts, "O'Brien doesn’t agree");
    expect(counts.get("the")).toBe(1);
    expect(counts.get("pena")).toBe(1);
    expect([...vocabularyWords("O'Brien doesn’t")].sort()).toEqual(["brien", "doesn", "doesnt", "o", "obrien", "t"]);
  });

  it("finds neighbours at distance 1 completely and closest-then-commonest", () => {
    const found = archive.neighbours("bordr", 2).map((n) => n.word);
    expect(found[0]).toBe("border");
    expect(archive.neighbours("lunar", 1).map((n) => n.word)).toEqual(["luna"]);
  });

  it("never leads a correction to a word seen only once", () => {
    const rare = vocabulary({ qwertyx: 1, qwertyz: 5 });
    expect(rare.neighbours("qwertyy", 1).map((n) => n.word)).toEqual(["qwertyz"]);
  });
});

describe("interleave", () => {
  it("alternates the two lists without repeats", () => {
    const ids = (...xs: string[]) => xs.map((id) => ({ id }));
    expect(interleave(ids("a", "b", "c"), ids("b", "d")).map((h) => h.id)).toEqual(["a", "b", "d", "c"]);
  });
});

describe("surelyAsTyped (skipping the vocabulary read)", () => {
  // The facts a query's earlier reads left behind: the archive's words, names flagged.
  const facts = (word: string): WordFacts | undefined => {
    const texts = archive.frequencyOf(word);
    return texts > 0 || archive.isName(word) ? { texts, name: archive.isName(word) } : undefined;
  };

  it("skips only queries whose every word is known and too common, short or named to be replaced", () => {
    expect(surelyAsTyped("Texas strategic reserve release", facts)).toBe(true);
    expect(surelyAsTyped('"white house" -border Luna 台湾 2024', facts)).toBe(true);
    // Unknown, rare (undeserved: 2 texts), or never read: look it up.
    expect(surelyAsTyped("texas strategc reserve", facts)).toBe(false);
    expect(surelyAsTyped("undeserved communities", facts)).toBe(false);
    expect(surelyAsTyped("inter net", facts)).toBe(false);
    expect(surelyAsTyped("texas border", () => undefined)).toBe(false);
  });

  it("never skips a query that correctQuery would change", () => {
    const words = ["texas", "strategc", "reserve", "ballons", "undeserved", "communities", "whitehouse", "inter", "net", "Buttigeig", "luna", "the", "but", "Pete"];
    for (const a of words) {
      for (const b of words) {
        const q = `${a} ${b}`;
        if (surelyAsTyped(q, facts)) expect(correctQuery(q, archive), q).toBeNull();
      }
    }
    expect(correctQuery("undeserved communities", archive)).not.toBeNull();
  });
});
