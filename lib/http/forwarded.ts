import { BlockList, isIP } from "node:net";

// Which address a request came from. X-Forwarded-For is written by whoever sent the request:
// only the hops added by proxies we run can be believed. scripts/web-server.ts replaces the
// header with the single address resolved here, so the app never reads a client-written hop.
//
// PRESSROOM_TRUSTED_PROXIES:
//   unset / ""        no proxy: the socket's peer is the client (client-sent headers ignored)
//   "1", "2", …       that many proxies in front: each appended the address it saw, so the
//                     client is that many hops left of the socket's peer (Express's "trust proxy" n)
//   "10.0.0.0/8,::1"  proxies by address: walk from the socket leftwards, skipping trusted
//                     addresses; the first untrusted one is the client

export type TrustedProxies = { kind: "none" } | { kind: "hops"; hops: number } | { kind: "cidrs"; list: BlockList; text: string };

export class TrustedProxiesError extends Error {}

export function parseTrustedProxies(value: string | undefined): TrustedProxies {
  const text = (value ?? "").trim();
  if (text === "" || text === "0") return { kind: "none" };
  if (/^\d+$/.test(text)) {
    const hops = Number(text);
    if (hops > 20) throw new TrustedProxiesError(`PRESSROOM_TRUSTED_PROXIES: ${hops} hops is more proxies than any real setup; give a count up to 20 or a CIDR list`);
    return { kind: "hops", hops };
  }
  const list = new BlockList();
  for (const entry of text
    .split(",")
    .map((part) => part.trim())
    .filter(Boolean)) {
    const [address, prefixText] = entry.split("/");
    const family = isIP(address);
    if (!family) throw new TrustedProxiesError(`PRESSROOM_TRUSTED_PROXIES: "${entry}" is neither a hop count nor an IP address or CIDR range`);
    const type = family === 4 ? "ipv4" : "ipv6";
    const max = family === 4 ? 32 : 128;
    const prefix = prefixText === undefined ? max : Number(prefixText);
    if (!Number.isInteger(prefix) || prefix < 0 || prefix > max || (prefixText !== undefined && !/^\d+$/.test(prefixText))) {
      throw new TrustedProxiesError(`PRESSROOM_TRUSTED_PROXIES: "${entry}" has an invalid prefix length (0–${max})`);
    }
    list.addSubnet(address, prefix, type);
  }
  return { kind: "cidrs", list, text };
}

/** "::ffff:192.0.2.1" → "192.0.2.1"; strips "[…]" and ports; null when not an IP address. */
export function normalizeAddress(raw: string | undefined): string | null {
  if (!raw) return null;
  let value = raw.trim();
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(value);
  if (bracketed) value = bracketed[1];
  else if (/^\d{1,3}(\.\d{1,3}){3}:\d+$/.test(value)) value = value.slice(0, value.lastIndexOf(":"));
  const mapped = /^::ffff:(\d{1,3}(\.\d{1,3}){3})$/i.exec(value);
  if (mapped) value = mapped[1];
  const zone = value.indexOf("%");
  if (zone > 0 && isIP(value.slice(0, zone)) === 6) value = value.slice(0, zone);
  return isIP(value) ? value.toLowerCase() : null;
}

function isTrusted(list: BlockList, address: string): boolean {
  return list.check(address, isIP(address) === 4 ? "ipv4" : "ipv6");
}

/**
 * The client's address: exactly one, never taken from a part of the header that an untrusted
 * party could have written. `forwardedFor` is the raw X-Forwarded-For value (several headers
 * joined by commas), `socketAddress` the TCP peer.
 */
export function resolveClientAddress(socketAddress: string | undefined, forwardedFor: string | string[] | undefined, trusted: TrustedProxies): string | null {
  const peer = normalizeAddress(socketAddress);
  if (trusted.kind === "none" || peer === null) return peer;
  const header = Array.isArray(forwardedFor) ? forwardedFor.join(",") : (forwardedFor ?? "");
  // The chain as the last proxy sees it: client first, the socket's peer last.
  const chain = [
    ...header
      .split(",")
      .map((hop) => hop.trim())
      .filter(Boolean),
    peer,
  ];
  // Walk leftwards from the peer; a hop that is not an address ends the walk at its right neighbour.
  let client = peer;
  for (let i = chain.length - 1, step = 0; i >= 0; i--, step++) {
    const address = normalizeAddress(chain[i]);
    if (address === null) break;
    client = address;
    const proxy = trusted.kind === "hops" ? step < trusted.hops : isTrusted(trusted.list, address);
    if (!proxy) break;
  }
  return client;
}
