import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { haproxyConfig, HAPROXY_BINARY } from "@/lib/cluster/haproxy";
import { findFreePort, waitFor } from "@/lib/dev-services/ports";

// The cluster's HAProxy configuration, run by the real HAProxy in front of two real HTTP
// server processes that behave like web instances: /api/ready answers at once, a page takes
// 150 ms, and each server reports the most requests it ever had in flight.

const BACKEND = `
import http from "node:http";
let inFlight = 0, maxInFlight = 0, ready = true;
http.createServer((req, res) => {
  if (req.url === "/api/ready") { res.writeHead(ready ? 200 : 503).end(); return; }
  if (req.url === "/stats") { res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify({ maxInFlight })); return; }
  if (req.url === "/unready") { ready = false; res.writeHead(204).end(); return; }
  inFlight += 1; maxInFlight = Math.max(maxInFlight, inFlight);
  setTimeout(() => { inFlight -= 1; res.writeHead(200).end("page from " + process.env.NAME); }, 150);
}).listen(Number(process.env.PORT), "127.0.0.1");
`;

const dir = mkdtempSync(path.join(os.tmpdir(), "pressroom-haproxy-"));
const children: ChildProcess[] = [];
let balancer: ChildProcess | undefined;
let url = "";
let webPorts: number[] = [];
let balancerLog = "";

function startBackend(port: number, name: string): ChildProcess {
  const child = spawn(process.execPath, ["--input-type=module", "-e", BACKEND], { env: { ...process.env, PORT: String(port), NAME: name }, stdio: "ignore" });
  children.push(child);
  return child;
}

const get = async (pathname: string, base = url) => {
  const response = await fetch(`${base}${pathname}`, { signal: AbortSignal.timeout(30_000) }).catch(() => undefined);
  return { status: response?.status ?? 0, body: response ? await response.text() : "" };
};

beforeAll(async () => {
  webPorts = [await findFreePort(), await findFreePort()];
  webPorts.forEach((port, i) => startBackend(port, `web-${i + 1}`));
  const port = await findFreePort();
  url = `http://127.0.0.1:${port}`;
  const config = path.join(dir, "haproxy.cfg");
  writeFileSync(config, haproxyConfig({ port, webPorts, maxconnPerServer: 2, queueTimeoutSeconds: 20 }));
  const check = spawnSync(HAPROXY_BINARY, ["-c", "-f", config], { encoding: "utf8" });
  expect(check.status, `haproxy -c: ${check.stdout}${check.stderr}`).toBe(0);
  balancer = spawn(HAPROXY_BINARY, ["-db", "-f", config], { stdio: ["ignore", "ignore", "pipe"] });
  balancer.stderr?.on("data", (chunk: Buffer) => (balancerLog += chunk.toString()));
  await waitFor(async () => (await get("/page")).status === 200, "HAProxy in front of both servers", 20_000, 100);
  // Both servers up (rise 2 at 1 s) before the tests measure anything.
  await new Promise((r) => setTimeout(r, 2500));
}, 40_000);

afterAll(() => {
  balancer?.kill("SIGKILL");
  for (const child of children) child.kill("SIGKILL");
  rmSync(dir, { recursive: true, force: true });
});

describe("the cluster's HAProxy", () => {
  it("queues requests beyond maxconn instead of failing them or piling them onto a server", async () => {
    const answers = await Promise.all(Array.from({ length: 40 }, () => get("/page")));
    expect(answers.filter((a) => a.status !== 200)).toEqual([]);
    // Both servers took part, and neither ever had more than maxconn (2) requests at once.
    expect(new Set(answers.map((a) => a.body))).toEqual(new Set(["page from web-1", "page from web-2"]));
    for (const port of webPorts) expect((await (await fetch(`http://127.0.0.1:${port}/stats`)).json()).maxInFlight).toBeLessThanOrEqual(2);
  }, 30_000);

  it("answers every read while one server is SIGKILLed under load", async () => {
    const answers: Promise<{ status: number; body: string }>[] = [];
    const started = Date.now();
    const loop = async () => {
      while (Date.now() - started < 4000) {
        const answer = get("/page");
        answers.push(answer);
        await answer;
      }
    };
    const readers = Array.from({ length: 8 }, loop);
    await new Promise((r) => setTimeout(r, 500));
    children[0].kill("SIGKILL");
    await Promise.all(readers);
    const settled = await Promise.all(answers);
    expect(settled.length).toBeGreaterThan(40);
    expect(settled.filter((a) => a.status !== 200)).toEqual([]);
    expect(settled.slice(-10).every((a) => a.body === "page from web-2")).toBe(true);
  }, 30_000);

  it("still serves from the last-resort servers when every server fails its readiness check", async () => {
    startBackend(webPorts[0], "web-1");
    await waitFor(async () => (await get("/api/ready", `http://127.0.0.1:${webPorts[0]}`)).status === 200, "web-1 restarted", 10_000, 100);
    for (const port of webPorts) await fetch(`http://127.0.0.1:${port}/unready`);
    // fall 3 (1 s, then 0.5 s apart): both are out of rotation within a few seconds.
    await waitFor(async () => /web-1 is DOWN/.test(balancerLog.split("web-1 is UP").at(-1)!) && /web-2 is DOWN/.test(balancerLog), "both servers marked down", 10_000, 100);
    const answers = await Promise.all(Array.from({ length: 6 }, () => get("/page")));
    expect(answers.map((a) => a.status)).toEqual([200, 200, 200, 200, 200, 200]);
  }, 30_000);
});
