// `npm run bench`: every benchmark in turn. Each prints its figures and saves JSON in bench/results/.
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "..");
const benches = ["bench/parser/run.ts", "bench/import/run.ts", "bench/search/run.ts", "bench/relevance/run.ts", "bench/qa-page/run.ts"].filter((file) =>
  existsSync(path.join(root, file)),
);
let failed = 0;
for (const file of benches) {
  console.log(`\n=== ${file} ===`);
  const result = spawnSync(process.execPath, [path.join(root, "node_modules/tsx/dist/cli.mjs"), file], { cwd: root, stdio: "inherit" });
  if (result.status !== 0) failed++;
}
process.exit(failed ? 1 : 0);
