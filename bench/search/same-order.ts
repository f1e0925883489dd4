import { writeFile } from "node:fs/promises";
import { mixedQueries } from "./queries";
import { readGold } from "../relevance/gold";

// `npx tsx bench/search/same-order.ts --dir <kept services> --out <file>`: every hit id, in
// order, that searchPairs gives for bench:search's query mix and the tune half of the gold set
// (pages 1 and 2 of 20, and the top 10 as bench:relevance asks). Run from two checkouts on the
// same services and compare the files: a speed change that keeps the rankings gives equal files.

const args = process.argv.slice(2);
const option = (name: string) => (args.includes(name) ? args[args.indexOf(name) + 1] : null);

async function main() {
  const keepDir = option("--dir");
  const out = option("--out");
  if (!keepDir || !out) throw new Error("--dir <kept services> and --out <file> are required");
  const { startServices } = await import("../relevance/services");
  const services = await startServices(keepDir, { defaultsIndex: false });
  try {
    const { parseSearchParams } = await import("@/lib/search/params");
    const { searchPairs } = await import("@/lib/search/query");
    const gold = readGold().filter((g) => g.split === "tune");
    const asked = [...mixedQueries(), ...gold.map((g) => `q=${encodeURIComponent(g.q)}`)].flatMap((qs) => [`${qs}&limit=10`, qs, `${qs}&page=2`]);
    const lines: string[] = [];
    for (const qs of asked) {
      const parsed = parseSearchParams(new URLSearchParams(qs));
      if (!parsed.success) throw new Error(`bad query ${qs}`);
      const results = await searchPairs(parsed.data);
      lines.push(`${qs}\t${results.estimatedTotalHits}\t${results.spelling?.corrected ?? ""}\t${JSON.stringify(results.notice)}\t${results.hits.map((h) => h.id).join(" ")}`);
    }
    await writeFile(out, `${lines.join("\n")}\n`);
    console.error(`same-order: ${asked.length} searches written to ${out}`);
  } finally {
    await services.stop();
  }
}

await main();
process.exit(0);
