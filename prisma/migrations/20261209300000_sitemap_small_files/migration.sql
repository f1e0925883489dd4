-- Sitemap files of 5,000 URLs instead of 40,000 (lib/catalog/sitemap.ts SITEMAP_CHUNK): a
-- file is a page like any other and must render uncached within 200 ms; a full 40,000-URL
-- Q&A file took about a second (one question lookup per URL), 5,000 take an eighth of that.
-- Same view as in 20261207400000_catalog_rollups, with the new chunk width.
DROP MATERIALIZED VIEW IF EXISTS "SitemapChunk";
CREATE MATERIALIZED VIEW "SitemapChunk" AS
  SELECT 'conferences'::text AS kind, (id / 5000)::int AS chunk, MAX("updatedAt") AS lastmod
    FROM "Conference" WHERE status = 'PUBLISHED' GROUP BY 2
  UNION ALL
  SELECT 'qa', (p.id / 5000)::int, MAX(p."updatedAt")
    FROM "QaPair" p JOIN "Conference" c ON c.id = p."conferenceId"
   WHERE p.status = 'PUBLISHED' AND c.status = 'PUBLISHED' GROUP BY 2
  UNION ALL
  SELECT 'people', (s.id / 5000)::int, MAX(s."updatedAt")
    FROM "Speaker" s
   WHERE EXISTS (SELECT 1 FROM "ConferenceParticipant" cp JOIN "Conference" c ON c.id = cp."conferenceId" WHERE cp."speakerId" = s.id AND c.status = 'PUBLISHED')
   GROUP BY 2
  UNION ALL
  SELECT 'outlets', (o.id / 5000)::int, MAX(o."updatedAt")
    FROM "Outlet" o JOIN "OutletQuestionCount" k ON k."outletId" = o.id GROUP BY 2
  UNION ALL
  SELECT 'topics', (t.id / 5000)::int, MAX(t."createdAt")
    FROM "Topic" t JOIN "TopicPairCount" k ON k."topicId" = t.id GROUP BY 2;
CREATE UNIQUE INDEX "SitemapChunk_kind_chunk_key" ON "SitemapChunk" (kind, chunk);
