import type { ImportFigures } from "./import-phase";
import type { ServeFigures } from "./serve-phase";

export interface SizeResult {
  size: string;
  import: ImportFigures;
  serve: ServeFigures;
}

type Row = [string, (r: SizeResult) => number | string | null | undefined];

// Every figure of every size in one table, with how it grew from the first size to the last
// next to how the work grew (pairs). A figure growing much faster than the pairs is a suspect.
const ROWS: Row[] = [
  ["pairs", (r) => r.import.pairs],
  ["import: postgres phase s", (r) => r.import.postgresSeconds],
  ["import: until index caught up s", (r) => r.import.caughtUpSeconds],
  ["raw meilisearch indexing s", (r) => r.import.rawMeilisearchSeconds],
  ["caught up / raw (goal ≤ 1.25)", (r) => r.import.caughtUpOverRaw ?? undefined],
  ["disk postgres MB", (r) => r.import.diskMB.postgres],
  ["disk meilisearch MB", (r) => r.import.diskMB.meilisearch],
  ["peak RSS importer MB", (r) => r.import.peakMB.importer],
  ["peak PSS postgres (import) MB", (r) => r.import.peakMB.postgresDuringImport],
  ["peak RSS meilisearch (import) MB", (r) => r.import.peakMB.meilisearchDuringImport],
  ["peak RSS meilisearch (raw) MB", (r) => r.import.peakMB.meilisearchRaw],
  ["peak app (next start) MB (goal ≤ 600)", (r) => r.serve.appPeakMB],
  ["floor: /robots.txt p50 ms", (r) => r.serve.floor.p50],
  ...[1, 10, 50].flatMap((c): Row[] => [
    [`search c=${c} api p50 ms`, (r) => r.serve.search[`c${c}`]?.api.p50],
    [`search c=${c} api p95 ms`, (r) => r.serve.search[`c${c}`]?.api.p95],
    [`search c=${c} raw meili p95 ms`, (r) => r.serve.search[`c${c}`]?.meili.p95],
    [`search c=${c} api/raw p95`, (r) => r.serve.search[`c${c}`]?.p95Ratio],
  ]),
  ["broad facets+timeline api p50 ms", (r) => r.serve.broadFacets?.api.p50],
  ["broad facets+timeline raw p50 ms", (r) => r.serve.broadFacets?.meili.p50],
  ...(["conference", "qa", "speaker", "outlet", "speakerSpread", "outletSpread", "topicSpread"] as const).flatMap((kind): Row[] => [
    [`${kind} page uncached p50 ms`, (r) => r.serve.pages[kind]?.uncached.p50],
    [`${kind} page uncached p95 ms`, (r) => r.serve.pages[kind]?.uncached.p95],
    [`${kind} page again p50 ms`, (r) => r.serve.pages[kind]?.cached.p50],
  ]),
  ...(["conferences", "people", "outlets", "busiestSpeaker", "busiestSpeakerByNumber", "busiestOutlet", "busiestOutletByNumber", "busiestTopic"] as const).map((kind): Row => [
    `last page ${kind} p50 ms`,
    (r) => r.serve.lastPages[kind]?.p50,
  ]),
  ["sitemap.xml p50 ms", (r) => r.serve.sitemap.index.p50],
  ["sitemap files", (r) => r.serve.sitemap.chunks],
  ["last qa sitemap file p50 ms", (r) => r.serve.sitemap.lastChunk.p50],
  ["every qa sitemap file p50 ms", (r) => r.serve.sitemap.qaFiles?.p50],
  ["every qa sitemap file max ms", (r) => r.serve.sitemap.qaFiles?.max],
  ["feed.xml p50 ms", (r) => r.serve.feeds.conferences?.p50],
  ["search feed p50 ms", (r) => r.serve.feeds.search?.p50],
  ["export first byte ms", (r) => r.serve.export.firstByteMs],
  ["export pairs/s", (r) => r.serve.export.pairsPerSecond],
  ["app MB before the export", (r) => r.serve.export.appBeforeMB],
  ["export app peak MB", (r) => r.serve.export.appPeakMB],
];

export function growthTable(results: SizeResult[]): string {
  const head = `| figure | ${results.map((r) => r.size).join(" | ")} | growth ${results[0]?.size}→${results[results.length - 1]?.size} |`;
  const lines = [head, `|---|${results.map(() => "---:").join("|")}|---:|`];
  for (const [name, get] of ROWS) {
    const values = results.map((r) => get(r) ?? undefined);
    const first = Number(values[0]);
    const last = Number(values[values.length - 1]);
    const growth = results.length > 1 && first > 0 && Number.isFinite(last) ? `${(last / first).toFixed(2)}×` : "";
    lines.push(`| ${name} | ${values.map((v) => (v === undefined ? "n/a" : String(v))).join(" | ")} | ${growth} |`);
  }
  return lines.join("\n");
}

export function printGrowthTable(results: SizeResult[]) {
  console.log(growthTable(results));
}
