import { spawn, type ChildProcess } from "node:child_process";
import { describe, expect, it } from "vitest";
import { Supervisor } from "./supervisor";

const policy = { initialDelayMs: 20, maxDelayMs: 100, maxRestarts: 3, windowMs: 60_000 };
const nodeChild = (code: string) => spawn(process.execPath, ["-e", code], { stdio: "ignore" });
const until = async (check: () => boolean, ms = 10_000) => {
  const deadline = Date.now() + ms;
  while (!check()) {
    if (Date.now() > deadline) throw new Error("timed out");
    await new Promise((r) => setTimeout(r, 20));
  }
};

describe("Supervisor", () => {
  it("restarts a child that dies, logs it, and leaves the other children alone", async () => {
    const lines: string[] = [];
    const supervisor = new Supervisor(
      (line) => lines.push(line),
      () => {},
      policy,
    );
    let crashing: ChildProcess = nodeChild("setTimeout(() => process.exit(3), 50)");
    let starts = 1;
    const steady = nodeChild("setTimeout(() => {}, 60000)");
    supervisor.watch({
      name: "web server",
      current: () => crashing,
      restart: async () => {
        starts += 1;
        crashing = nodeChild(starts < 3 ? "setTimeout(() => process.exit(3), 50)" : "setTimeout(() => {}, 60000)");
      },
    });
    supervisor.watch({ name: "database", current: () => steady, restart: async () => {} });
    await until(() => starts === 3 && lines.filter((l) => l.includes("is back")).length === 2);
    expect(lines[0]).toMatch(/^web server exited with code 3; restart 1 in 0\.0 s$/);
    expect(lines.join("\n")).toContain("restart 2 in 0.0 s");
    expect(steady.exitCode).toBeNull();
    supervisor.stop();
    crashing.kill();
    steady.kill();
  });

  it("gives up loudly after too many failures in the window", async () => {
    const lines: string[] = [];
    let gaveUp = "";
    const supervisor = new Supervisor(
      (line) => lines.push(line),
      (name, reason) => (gaveUp = `${name}: ${reason}`),
      policy,
    );
    let child = nodeChild("process.exit(1)");
    supervisor.watch({ name: "Meilisearch", current: () => child, restart: async () => void (child = nodeChild("process.exit(1)")) });
    await until(() => gaveUp !== "");
    expect(gaveUp).toBe("Meilisearch: it failed 4 times within 60 s");
    expect(lines.at(-1)).toMatch(/^!!! Meilisearch exited with code 1 and will not be restarted/);
  });

  it("restarts nothing once stopped", async () => {
    const lines: string[] = [];
    const supervisor = new Supervisor(
      (line) => lines.push(line),
      () => {},
      policy,
    );
    const child = nodeChild("setTimeout(() => {}, 60000)");
    supervisor.watch({ name: "web server", current: () => child, restart: async () => {} });
    supervisor.stop();
    child.kill("SIGTERM");
    await until(() => child.signalCode !== null);
    await new Promise((r) => setTimeout(r, 100));
    expect(lines).toEqual([]);
  });
});
