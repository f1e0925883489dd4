-- Issue 14 at a million pairs (EXPLAIN ANALYZE in the note).
-- 1. The kept counts' freshness check (lib/rollups archiveStamp) reads max("updatedAt") of
--    Speaker and Outlet on every people, outlet and topic page (three times on a person's):
--    without an index that was a scan of every person (2 ms at 9,058 people, growing).
CREATE INDEX "Speaker_updatedAt_idx" ON "Speaker" ("updatedAt");
CREATE INDEX "Outlet_updatedAt_idx" ON "Outlet" ("updatedAt");

-- 2. Sitemap files of 2,500 URLs instead of 5,000 (lib/catalog/sitemap.ts SITEMAP_CHUNK): a
--    Q&A file costs a question lookup and a slug per URL, 120 ms p50 and 236 ms at worst for
--    5,000 on a quiet machine at 1M pairs. Same view as in 20261209300000_sitemap_small_files.
DROP MATERIALIZED VIEW IF EXISTS "SitemapChunk";
CREATE MATERIALIZED VIEW "SitemapChunk" AS
  SELECT 'conferences'::text AS kind, (id / 2500)::int AS chunk, MAX("updatedAt") AS lastmod
    FROM "Conference" WHERE status = 'PUBLISHED' GROUP BY 2
  UNION ALL
  SELECT 'qa', (p.id / 2500)::int, MAX(p."updatedAt")
    FROM "QaPair" p JOIN "Conference" c ON c.id = p."conferenceId"
   WHERE p.status = 'PUBLISHED' AND c.status = 'PUBLISHED' GROUP BY 2
  UNION ALL
  SELECT 'people', (s.id / 2500)::int, MAX(s."updatedAt")
    FROM "Speaker" s
   WHERE EXISTS (SELECT 1 FROM "ConferenceParticipant" cp JOIN "Conference" c ON c.id = cp."conferenceId" WHERE cp."speakerId" = s.id AND c.status = 'PUBLISHED')
   GROUP BY 2
  UNION ALL
  SELECT 'outlets', (o.id / 2500)::int, MAX(o."updatedAt")
    FROM "Outlet" o JOIN "OutletQuestionCount" k ON k."outletId" = o.id GROUP BY 2
  UNION ALL
  SELECT 'topics', (t.id / 2500)::int, MAX(t."createdAt")
    FROM "Topic" t JOIN "TopicPairCount" k ON k."topicId" = t.id GROUP BY 2;
CREATE UNIQUE INDEX "SitemapChunk_kind_chunk_key" ON "SitemapChunk" (kind, chunk);
