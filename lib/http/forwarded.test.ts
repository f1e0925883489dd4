import { describe, expect, it } from "vitest";
import { normalizeAddress, parseTrustedProxies, resolveClientAddress, TrustedProxiesError } from "./forwarded";

const none = parseTrustedProxies(undefined);

describe("resolveClientAddress", () => {
  it("without trusted proxies takes the socket's peer and ignores whatever the client wrote", () => {
    expect(resolveClientAddress("203.0.113.7", "1.2.3.4", none)).toBe("203.0.113.7");
    expect(resolveClientAddress("::ffff:203.0.113.7", "1.2.3.4, 5.6.7.8", none)).toBe("203.0.113.7");
    expect(resolveClientAddress("::1", undefined, none)).toBe("::1");
  });

  it("with one trusted hop takes the address that proxy appended, not the client's own entries", () => {
    const one = parseTrustedProxies("1");
    expect(resolveClientAddress("10.0.0.2", "198.51.100.9", one)).toBe("198.51.100.9");
    expect(resolveClientAddress("10.0.0.2", "6.6.6.6, 198.51.100.9", one)).toBe("198.51.100.9");
    expect(resolveClientAddress("10.0.0.2", ["6.6.6.6", "198.51.100.9"], one)).toBe("198.51.100.9");
  });

  it("with N hops counts N from the right of the chain that ends with the socket's peer", () => {
    const two = parseTrustedProxies("2");
    expect(resolveClientAddress("10.0.0.2", "6.6.6.6, 198.51.100.9, 10.0.0.1", two)).toBe("198.51.100.9");
    // Fewer hops than configured: the leftmost address is all there is.
    expect(resolveClientAddress("10.0.0.2", "198.51.100.9", parseTrustedProxies("5"))).toBe("198.51.100.9");
    expect(resolveClientAddress("10.0.0.2", "", two)).toBe("10.0.0.2");
  });

  it("with CIDRs skips trusted addresses from the right and stops at the first untrusted one", () => {
    const cidrs = parseTrustedProxies("10.0.0.0/8, 2001:db8::/32, 127.0.0.1");
    expect(resolveClientAddress("127.0.0.1", "6.6.6.6, 198.51.100.9, 10.1.2.3", cidrs)).toBe("198.51.100.9");
    expect(resolveClientAddress("2001:db8::5", "198.51.100.9", cidrs)).toBe("198.51.100.9");
    // An untrusted peer is the client, whatever it claims.
    expect(resolveClientAddress("203.0.113.7", "10.0.0.1, 198.51.100.9", cidrs)).toBe("203.0.113.7");
    // Everyone trusted: the leftmost address.
    expect(resolveClientAddress("10.0.0.2", "10.0.0.3", cidrs)).toBe("10.0.0.3");
  });

  it("never returns a hop that is not an address", () => {
    const one = parseTrustedProxies("1");
    expect(resolveClientAddress("10.0.0.2", "<script>", one)).toBe("10.0.0.2");
    expect(resolveClientAddress("10.0.0.2", "198.51.100.9:4711", one)).toBe("198.51.100.9");
    expect(resolveClientAddress("10.0.0.2", "[2001:db8::1]:443", one)).toBe("2001:db8::1");
    expect(resolveClientAddress(undefined, "1.2.3.4", none)).toBeNull();
  });
});

describe("parseTrustedProxies", () => {
  it("reads a hop count, a CIDR list, or nothing", () => {
    expect(parseTrustedProxies("").kind).toBe("none");
    expect(parseTrustedProxies("0").kind).toBe("none");
    expect(parseTrustedProxies("2")).toEqual({ kind: "hops", hops: 2 });
    expect(parseTrustedProxies("192.168.0.0/16,::1").kind).toBe("cidrs");
  });

  it("refuses what it cannot read, naming the variable", () => {
    expect(() => parseTrustedProxies("proxy.internal")).toThrow(TrustedProxiesError);
    expect(() => parseTrustedProxies("10.0.0.0/33")).toThrow(/PRESSROOM_TRUSTED_PROXIES.*prefix/);
    expect(() => parseTrustedProxies("10.0.0.0/x")).toThrow(/prefix/);
  });
});

describe("normalizeAddress", () => {
  it("unwraps mapped IPv4, brackets, ports and zones", () => {
    expect(normalizeAddress("::FFFF:192.0.2.1")).toBe("192.0.2.1");
    expect(normalizeAddress("fe80::1%eth0")).toBe("fe80::1");
    expect(normalizeAddress("unknown")).toBeNull();
  });
});
