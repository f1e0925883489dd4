-- Counts and sitemap ranges kept instead of aggregated per request (issue 14: at a million
-- pairs the people and outlet indexes, their pages' totals and the sitemap index each
-- aggregated every visible pair on every request). Materialized views, refreshed by the bulk
-- importer after each run and otherwise when the archive changed since the last refresh
-- (lib/rollups). Visibility is the catalog's: the pair and its conference are published.

CREATE MATERIALIZED VIEW "SpeakerAnswerCount" AS
  SELECT t."speakerId", COUNT(DISTINCT t."qaPairId")::int AS answers
    FROM "Turn" t
    JOIN "QaPair" p ON p.id = t."qaPairId" AND p.status = 'PUBLISHED'
    JOIN "Conference" c ON c.id = p."conferenceId" AND c.status = 'PUBLISHED'
   WHERE t.kind = 'ANSWER' AND t."speakerId" IS NOT NULL
   GROUP BY t."speakerId";
CREATE UNIQUE INDEX "SpeakerAnswerCount_speakerId_key" ON "SpeakerAnswerCount" ("speakerId");
CREATE INDEX "SpeakerAnswerCount_answers_idx" ON "SpeakerAnswerCount" (answers DESC);

CREATE MATERIALIZED VIEW "OutletQuestionCount" AS
  SELECT p."outletId", COUNT(*)::int AS questions
    FROM "QaPair" p
    JOIN "Conference" c ON c.id = p."conferenceId" AND c.status = 'PUBLISHED'
   WHERE p.status = 'PUBLISHED' AND p."outletId" IS NOT NULL
   GROUP BY p."outletId";
CREATE UNIQUE INDEX "OutletQuestionCount_outletId_key" ON "OutletQuestionCount" ("outletId");

CREATE MATERIALIZED VIEW "TopicPairCount" AS
  SELECT qt."topicId", COUNT(DISTINCT qt."qaPairId")::int AS pairs
    FROM "QaPairTopic" qt
    JOIN "QaPair" p ON p.id = qt."qaPairId" AND p.status = 'PUBLISHED'
    JOIN "Conference" c ON c.id = p."conferenceId" AND c.status = 'PUBLISHED'
   GROUP BY qt."topicId";
CREATE UNIQUE INDEX "TopicPairCount_topicId_key" ON "TopicPairCount" ("topicId");

-- Non-empty sitemap files per kind (chunks of 40,000 row ids, lib/catalog/sitemap.ts).
CREATE MATERIALIZED VIEW "SitemapChunk" AS
  SELECT 'conferences'::text AS kind, (id / 40000)::int AS chunk, MAX("updatedAt") AS lastmod
    FROM "Conference" WHERE status = 'PUBLISHED' GROUP BY 2
  UNION ALL
  SELECT 'qa', (p.id / 40000)::int, MAX(p."updatedAt")
    FROM "QaPair" p JOIN "Conference" c ON c.id = p."conferenceId"
   WHERE p.status = 'PUBLISHED' AND c.status = 'PUBLISHED' GROUP BY 2
  UNION ALL
  SELECT 'people', (s.id / 40000)::int, MAX(s."updatedAt")
    FROM "Speaker" s
   WHERE EXISTS (SELECT 1 FROM "ConferenceParticipant" cp JOIN "Conference" c ON c.id = cp."conferenceId" WHERE cp."speakerId" = s.id AND c.status = 'PUBLISHED')
   GROUP BY 2
  UNION ALL
  SELECT 'outlets', (o.id / 40000)::int, MAX(o."updatedAt")
    FROM "Outlet" o JOIN "OutletQuestionCount" k ON k."outletId" = o.id GROUP BY 2
  UNION ALL
  SELECT 'topics', (t.id / 40000)::int, MAX(t."createdAt")
    FROM "Topic" t JOIN "TopicPairCount" k ON k."topicId" = t.id GROUP BY 2;
CREATE UNIQUE INDEX "SitemapChunk_kind_chunk_key" ON "SitemapChunk" (kind, chunk);

-- What the views were computed from (newest change and highest id of each table they read),
-- so a reader can tell whether they are stale without aggregating anything.
CREATE TABLE "RollupRefresh" (
  "name" TEXT PRIMARY KEY,
  "stamp" TEXT NOT NULL,
  "refreshedAt" TIMESTAMP(3) NOT NULL,
  -- How long the refresh took: a cheap one is run inline by the reader that found it stale.
  "durationMs" INTEGER NOT NULL
);

-- The stamp's max("updatedAt") of conferences (and the export's fingerprint) as an index lookup.
CREATE INDEX "Conference_updatedAt_idx" ON "Conference" ("updatedAt");

-- The conference index page, its last pages and the conferences feed sort by date newest
-- first with undated ones last: (status, heldOn) cannot give DESC NULLS LAST, so every request
-- sorted all conferences (45,603 at 1M pairs: the feed took 1.1 s, the last index page 1.6 s).
CREATE INDEX "Conference_status_heldOn_listing_idx" ON "Conference" (status, "heldOn" DESC NULLS LAST, id DESC);
