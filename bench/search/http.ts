import http from "node:http";

// The benchmark's HTTP client: node:http with kept-alive connections, like a long-running
// service would use. Node's fetch (undici) adds a ~45 ms TCP stall to every Meilisearch answer
// above a few hundred bytes on kept-alive connections (see lib/search/http-transport.ts), which
// would measure the client, not the server.

const agent = new http.Agent({ keepAlive: true, noDelay: true, maxSockets: 256 });

export function httpRequest(
  url: string,
  options: { method?: string; headers?: Record<string, string>; body?: string } = {},
): Promise<{ status: number; ok: boolean; text: string }> {
  const headers = { ...options.headers, ...(options.body !== undefined ? { "content-length": String(Buffer.byteLength(options.body)) } : {}) };
  return new Promise((resolve, reject) => {
    const request = http.request(url, { method: options.method ?? "GET", headers, agent }, (response) => {
      const chunks: Buffer[] = [];
      response.on("data", (chunk: Buffer) => chunks.push(chunk));
      response.on("error", reject);
      response.on("end", () => {
        const status = response.statusCode ?? 0;
        resolve({ status, ok: status >= 200 && status < 300, text: Buffer.concat(chunks).toString("utf8") });
      });
    });
    request.on("error", reject);
    request.end(options.body);
  });
}
