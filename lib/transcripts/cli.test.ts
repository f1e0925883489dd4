import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { runTranscriptImport } from "../../scripts/import-transcript";
import { transcriptDraftSchema } from "./index";
import { sharedPath } from "./test-support";

async function run(args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runTranscriptImport(args, { out: (s) => out.push(s), err: (s) => err.push(s) });
  return { code, out, err };
}

describe("import transcript CLI", () => {
  it("prints exactly one JSON draft for --dry-run --json", async () => {
    const r = await run(["transcript", sharedPath("seeds", "000_47fa108efec89af6.txt"), "--dry-run", "--json"]);
    expect(r.code).toBe(0);
    expect(r.err).toEqual([]);
    expect(r.out).toHaveLength(1);
    const draft = transcriptDraftSchema.parse(JSON.parse(r.out[0]!));
    expect(draft.pairs[0]!.answers.map((a) => a.speaker)).toEqual(["Hu Yuting", "Li Guoqiang"]);
  });

  it("fails with one clear line for unparseable input", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "pressroom-cli-"));
    const plain = path.join(dir, "notes.txt");
    writeFileSync(plain, "nothing to see\n\nreally nothing");
    const binary = path.join(dir, "x.txt");
    writeFileSync(binary, Buffer.from([0, 1, 2, 3]));
    for (const file of [plain, binary, path.join(dir, "missing.txt")]) {
      const r = await run(["transcript", file, "--dry-run", "--json"]);
      expect(r.code).toBe(1);
      expect(r.out).toEqual([]);
      expect(r.err).toHaveLength(1);
      expect(r.err[0]).not.toContain("\n");
    }
    expect((await run(["transcript", plain, "--dry-run"])).err[0]).toContain("no speakers recognised");
  });

  it("refuses to publish when no database and search are configured", async () => {
    const saved = { DATABASE_URL: process.env.DATABASE_URL, MEILI_HOST: process.env.MEILI_HOST, PRESSROOM_DATA_DIR: process.env.PRESSROOM_DATA_DIR };
    delete process.env.DATABASE_URL;
    delete process.env.MEILI_HOST;
    // A data directory where no `npm start` runs (no services.json to find services through).
    process.env.PRESSROOM_DATA_DIR = path.join(tmpdir(), "pressroom-no-start");
    try {
      const r = await run(["transcript", sharedPath("seeds", "000_47fa108efec89af6.txt")]);
      expect(r.code).toBe(2);
      expect(r.err).toHaveLength(1);
      expect(r.err[0]).toMatch(/^import transcript: DATABASE_URL is not set and no `npm start` is running on this data directory .*\(or use --dry-run\)$/);
    } finally {
      delete process.env.PRESSROOM_DATA_DIR;
      // Assigning undefined to process.env would store the string "undefined".
      for (const [key, value] of Object.entries(saved)) if (value !== undefined) process.env[key] = value;
    }
  });
});
