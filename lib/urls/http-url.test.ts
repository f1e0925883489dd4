import { describe, expect, it } from "vitest";
import { httpUrlOrNull, httpUrlSchema, isHttpUrl } from "./http-url";

describe("http(s)-only source URLs", () => {
  it.each(["https://www.scio.gov.cn/xwfb/a.html", "http://example.org", "HTTPS://EXAMPLE.ORG/x?y=1#z"])("accepts %s", (url) => {
    expect(isHttpUrl(url)).toBe(true);
    expect(httpUrlSchema.safeParse(url).success).toBe(true);
  });

  it.each([
    "javascript:alert(document.cookie)",
    "JavaScript:alert(1)",
    " javascript:alert(1)",
    "data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==",
    "vbscript:msgbox(1)",
    "file:///etc/passwd",
    "ftp://example.org/x",
    "//example.org/x",
    "/relative/path",
    "https://",
    "http://exa mple.org",
    `https://example.org/${"a".repeat(2000)}`,
  ])("refuses %s", (url) => {
    expect(isHttpUrl(url.trim())).toBe(false);
    const parsed = httpUrlSchema.safeParse(url);
    expect(parsed.success).toBe(false);
    if (!parsed.success) expect(parsed.error.issues[0]?.message).toMatch(/http:\/\/ or https:\/\//);
  });

  it("drops a stored non-http(s) URL on output", () => {
    expect(httpUrlOrNull("javascript:alert(1)")).toBeNull();
    expect(httpUrlOrNull("data:text/html,x")).toBeNull();
    expect(httpUrlOrNull(null)).toBeNull();
    expect(httpUrlOrNull("https://example.org/a")).toBe("https://example.org/a");
  });
});
