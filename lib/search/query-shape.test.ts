import { describe, expect, it } from "vitest";
import { matchingStrategyFor, queryShape } from "./query-shape";

describe("query shape", () => {
  it("separates phrases, exclusions and free words", () => {
    expect(queryShape('"climate change" Paris -coal, treaty')).toEqual({ words: ["Paris", "treaty"], phrases: ["climate change"], exclusions: ["coal"], chinese: false });
    expect(queryShape('"unclosed phrase')).toMatchObject({ phrases: ["unclosed phrase"], words: [] });
    expect(queryShape("--- ... !!!")).toMatchObject({ words: [], phrases: [], exclusions: [] });
    expect(queryShape("co-operation F-16")).toMatchObject({ words: ["co-operation", "F-16"], exclusions: [] });
  });

  it("recognises Chinese and mixed-script queries", () => {
    expect(queryShape("天宫一号 坠落")).toMatchObject({ words: ["天宫一号", "坠落"], chinese: true });
    expect(queryShape("Huawei 5G 华为")).toMatchObject({ words: ["Huawei", "5G", "华为"], chinese: true });
  });

  it("keeps every word of a short query and drops common words first in a long one", () => {
    expect(matchingStrategyFor(queryShape("vaccine mandate"))).toBe("last");
    expect(matchingStrategyFor(queryShape('"one China" policy'))).toBe("last");
    expect(matchingStrategyFor(queryShape("why did the president not call the governor after the storm"))).toBe("frequency");
  });
});
