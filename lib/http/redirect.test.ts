import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { safeRedirectPath } from "./redirect";

const ORIGIN = "https://archive.example.org";
const FALLBACK = "/editor";

// How a browser reads a Location header: the WHATWG parser strips tab/newline and treats "\" as "/"
// for special schemes, which is exactly what node's URL does. Resolving against a page deep in the
// site catches relative tricks too.
function browserOrigin(location: string): string {
  return new URL(location, `${ORIGIN}/login/deep/page`).origin;
}

const BYPASSES = [
  "//evil.example",
  "/\tevil.example",
  "/%09/evil.example",
  "/\t/evil.example",
  "/\n/evil.example",
  "/%0a/evil.example",
  "/\r\n/evil.example",
  "/\\evil.example",
  "\\\\evil.example",
  "/\\/evil.example",
  "\\/evil.example",
  "/%2F/evil.example",
  "/%2f%2fevil.example",
  "/%5Cevil.example",
  "%2F%2Fevil.example",
  "https://evil.example",
  "http://evil.example/editor",
  "HTTPS://EVIL.EXAMPLE",
  "//archive.example.org@evil.example",
  "https://archive.example.org@evil.example",
  "https://user:pw@archive.example.org/editor",
  "https://archive.example.org.evil.example/",
  "javascript:alert(1)",
  "JaVaScRiPt:alert(1)",
  " javascript:alert(1)",
  "data:text/html,<script>alert(1)</script>",
  "vbscript:msgbox(1)",
  "\u0000//evil.example",
  "/\u0000/evil.example",
  "\u007f//evil.example",
  "/\u0085/evil.example",
  "///evil.example",
  "////evil.example",
  "http:/\\evil.example",
  "//evil.example/%2e%2e",
  "http://archive.example.org:8080/editor",
  "ftp://archive.example.org/",
  " //evil.example",
  "\t//evil.example",
];

describe("safeRedirectPath", () => {
  it("keeps same-site paths, with query and hash", () => {
    expect(safeRedirectPath("/editor/qa/abc?x=1#t", ORIGIN)).toBe("/editor/qa/abc?x=1#t");
    expect(safeRedirectPath(`${ORIGIN}/editor/users`, ORIGIN)).toBe("/editor/users");
    expect(safeRedirectPath("/search?q=caf%C3%A9", ORIGIN)).toBe("/search?q=caf%C3%A9");
    expect(safeRedirectPath("/search?q=a%2Fb#x%2F", ORIGIN)).toBe("/search?q=a%2Fb#x%2F");
    // A scheme-relative path on a special scheme is a path on this site, as a browser reads it too.
    expect(safeRedirectPath("https:evil.example", ORIGIN)).toBe("/evil.example");
  });

  it.each(BYPASSES)("refuses %j", (value) => {
    expect(safeRedirectPath(value, ORIGIN, FALLBACK)).toBe(FALLBACK);
  });

  it("falls back on empty, missing and overlong input", () => {
    expect(safeRedirectPath(undefined, ORIGIN)).toBe(FALLBACK);
    expect(safeRedirectPath("", ORIGIN)).toBe(FALLBACK);
    expect(safeRedirectPath(`/${"a".repeat(3000)}`, ORIGIN)).toBe(FALLBACK);
  });

  it("never yields a target a browser would send off-site, for any string", () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary", maxLength: 60 }), (value) => {
        const out = safeRedirectPath(value, ORIGIN, FALLBACK);
        expect(out.startsWith("/") && !out.startsWith("//")).toBe(true);
        expect(out).not.toMatch(/[\u0000-\u001f\u007f-\u009f\\]/);
        expect(browserOrigin(out)).toBe(ORIGIN);
      }),
      { numRuns: 5000 },
    );
  });

  it("refuses every mix of the bypass pieces that points elsewhere", () => {
    const piece = fc.constantFrom("/", "//", "\\", "\t", "\n", "\r", "%09", "%0a", "%2f", "%2F", "%5c", "@", ":", "http:", "https:", "javascript:", " ", "\u0000", ".", "%2e");
    fc.assert(
      fc.property(fc.array(piece, { minLength: 1, maxLength: 6 }), fc.constantFrom("evil.example", "evil.example/editor", "archive.example.org@evil.example"), (pieces, host) => {
        const value = pieces.join("") + host;
        const out = safeRedirectPath(value, ORIGIN, FALLBACK);
        expect(browserOrigin(out)).toBe(ORIGIN);
        // Whatever was kept must read the same in the browser as here: no host smuggled into the path.
        if (out !== FALLBACK) expect(new URL(out, ORIGIN).pathname + new URL(out, ORIGIN).search + new URL(out, ORIGIN).hash).toBe(out);
      }),
      { numRuns: 5000 },
    );
  });
});
