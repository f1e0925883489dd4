// `npm test`: unit, integration and end-to-end suites in that order, each starting and
// stopping its own services. Ends with one totals line that CI reads.
import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "..");
const reports = mkdtempSync(path.join(os.tmpdir(), "pressroom-test-"));
const only = process.argv.slice(2);
const env = { ...process.env, NEXT_TELEMETRY_DISABLED: "1", CHECKPOINT_DISABLE: "1" };

interface Suite {
  name: string;
  command: string[];
  report: string;
  count(report: string): { passed: number; failed: number; skipped: number };
}

const vitestCount = (file: string) => {
  const json = JSON.parse(readFileSync(file, "utf8")) as { numPassedTests: number; numFailedTests: number; numPendingTests: number; numTodoTests: number };
  return { passed: json.numPassedTests, failed: json.numFailedTests, skipped: json.numPendingTests + json.numTodoTests };
};
const suites: Suite[] = [
  {
    name: "unit",
    report: path.join(reports, "unit.json"),
    command: ["node_modules/vitest/vitest.mjs", "run", "--project", "unit", "--reporter=default", "--reporter=json", `--outputFile.json=${path.join(reports, "unit.json")}`],
    count: vitestCount,
  },
  {
    name: "integration",
    report: path.join(reports, "integration.json"),
    command: [
      "node_modules/vitest/vitest.mjs",
      "run",
      "--project",
      "integration",
      "--reporter=default",
      "--reporter=json",
      `--outputFile.json=${path.join(reports, "integration.json")}`,
    ],
    count: vitestCount,
  },
  {
    name: "e2e",
    report: path.join(reports, "e2e.json"),
    command: ["node_modules/@playwright/test/cli.js", "test", "--reporter=list,json"],
    count: (file) => {
      const json = JSON.parse(readFileSync(file, "utf8")) as { stats: { expected: number; unexpected: number; flaky: number; skipped: number } };
      return { passed: json.stats.expected + json.stats.flaky, failed: json.stats.unexpected, skipped: json.stats.skipped };
    },
  },
];

let failedSuites = 0;
const totals = { passed: 0, failed: 0, skipped: 0 };
for (const suite of suites.filter((s) => only.length === 0 || only.includes(s.name))) {
  console.log(`\n=== ${suite.name} tests ===`);
  const started = Date.now();
  const code = await new Promise<number>((resolve) => {
    const child = spawn(process.execPath, suite.command, {
      cwd: root,
      stdio: "inherit",
      env: { ...env, PLAYWRIGHT_JSON_OUTPUT_NAME: suite.report },
    });
    child.once("exit", (c) => resolve(c ?? 1));
  });
  const counted = existsSync(suite.report) ? suite.count(suite.report) : { passed: 0, failed: 1, skipped: 0 };
  if (code !== 0 && counted.failed === 0) counted.failed = 1; // a crash before any test result still fails
  totals.passed += counted.passed;
  totals.failed += counted.failed;
  totals.skipped += counted.skipped;
  if (code !== 0) failedSuites++;
  console.log(`=== ${suite.name}: ${counted.passed} passed, ${counted.failed} failed, ${counted.skipped} skipped in ${((Date.now() - started) / 1000).toFixed(0)} s ===`);
}
console.log(`\ntests: ${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`);
process.exit(failedSuites > 0 || totals.failed > 0 ? 1 : 0);
