import { describe, expect, it } from "vitest";
import { configuredTargets } from "./targets";

describe("MEILI_TARGETS", () => {
  it("is null when unset, so one instance works as before", () => {
    expect(configuredTargets(undefined)).toBeNull();
    expect(configuredTargets("  ")).toBeNull();
  });

  it("reads name=url pairs, trimming a trailing slash", () => {
    expect(configuredTargets("a=http://127.0.0.1:7701/, b=http://10.0.0.2:7700")).toEqual([
      { name: "a", host: "http://127.0.0.1:7701" },
      { name: "b", host: "http://10.0.0.2:7700" },
    ]);
  });

  it("rejects a missing name, a bad URL and a repeated name with a message saying what to write", () => {
    expect(() => configuredTargets("http://127.0.0.1:7701")).toThrow(/name=url/);
    expect(() => configuredTargets("a=not a url")).toThrow(/MEILI_TARGETS is invalid/);
    expect(() => configuredTargets("a=http://x:1,a=http://y:2")).toThrow(/distinct/);
  });
});
