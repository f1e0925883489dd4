import { describe, expect, it } from "vitest";
import { nextDigestAt } from "./match";
import { describeSearch, savedSearchFrom } from "./saved-search";
import { isInternalAddress } from "./webhook-http";
import { signature } from "./webhook";

describe("saved searches", () => {
  it("keeps what selects pairs and drops paging and order, whatever the URL looks like", () => {
    const a = savedSearchFrom("https://pressroom.example/search?q=tariffs&speaker=Jen+Psaki&page=4&sort=newest&limit=50");
    const b = savedSearchFrom("speaker=Jen%20Psaki&q=%20tariffs%20");
    expect(a).toEqual(b);
    expect(a.ok && a.value.search).toBe("q=tariffs&speaker=Jen+Psaki");
    expect(describeSearch("q=tariffs&speaker=Jen+Psaki&year=2021")).toBe("“tariffs” · speaker: Jen Psaki · year: 2021");
    expect(describeSearch("")).toBe("everything published");
  });

  it("refuses what the search page refuses, with its message", () => {
    expect(savedSearchFrom("year=banana")).toEqual({ ok: false, message: "search: year.0: year must be a number" });
    expect(savedSearchFrom(`q=${"x".repeat(600)}`)).toMatchObject({ ok: false, message: expect.stringContaining("q is longer than 500 characters") });
  });
});

describe("webhook targets", () => {
  it("treats loopback, private, link-local and mapped addresses as internal, public ones not", () => {
    for (const address of ["127.0.0.1", "10.2.3.4", "172.20.1.1", "192.168.1.1", "169.254.169.254", "0.0.0.0", "::1", "fd00::1", "fe80::1", "::ffff:127.0.0.1", "100.64.0.1"]) {
      expect(isInternalAddress(address), address).toBe(true);
    }
    for (const address of ["93.184.216.34", "8.8.8.8", "2606:4700:4700::1111", "::ffff:8.8.8.8"]) expect(isInternalAddress(address), address).toBe(false);
  });

  it("signs the exact body with HMAC-SHA256", () => {
    // Reference value from `printf '{"a":1}' | openssl dgst -sha256 -hmac key`.
    expect(signature('{"a":1}', "key")).toBe("sha256=88a67f24bbcdaed0e6c997404bb79a743baf44c6bab2f4c27328e3009d22e342");
  });
});

describe("daily digest time", () => {
  it("is the next digest hour strictly after now, in UTC", () => {
    expect(nextDigestAt(new Date("2026-12-07T06:59:00Z"), 7).toISOString()).toBe("2026-12-07T07:00:00.000Z");
    expect(nextDigestAt(new Date("2026-12-07T07:00:00Z"), 7).toISOString()).toBe("2026-12-08T07:00:00.000Z");
    expect(nextDigestAt(new Date("2026-12-31T23:30:00Z"), 7).toISOString()).toBe("2027-01-01T07:00:00.000Z");
  });
});
