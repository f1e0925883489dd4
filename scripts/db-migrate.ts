import { servicesOrExit } from "@/lib/dev-services/cli-services";
import { migrate } from "@/lib/db/migrator";

// Without DATABASE_URL: the database of the running `npm start` (.data/services.json).
await servicesOrExit(["database"], "db:migrate");
const url = process.env.DATABASE_URL!;
try {
  const result = await migrate(url, { log: (line) => console.log(line) });
  console.log(`${result.applied.length} migration(s) applied, ${result.alreadyApplied.length} already in place.`);
} catch (error) {
  console.error((error as Error).message);
  process.exit(1);
}
