import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import PageCache from "./shared-revalidation.mjs";

// The page cache handler Next runs (next.config.js cacheHandler), driven the way Next drives it:
// a look-up that misses, a render, a write. The race: an editor's revalidation lands while a
// page is being rendered from the data before the edit.

const distDir = fs.mkdtempSync(path.join(os.tmpdir(), "pressroom-page-cache-"));
afterAll(() => fs.rmSync(distDir, { recursive: true, force: true }));

const nodeFs = {
  existsSync: fs.existsSync,
  readFile: (f: string, enc?: BufferEncoding) => fs.promises.readFile(f, enc),
  readFileSync: fs.readFileSync,
  writeFile: fs.promises.writeFile,
  mkdir: (dir: string) => fs.promises.mkdir(dir, { recursive: true }),
  stat: fs.promises.stat,
};

function pageCache() {
  return new PageCache({ fs: nodeFs, serverDistDir: distDir, flushToDisk: false, maxMemoryCacheSize: 8 * 1024 * 1024, revalidatedTags: [] });
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const lookUp = { kind: "APP_PAGE", isFallback: false } as never;

function renderedPage(key: string, html: string) {
  return {
    kind: "APP_PAGE",
    html,
    rscData: Buffer.from(html),
    headers: { "x-next-cache-tags": `_N_T_/layout,_N_T_${key}` },
    status: 200,
    postponed: undefined,
    segmentData: undefined,
  } as never;
}

describe("page cache: a render overlapping an edit", () => {
  it("does not keep a page rendered from data read before a revalidation", async () => {
    const cache = pageCache();
    const key = `/qa/race${Date.now()}/question`;
    expect(await cache.get(key, lookUp)).toBeNull(); // miss: Next starts rendering from the old data
    await pause(5);
    await cache.revalidateTag("_N_T_/layout"); // the editor's save (refreshPublicPages) lands mid-render
    await pause(5);
    await cache.set(key, renderedPage(key, "<p>before the edit</p>"), { cacheControl: { revalidate: 3600, expire: undefined } });
    // Next stamps entries with the time they are written, which is after the revalidation; the
    // page must still count as expired, so the next visitor gets a render from current data.
    expect(await cache.get(key, lookUp)).toBeNull();
  });

  it("keeps a page whose render started after the revalidation", async () => {
    const cache = pageCache();
    const key = `/qa/fresh${Date.now()}/question`;
    await cache.revalidateTag("_N_T_/layout");
    await pause(5);
    expect(await cache.get(key, lookUp)).toBeNull();
    await cache.set(key, renderedPage(key, "<p>after the edit</p>"), { cacheControl: { revalidate: 3600, expire: undefined } });
    const hit = (await cache.get(key, lookUp)) as { value: { html: string } } | null;
    expect(hit?.value.html).toBe("<p>after the edit</p>");
  });
});
