import { describe, expect, it } from "vitest";
import { haproxyConfig, webMaxconn } from "./haproxy";

describe("webMaxconn", () => {
  it("defaults to 6 and takes a whole number from PRESSROOM_WEB_MAXCONN", () => {
    expect(webMaxconn(undefined)).toBe(6);
    expect(webMaxconn("12")).toBe(12);
  });

  it("refuses what is not a whole number from 1 to 1000, naming the variable", () => {
    for (const bad of ["0", "-3", "2.5", "many", "1001"]) expect(() => webMaxconn(bad)).toThrow(`PRESSROOM_WEB_MAXCONN must be a whole number from 1 to 1000, got "${bad}"`);
  });
});

describe("haproxyConfig", () => {
  it("gives every server the per-server limit and a last-resort twin", () => {
    const config = haproxyConfig({ port: 8080, webPorts: [4001, 4002, 4003], maxconnPerServer: 4, queueTimeoutSeconds: 15 });
    expect(config).toContain("maxconn 4 ");
    expect(config).toContain("timeout queue 15s");
    expect(config.match(/^ {2}server web-\d 127\.0\.0\.1:\d+ check$/gm)).toHaveLength(3);
    expect(config.match(/^ {2}server web-\d-last-resort 127\.0\.0\.1:(\d+) backup$/gm)).toEqual([
      "  server web-1-last-resort 127.0.0.1:4001 backup",
      "  server web-2-last-resort 127.0.0.1:4002 backup",
      "  server web-3-last-resort 127.0.0.1:4003 backup",
    ]);
  });
});
