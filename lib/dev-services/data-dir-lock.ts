import { readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";

// One `npm start` per data directory: a second one would start a second PostgreSQL on the
// same files (or fail half-way after touching them). The lock file holds the owner's PID;
// a lock whose process is gone (crash, kill -9) is stale and taken over.

export class DataDirLockedError extends Error {}

export function processAlive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

export interface DataDirLock {
  file: string;
  /** Stale lock taken over from this PID, if any. */
  recoveredFrom?: number;
  release(): void;
}

export function acquireDataDirLock(dataDir: string, pid = process.pid): DataDirLock {
  const file = path.join(dataDir, "pressroom.lock");
  let recoveredFrom: number | undefined;
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      writeFileSync(file, `${JSON.stringify({ pid, startedAt: new Date().toISOString() })}\n`, { flag: "wx", mode: 0o600 });
      return {
        file,
        recoveredFrom,
        release() {
          // Only our own lock: never remove one a later owner took over.
          if (readOwner(file) === pid) rmSync(file, { force: true });
        },
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
    }
    const owner = readOwner(file);
    if (owner !== null && owner !== pid && processAlive(owner)) {
      throw new DataDirLockedError(
        `Pressroom is already running on ${dataDir} (PID ${owner}). Use that one, stop it first (Ctrl-C in its terminal, or kill ${owner}), or set PRESSROOM_DATA_DIR to another directory.`,
      );
    }
    recoveredFrom = owner ?? undefined;
    rmSync(file, { force: true });
  }
  throw new DataDirLockedError(`Could not take the lock ${file}: another process keeps re-creating it`);
}

function readOwner(file: string): number | null {
  try {
    const parsed = JSON.parse(readFileSync(file, "utf8")) as { pid?: unknown };
    return typeof parsed.pid === "number" ? parsed.pid : null;
  } catch {
    return null;
  }
}
