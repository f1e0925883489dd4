import { inject } from "vitest";
import { describe, expect, it } from "vitest";
import { ensureSearchKey } from "@/lib/search/keys";

// The web server's Meilisearch key: created once, found again on every later start, and able
// to search but not to change anything.

describe("search-only key", () => {
  it("is created once and found again, and Meilisearch refuses it anything but search", async () => {
    const host = inject("PRESSROOM_TEST_MEILI_HOST");
    const master = inject("PRESSROOM_TEST_MEILI_KEY");
    const key = await ensureSearchKey(host, master);
    expect(await ensureSearchKey(host, master)).toBe(key);
    expect(key).not.toBe(master);

    const as = (apiKey: string, path: string, init: RequestInit = {}) =>
      fetch(`${host}${path}`, { ...init, headers: { Authorization: `Bearer ${apiKey}`, "Content-Type": "application/json", ...init.headers } });
    // Searching is allowed: an unknown index is "not found", not "forbidden".
    const searched = await as(key, "/multi-search", { method: "POST", body: JSON.stringify({ queries: [{ indexUid: "nothing_here", q: "x" }] }) });
    expect(((await searched.json()) as { code: string }).code).toBe("index_not_found");
    for (const [path, init] of [
      ["/indexes", { method: "POST", body: JSON.stringify({ uid: "made_by_search_key" }) }],
      ["/indexes/any/settings", { method: "PATCH", body: JSON.stringify({ rankingRules: ["words"] }) }],
      ["/keys", {}],
      ["/indexes/any/documents", { method: "POST", body: "[]" }],
    ] as const) {
      expect((await as(key, path, init)).status, path).toBe(403);
    }
  });
});
