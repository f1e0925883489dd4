import http from "node:http";
import type { AddressInfo } from "node:net";
import { describe, expect, it } from "vitest";
import { coalesceResponseWrites } from "./coalesced-writes.mjs";

// Serves one response the way Next's pipeToNodeResponse does (inside a promise chain:
// flushHeaders, write the body, end in a later microtask) and counts the socket's writes.
async function serveOnce(body: string): Promise<{ writes: number; received: string; headers: http.IncomingHttpHeaders }> {
  let writes = 0;
  const server = http.createServer((req, res) => {
    const socket = res.socket as unknown as { _writeGeneric: (...args: unknown[]) => unknown };
    const writeGeneric = socket._writeGeneric;
    socket._writeGeneric = function (...args: unknown[]) {
      writes++;
      return writeGeneric.apply(this, args);
    };
    res.setHeader("Content-Type", "application/json");
    void Promise.resolve().then(async () => {
      res.flushHeaders();
      res.write(body);
      await Promise.resolve();
      res.end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  try {
    const { port } = server.address() as AddressInfo;
    const { received, headers } = await new Promise<{ received: string; headers: http.IncomingHttpHeaders }>((resolve, reject) => {
      http
        .get({ host: "127.0.0.1", port, path: "/", agent: false }, (res) => {
          const chunks: Buffer[] = [];
          res.on("data", (chunk: Buffer) => chunks.push(chunk));
          res.on("end", () => resolve({ received: Buffer.concat(chunks).toString("utf8"), headers: res.headers }));
        })
        .on("error", reject);
    });
    return { writes, received, headers };
  } finally {
    await new Promise((resolve) => server.close(resolve));
  }
}

describe("coalesceResponseWrites", () => {
  it("sends the headers with the body in one write instead of two, unchanged", async () => {
    const body = JSON.stringify({ ready: true, checks: ["postgres", "meilisearch"] });
    const before = await serveOnce(body);
    expect(before.writes).toBe(2);
    coalesceResponseWrites();
    coalesceResponseWrites(); // once per process, however often the config is loaded
    const after = await serveOnce(body);
    expect(after.writes).toBe(1);
    expect(after.received).toBe(body);
    expect(after.headers["transfer-encoding"]).toBe("chunked");
    expect(after.headers["content-type"]).toBe("application/json");
  });

  it("sends a body larger than the socket's buffer with its headers, and all of it", async () => {
    coalesceResponseWrites();
    const body = "é".repeat(40_000);
    const after = await serveOnce(body);
    expect(after.writes).toBeLessThanOrEqual(2);
    expect(after.received).toBe(body);
  });
});
