import path from "node:path";
import { z } from "zod";
import { loadSynthesisSources, SynthesisError, writeSyntheticCorpus } from "@/lib/corpus/synthesize-file";

// `npm run corpus:synthesize -- --pairs N --seed S --out FILE`: a synthetic archive in corpus
// JSONL, recombined from the real corpus in ../shared/corpus (see lib/corpus/synthesize.ts).
// Same seed, same bytes. For scale tests: write it to /tmp or .data, never into the repository.

const usage = "usage: npm run corpus:synthesize -- --pairs N [--seed S] --out FILE.jsonl";
const root = path.resolve(import.meta.dirname, "..");
const SOURCE_FILES = [
  "whitehouse_press_briefings_2021_2025.jsonl.gz",
  "mfa_prc_press_conferences_2016_2020_en.jsonl",
  "mfa_prc_press_conferences_2016_2020_zh.jsonl",
  "us_presidential_news_conferences_1960_1980.jsonl",
  "cmfa_presscon_v4_ukraine_subset.jsonl",
].map((name) => path.resolve(root, "../shared/corpus", name));

const optionsSchema = z.object({
  pairs: z.coerce
    .number({ message: "--pairs must be a number" })
    .int("--pairs must be a whole number")
    .min(1, "--pairs must be 1 or more (nothing to write for 0)")
    .max(50_000_000, "--pairs above 50,000,000 is not supported"),
  seed: z.coerce.number({ message: "--seed must be a number" }).int("--seed must be a whole number").min(0).max(0xffffffff).default(7),
  out: z.string({ message: "--out FILE is required" }).min(1, "--out FILE is required"),
});

function parseArgs(args: string[]) {
  const raw: Record<string, string | undefined> = {};
  for (let i = 0; i < args.length; i++) {
    const name = /^--(pairs|seed|out)$/.exec(args[i])?.[1];
    if (!name) throw new SynthesisError(`unknown argument ${args[i]}\n${usage}`);
    raw[name] = args[++i];
  }
  const parsed = optionsSchema.safeParse(raw);
  if (!parsed.success) throw new SynthesisError(`${parsed.error.issues[0].message}\n${usage}`);
  return parsed.data;
}

async function main(): Promise<number> {
  try {
    const options = parseArgs(process.argv.slice(2));
    const out = path.resolve(options.out);
    if (out.startsWith(`${root}${path.sep}`) && !out.startsWith(path.join(root, ".data") + path.sep)) {
      throw new SynthesisError(`Refusing to write ${options.out} inside the repository: use /tmp or .data/`);
    }
    const started = performance.now();
    const sources = await loadSynthesisSources(SOURCE_FILES).catch((error: Error) => {
      throw new SynthesisError(`Cannot read the real corpus in ../shared/corpus: ${error.message}`);
    });
    let shown = 0;
    const result = await writeSyntheticCorpus(sources, {
      ...options,
      out,
      onProgress: (pairs) => {
        if (pairs - shown >= 100_000) {
          shown = pairs;
          process.stderr.write(`  ${pairs} pairs…\n`);
        }
      },
    });
    const seconds = (performance.now() - started) / 1000;
    console.log(
      `Wrote ${result.pairs} pairs in ${result.conferences} conferences (${(result.bytes / 2 ** 20).toFixed(1)} MB) to ${options.out} in ${seconds.toFixed(1)} s (seed ${options.seed}).`,
    );
    return 0;
  } catch (error) {
    console.error(error instanceof SynthesisError ? error.message : `corpus:synthesize failed: ${(error as Error).message}`);
    return error instanceof SynthesisError ? 2 : 1;
  }
}

process.exit(await main());
