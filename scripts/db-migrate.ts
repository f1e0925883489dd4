import { migrate } from "@/lib/db/migrator";

const url = process.env.DATABASE_URL;
if (!url) {
  console.error("DATABASE_URL is not set. `npm start` migrates its embedded database itself; set DATABASE_URL to migrate another one.");
  process.exit(2);
}
try {
  const result = await migrate(url, { log: (line) => console.log(line) });
  console.log(`${result.applied.length} migration(s) applied, ${result.alreadyApplied.length} already in place.`);
} catch (error) {
  console.error((error as Error).message);
  process.exit(1);
}
