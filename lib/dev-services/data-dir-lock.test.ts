import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { acquireDataDirLock, DataDirLockedError } from "./data-dir-lock";

const dirs: string[] = [];
const tempDir = () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), "pressroom-lock-"));
  dirs.push(dir);
  return dir;
};
afterEach(() => dirs.splice(0).forEach((dir) => rmSync(dir, { recursive: true, force: true })));

describe("acquireDataDirLock", () => {
  it("refuses a second owner while the first is alive, naming its PID", () => {
    const dir = tempDir();
    const lock = acquireDataDirLock(dir);
    expect(statSync(lock.file).mode & 0o777).toBe(0o600);
    // PID 1 is always alive.
    expect(() => acquireDataDirLock(dir, 1)).toThrow(DataDirLockedError);
    expect(() => acquireDataDirLock(dir, 1)).toThrow(new RegExp(`already running on .* \\(PID ${process.pid}\\)`));
    lock.release();
    expect(existsSync(lock.file)).toBe(false);
  });

  it("takes over a lock whose process is gone", () => {
    const dir = tempDir();
    const dead = spawnSync(process.execPath, ["-e", "process.stdout.write(String(process.pid))"]).stdout.toString();
    writeFileSync(path.join(dir, "pressroom.lock"), JSON.stringify({ pid: Number(dead) }));
    const lock = acquireDataDirLock(dir);
    expect(lock.recoveredFrom).toBe(Number(dead));
    expect(JSON.parse(readFileSync(lock.file, "utf8")).pid).toBe(process.pid);
  });

  it("takes over an unreadable lock file", () => {
    const dir = tempDir();
    writeFileSync(path.join(dir, "pressroom.lock"), "garbage");
    expect(acquireDataDirLock(dir).file).toBe(path.join(dir, "pressroom.lock"));
  });
});
