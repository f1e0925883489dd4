import { servicesOrExit } from "@/lib/dev-services/cli-services";

// `npm run align`: links every bilingual briefing already imported to its other-language
// version, pair by pair (lib/alignment). Idempotent: a second run changes nothing.
// --verbose also lists the conferences left without a counterpart and why.

const args = process.argv.slice(2);
const unknown = args.filter((a) => a !== "--verbose");
if (unknown.length) {
  console.error(`unknown option ${unknown[0]}\nusage: npm run align [-- --verbose]`);
  process.exit(2);
}
await servicesOrExit(["database"], "align");
const { runAlignment, formatAlignSummary } = await import("@/lib/alignment/run");
try {
  const summary = await runAlignment();
  console.log(formatAlignSummary(summary));
  if (args.includes("--verbose")) for (const u of summary.unmatched) console.log(`    conference ${u.conferenceId}: ${u.reason}`);
  process.exit(0);
} catch (error) {
  console.error(`Alignment failed: ${(error as Error).message}\nNothing was written; run it again once the cause is fixed.`);
  process.exit(1);
}
