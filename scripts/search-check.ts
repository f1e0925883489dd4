// `npm run search:check`: compares the publicly visible pairs in Postgres with the search
// index and prints what differs. Exit code 1 when they differ, 2 when it could not check.
import { servicesOrExit } from "@/lib/dev-services/cli-services";
import { checkIndex, closeConnections, formatCheckReport } from "@/lib/search/check";

await servicesOrExit(["database", "search"], "search:check");

try {
  const report = await checkIndex();
  console.log(formatCheckReport(report));
  await closeConnections();
  process.exit(report.inSync ? 0 : 1);
} catch (error) {
  console.error(`Could not compare Postgres and the index: ${(error as Error).message}`);
  await closeConnections().catch(() => {});
  process.exit(2);
}
