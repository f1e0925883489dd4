import { MeilisearchApiError } from "meilisearch";
import { describe, expect, it, vi } from "vitest";
import { searchRejection } from "./rejection";

const apiError = (status: number, code: string) =>
  new MeilisearchApiError(new Response(null, { status }), { message: `${code} happened`, code, type: "invalid_request", link: "" });

describe("searchRejection", () => {
  it("turns a refused query into our error, logged with Meilisearch's code", () => {
    const log = vi.spyOn(console, "error").mockImplementation(() => {});
    const rejection = searchRejection(apiError(400, "invalid_search_filter"));
    expect(rejection?.code).toBe("invalid_search_filter");
    expect(rejection?.message).toMatch(/^Search failed: the search index refused this query \(invalid_search_filter\)/);
    expect(rejection?.message).not.toContain("not answering");
    expect(log).toHaveBeenCalledWith(expect.stringContaining("(invalid_search_filter)"));
    log.mockRestore();
  });

  it("leaves outages and other errors alone", () => {
    expect(searchRejection(apiError(503, "internal"))).toBeNull();
    expect(searchRejection(new TypeError("fetch failed"))).toBeNull();
  });
});
