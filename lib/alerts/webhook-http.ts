import dns from "node:dns";
import http from "node:http";
import https from "node:https";
import net from "node:net";
import { isHttpUrl } from "@/lib/urls/http-url";

// Webhook targets are typed in by strangers, so the server must not become a way to reach
// its own network: http(s) only, and no loopback, private, link-local or other internal
// address, checked on every connection (a name that resolves somewhere else later, DNS
// rebinding, is refused at connect time too). PRESSROOM_WEBHOOK_ALLOW_PRIVATE=1 lifts the
// address rule for tests and local use.

const internal = new net.BlockList();
for (const [address, prefix] of [
  ["0.0.0.0", 8],
  ["10.0.0.0", 8],
  ["100.64.0.0", 10],
  ["127.0.0.0", 8],
  ["169.254.0.0", 16],
  ["172.16.0.0", 12],
  ["192.0.0.0", 24],
  ["192.168.0.0", 16],
  ["198.18.0.0", 15],
  ["224.0.0.0", 4],
  ["240.0.0.0", 4],
] as const)
  internal.addSubnet(address, prefix, "ipv4");
for (const [address, prefix] of [
  ["::", 128],
  ["::1", 128],
  ["fc00::", 7],
  ["fe80::", 10],
  ["ff00::", 8],
  ["64:ff9b::", 96],
] as const)
  internal.addSubnet(address, prefix, "ipv6");

export function privateAddressesAllowed(): boolean {
  return process.env.PRESSROOM_WEBHOOK_ALLOW_PRIVATE === "1";
}

export function isInternalAddress(address: string): boolean {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  if (mapped) return internal.check(mapped[1], "ipv4");
  const family = net.isIP(address);
  if (family === 4) return internal.check(address, "ipv4");
  if (family === 6) return internal.check(address, "ipv6");
  return true;
}

export class WebhookTargetError extends Error {}

/** Checks a webhook URL before it is stored: the scheme, and the address its host resolves to now. */
export async function checkWebhookTarget(value: string): Promise<string> {
  if (!isHttpUrl(value)) throw new WebhookTargetError("webhook must be a full http:// or https:// URL");
  const url = new URL(value);
  if (url.username || url.password) throw new WebhookTargetError("webhook URL must not carry a user name or password; use the secret to authenticate");
  if (privateAddressesAllowed()) return url.toString();
  const host = url.hostname.replace(/^\[|\]$/g, "");
  const addresses = net.isIP(host) ? [host] : await resolveAll(host);
  if (addresses.some(isInternalAddress)) throw new WebhookTargetError("webhook must not point at a loopback or private address");
  return url.toString();
}

async function resolveAll(host: string): Promise<string[]> {
  try {
    return (await dns.promises.lookup(host, { all: true })).map((a) => a.address);
  } catch {
    throw new WebhookTargetError(`webhook host ${host} does not resolve`);
  }
}

// Used as the socket's lookup, so the address actually connected to is the one checked.
const guardedLookup: net.LookupFunction = (hostname, options, callback) => {
  dns.lookup(hostname, { ...options, all: true }, (error, addresses) => {
    if (error) return callback(error, "", 4);
    const list = addresses as dns.LookupAddress[];
    if (!privateAddressesAllowed() && list.some((a) => isInternalAddress(a.address))) {
      return callback(new WebhookTargetError(`webhook host ${hostname} resolves to a private address`), "", 4);
    }
    if ((options as dns.LookupOptions).all) return (callback as unknown as (e: null, a: dns.LookupAddress[]) => void)(null, list);
    callback(null, list[0].address, list[0].family);
  });
};

export interface WebhookAnswer {
  status: number;
  body: string;
}

const MAX_ANSWER_BYTES = 64 * 1024;

/** POSTs a JSON body; redirects are not followed, the answer is cut at 64 KB, timeoutMs bounds the whole exchange. */
export function postJson(target: string, body: string, headers: Record<string, string>, timeoutMs = 10_000): Promise<WebhookAnswer> {
  const url = new URL(target);
  const host = url.hostname.replace(/^\[|\]$/g, "");
  if (net.isIP(host) && !privateAddressesAllowed() && isInternalAddress(host)) {
    return Promise.reject(new WebhookTargetError("webhook must not point at a loopback or private address"));
  }
  const client = url.protocol === "https:" ? https : http;
  return new Promise((resolve, reject) => {
    const request = client.request(
      url,
      {
        method: "POST",
        lookup: guardedLookup,
        headers: { "Content-Type": "application/json", "User-Agent": "Pressroom-Alerts/1", "Content-Length": Buffer.byteLength(body).toString(), ...headers },
      },
      (response) => {
        const chunks: Buffer[] = [];
        let size = 0;
        response.on("data", (chunk: Buffer) => {
          size += chunk.length;
          if (size <= MAX_ANSWER_BYTES) chunks.push(chunk);
          else response.destroy();
        });
        response.on("end", () => resolve({ status: response.statusCode ?? 0, body: Buffer.concat(chunks).toString("utf8") }));
        response.on("close", () => resolve({ status: response.statusCode ?? 0, body: Buffer.concat(chunks).toString("utf8") }));
        response.on("error", reject);
      },
    );
    const timer = setTimeout(() => request.destroy(new Error(`no answer within ${Math.round(timeoutMs / 1000)} s`)), timeoutMs);
    request.on("close", () => clearTimeout(timer));
    request.on("error", reject);
    request.end(body);
  });
}
