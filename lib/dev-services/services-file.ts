import { readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { z } from "zod";
import { processAlive } from "./data-dir-lock";

// Where a running `npm start` serves its embedded services, so CLIs (`npm run import`,
// `user:create`, `search:*`, `db:migrate`) find them without the user copying URLs and keys.
// Holds secrets: written 0600 next to the other generated secrets, removed on a clean stop.

export const servicesFileSchema = z.object({
  pid: z.number().int().positive(),
  startedAt: z.string(),
  databaseUrl: z.string().regex(/^postgres(ql)?:\/\//),
  meiliHost: z.string().url(),
  /** Admin key: for CLIs and the worker only. */
  meiliMasterKey: z.string().optional(),
  /** Search-only key the web server searches with. */
  meiliSearchKey: z.string().optional(),
  webUrl: z.string().url().optional(),
});
export type ServicesFile = z.infer<typeof servicesFileSchema>;

export function servicesFilePath(dataDir: string): string {
  return path.join(dataDir, "services.json");
}

export function writeServicesFile(dataDir: string, services: ServicesFile): string {
  const file = servicesFilePath(dataDir);
  // Remove first: writeFileSync keeps an existing file's mode.
  rmSync(file, { force: true });
  writeFileSync(file, `${JSON.stringify(services, null, 2)}\n`, { mode: 0o600 });
  return file;
}

export function removeServicesFile(dataDir: string, pid = process.pid): void {
  const current = readServicesFile(dataDir);
  if (current.kind === "ok" && current.services.pid === pid) rmSync(servicesFilePath(dataDir), { force: true });
}

export type ServicesFileRead = { kind: "ok"; services: ServicesFile } | { kind: "missing" } | { kind: "stale"; pid: number } | { kind: "invalid"; message: string };

/** The file's content if the `npm start` that wrote it is still running. */
export function readServicesFile(dataDir: string): ServicesFileRead {
  let text: string;
  try {
    text = readFileSync(servicesFilePath(dataDir), "utf8");
  } catch {
    return { kind: "missing" };
  }
  let parsed: ReturnType<typeof servicesFileSchema.safeParse>;
  try {
    parsed = servicesFileSchema.safeParse(JSON.parse(text));
  } catch (error) {
    return { kind: "invalid", message: (error as Error).message };
  }
  if (!parsed.success) return { kind: "invalid", message: parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ") };
  if (!processAlive(parsed.data.pid)) return { kind: "stale", pid: parsed.data.pid };
  return { kind: "ok", services: parsed.data };
}
