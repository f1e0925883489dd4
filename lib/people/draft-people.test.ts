import { describe, expect, it } from "vitest";
import { runTranscriptImport } from "../../scripts/import-transcript";
import { sharedPath } from "../transcripts/test-support";
import { draftPerson } from "./draft-people";

describe("draftPerson", () => {
  it("keeps the label apart and gives the key it resolves to", () => {
    expect(draftPerson("QMS. PSAKI", "The White House")).toEqual({ matchKey: draftPerson("MS. PSAKI", "The White House")!.matchKey, kind: "person" });
    expect(draftPerson("THE PRESIDENT", "The White House")?.kind).toBe("role");
    expect(draftPerson("Q", null)).toBeNull();
    const geng = draftPerson("Geng Shuang", null)!.matchKey;
    const known = new Map([[geng, { id: 7, name: "Geng Shuang", slug: "geng-shuang" }]]);
    expect(draftPerson("GENG SHUANG", "MFA", known)).toEqual({ matchKey: geng, kind: "person", id: 7, name: "Geng Shuang", slug: "geng-shuang" });
  });
});

describe("import transcript --dry-run --json", () => {
  it("prints each turn's speaker as printed with the resolved person beside it", async () => {
    const out: string[] = [];
    const saved = process.env.DATABASE_URL;
    delete process.env.DATABASE_URL;
    try {
      const code = await runTranscriptImport(["transcript", sharedPath("seeds", "000_47fa108efec89af6.txt"), "--dry-run", "--json", "--organizer", "MFA"], {
        out: (s) => out.push(s),
        err: () => {},
      });
      expect(code).toBe(0);
    } finally {
      if (saved !== undefined) process.env.DATABASE_URL = saved;
    }
    const draft = JSON.parse(out[0]!);
    const answers = draft.pairs[0].answers as { speaker: string; person: { matchKey: string } }[];
    expect(answers.map((a) => a.speaker)).toEqual(["Hu Yuting", "Li Guoqiang"]);
    expect(answers.map((a) => a.person.matchKey)).toEqual([draftPerson("Hu Yuting", null)!.matchKey, draftPerson("Li Guoqiang", null)!.matchKey]);
    expect(answers[0].person.matchKey).not.toBe(answers[1].person.matchKey);
  });
});
