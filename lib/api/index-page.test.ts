import { describe, expect, it } from "vitest";
import { apiEndpoints, apiIndexHtml } from "./index-page";

describe("apiIndexHtml", () => {
  it("links the OpenAPI document and lists every endpoint it describes", () => {
    const html = apiIndexHtml("https://archive.example.org");
    expect(html).toContain('href="/api/v1/openapi.json"');
    const endpoints = apiEndpoints("https://archive.example.org");
    expect(endpoints.map((e) => e.path)).toEqual(expect.arrayContaining(["/api/v1/search", "/api/v1/search/facets"]));
    for (const { path } of endpoints) expect(html).toContain(`GET ${path}`);
    expect(html).toContain("curl -s 'https://archive.example.org/api/v1/search?q=trade&amp;limit=3'");
  });
});
