import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { WEB_HEAP_FLAGS } from "./web-heap";

// The Docker image's web stage cannot import TypeScript, so its CMD spells the flags out; this
// keeps that copy equal to the one `npm start`, the cluster and the scale benchmark use.
describe("WEB_HEAP_FLAGS", () => {
  it("are the node flags of the Docker image's web command", () => {
    const dockerfile = readFileSync(path.join(__dirname, "..", "..", "Dockerfile"), "utf8");
    const webStage = dockerfile.slice(dockerfile.indexOf(" AS web"), dockerfile.indexOf(" AS tools"));
    const cmd = webStage.match(/^CMD (\[.*\])$/m);
    expect(cmd, "the web stage has an exec-form CMD").not.toBeNull();
    const argv = JSON.parse(cmd![1]) as string[];
    expect(argv[0]).toBe("node");
    expect(argv.slice(1, 1 + WEB_HEAP_FLAGS.length)).toEqual(WEB_HEAP_FLAGS);
  });
});
