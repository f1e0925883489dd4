import { describe, expect, it } from "vitest";
import { openApiDocument } from "@/lib/api/openapi";

describe("read API in /api/v1/openapi.json", () => {
  it("documents every read endpoint, and every $ref resolves", () => {
    const doc = openApiDocument("http://test") as { paths: Record<string, unknown>; components: { schemas: Record<string, unknown> } };
    for (const path of ["/api/v1/qa/{publicId}", "/api/v1/conferences", "/api/v1/conferences/{slug}", "/api/v1/export.jsonl"]) {
      expect(doc.paths, path).toHaveProperty([path, "get", "responses", "200"]);
    }
    const refs = [...JSON.stringify(doc).matchAll(/"\$ref":"#\/components\/schemas\/([^"]+)"/g)].map((m) => m[1]);
    expect(refs.length).toBeGreaterThan(5);
    expect(refs.filter((name) => !(name in doc.components.schemas))).toEqual([]);
  });
});
