import { describe, expect, it } from "vitest";
import { isCachedPublicPage } from "./cached-pages";

describe("cached public pages", () => {
  it("are the Q&A and conference pages, nothing that reflects input or serves signed-in users", () => {
    expect(isCachedPublicPage("/qa/k3m9x2qa/why-the-ferry")).toBe(true);
    expect(isCachedPublicPage("/conferences/2024-05-16-scio-jilin")).toBe(true);
    expect(isCachedPublicPage("/conferences/%E6%96%B0%E9%97%BB")).toBe(true);

    expect(isCachedPublicPage("/qa/k3m9x2qa")).toBe(false); // 410/redirect route handler
    expect(isCachedPublicPage("/qa/k3m9x2qa/why/opengraph-image")).toBe(false);
    expect(isCachedPublicPage("/conferences")).toBe(false); // filters in the query string
    expect(isCachedPublicPage("/search")).toBe(false);
    expect(isCachedPublicPage("/editor/conferences/2024-05-16-scio-jilin")).toBe(false);
    expect(isCachedPublicPage("/editor/qa/k3m9x2qa")).toBe(false);
    expect(isCachedPublicPage("/login")).toBe(false);
    expect(isCachedPublicPage("/people/hu-yuting")).toBe(false);
    expect(isCachedPublicPage("/")).toBe(false);
  });
});
