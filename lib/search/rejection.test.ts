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

describe("searchRejection through wrappers", () => {
  it("finds the refusal inside the errors the client and query code wrap it in", () => {
    const log = vi.spyOn(console, "error").mockImplementation(() => {});
    const wrapped = new Error("Search is temporarily unavailable", { cause: new Error("request failed", { cause: apiError(400, "invalid_search_filter") }) });
    expect(searchRejection(wrapped)?.code).toBe("invalid_search_filter");
    expect(searchRejection(new Error("x", { cause: apiError(404, "index_not_found") }))).toBeNull();
    log.mockRestore();
  });
});
