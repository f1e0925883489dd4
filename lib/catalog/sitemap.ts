import { db } from "@/lib/db/client";
import { publicBaseUrl } from "@/lib/env";
import { freshRollups } from "@/lib/rollups/rollups";
import { escapeXml } from "./atom";
import { conferencePath, outletPath, personPath, qaPath, topicPath } from "./paths";

// The sitemap index lists one file per kind and id range. Ranges are of row ids, not offsets,
// so a chunk's query is an index range scan however large the archive grows, and a chunk's
// URLs never shift to another file when rows are added. A file is a page like any other and
// must render uncached within 200 ms: a Q&A file costs one question lookup and one slug per URL,
// about a second for 40,000 URLs at 300k pairs and up to 236 ms for 5,000 at a million, so
// files hold 2,500 (a million pairs: 400 Q&A files, far under the index's 50,000). The chunk
// size is also in the SitemapChunk view (prisma/migrations/20261211100000_people_sitemap_scale).
export const SITEMAP_CHUNK = 2_500;
export const SITEMAP_KINDS = ["pages", "conferences", "qa", "people", "outlets", "topics"] as const;
export type SitemapKind = (typeof SITEMAP_KINDS)[number];

/**
 * Non-empty chunks per kind, with their newest change, for the sitemap index. Read from the
 * kept "SitemapChunk" view (lib/rollups): aggregating every visible pair per request took
 * seconds at a million pairs.
 */
export async function sitemapChunks(): Promise<{ name: string; lastmod: Date | null }[]> {
  await freshRollups();
  const rows = await db().$queryRaw<{ kind: SitemapKind; chunk: number; lastmod: Date | null }[]>`SELECT kind, chunk, lastmod FROM "SitemapChunk"`;
  const order = (kind: SitemapKind) => SITEMAP_KINDS.indexOf(kind);
  rows.sort((a, b) => order(a.kind) - order(b.kind) || a.chunk - b.chunk);
  return [{ name: "pages-0.xml", lastmod: null }, ...rows.map((r) => ({ name: `${r.kind}-${r.chunk}.xml`, lastmod: r.lastmod }))];
}

export function parseChunkName(name: string): { kind: SitemapKind; chunk: number } | null {
  const match = /^([a-z]+)-(\d{1,7})\.xml$/.exec(name);
  if (!match || !(SITEMAP_KINDS as readonly string[]).includes(match[1])) return null;
  return { kind: match[1] as SitemapKind, chunk: Number(match[2]) };
}

type UrlRow = { path: string; lastmod: Date | null };

/** URLs of one chunk; null when the chunk name is unknown (404). */
export async function sitemapChunkUrls(name: string): Promise<UrlRow[] | null> {
  const parsed = parseChunkName(name);
  if (!parsed) return null;
  const { kind, chunk } = parsed;
  if (kind === "pages") return chunk === 0 ? ["/", "/search", "/conferences", "/people", "/outlets"].map((path) => ({ path, lastmod: null })) : null;
  const from = chunk * SITEMAP_CHUNK;
  const to = from + SITEMAP_CHUNK;
  const range = { id: { gte: from, lt: to } };
  switch (kind) {
    case "conferences": {
      const rows = await db().conference.findMany({ where: { ...range, status: "PUBLISHED" }, orderBy: { id: "asc" }, select: { slug: true, updatedAt: true } });
      return rows.map((r) => ({ path: conferencePath(r.slug), lastmod: r.updatedAt }));
    }
    case "qa": {
      // Only the first few hundred characters of the question are needed for the slug.
      const rows = await db().$queryRaw<{ publicId: string; updatedAt: Date; question: string | null }[]>`
        SELECT p."publicId", p."updatedAt",
          (SELECT LEFT(string_agg(t.text, E'\n\n' ORDER BY t.position), 400) FROM "Turn" t WHERE t."qaPairId" = p.id AND t.kind = 'QUESTION') AS question
        FROM "QaPair" p JOIN "Conference" c ON c.id = p."conferenceId"
        WHERE p.id >= ${from} AND p.id < ${to} AND p.status = 'PUBLISHED' AND c.status = 'PUBLISHED'
        ORDER BY p.id`;
      return rows.map((r) => ({ path: qaPath(r.publicId, r.question), lastmod: r.updatedAt }));
    }
    case "people": {
      const rows = await db().speaker.findMany({
        where: { ...range, participations: { some: { conference: { status: "PUBLISHED" } } } },
        orderBy: { id: "asc" },
        select: { slug: true, updatedAt: true },
      });
      return rows.map((r) => ({ path: personPath(r.slug), lastmod: r.updatedAt }));
    }
    case "outlets": {
      const rows = await db().outlet.findMany({
        where: { ...range, questions: { some: { status: "PUBLISHED" } } },
        orderBy: { id: "asc" },
        select: { slug: true, updatedAt: true },
      });
      return rows.map((r) => ({ path: outletPath(r.slug), lastmod: r.updatedAt }));
    }
    case "topics": {
      const rows = await db().topic.findMany({
        where: { ...range, pairs: { some: { qaPair: { status: "PUBLISHED" } } } },
        orderBy: { id: "asc" },
        select: { slug: true, createdAt: true },
      });
      return rows.map((r) => ({ path: topicPath(r.slug), lastmod: r.createdAt }));
    }
  }
}

const XML_HEAD = '<?xml version="1.0" encoding="UTF-8"?>\n';
const lastmod = (d: Date | null) => (d ? `<lastmod>${d.toISOString()}</lastmod>` : "");

export function renderSitemapIndex(chunks: { name: string; lastmod: Date | null }[]): string {
  const base = publicBaseUrl();
  const items = chunks.map((c) => `  <sitemap><loc>${escapeXml(`${base}/sitemaps/${c.name}`)}</loc>${lastmod(c.lastmod)}</sitemap>`);
  return `${XML_HEAD}<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${items.join("\n")}\n</sitemapindex>\n`;
}

/** A root-relative path that new URL() would leave as it is and XML needs no escape for. */
const PLAIN_PATH = /^\/[A-Za-z0-9_-][A-Za-z0-9_/-]*$/;

export function renderUrlSet(urls: UrlRow[]): string {
  const base = publicBaseUrl();
  // Parsing every URL was a fifth of a 5,000-URL file's time; most paths are plain ASCII slugs,
  // which resolve to the base's origin followed by the path.
  const origin = new URL(base).origin;
  const plainOrigin = escapeXml(origin) === origin;
  const loc = (path: string) => (plainOrigin && PLAIN_PATH.test(path) ? origin + path : escapeXml(new URL(path, base).toString()));
  const items = urls.map((u) => `  <url><loc>${loc(u.path)}</loc>${lastmod(u.lastmod)}</url>`);
  return `${XML_HEAD}<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${items.join("\n")}\n</urlset>\n`;
}
