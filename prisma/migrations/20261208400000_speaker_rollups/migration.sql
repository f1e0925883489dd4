-- A person's page showed answers per year and the topics answered on, aggregated per request
-- over every answer the person gave: at a million pairs the busiest person's page spent
-- 200-300 ms and 100-200 ms of SQL on them (issue 14). Kept like the other counts
-- (20261207400000_catalog_rollups, refreshed by lib/rollups), with the same visibility.

CREATE MATERIALIZED VIEW "SpeakerAnswerYear" AS
  SELECT t."speakerId", EXTRACT(YEAR FROM c."heldOn")::int AS year, COUNT(DISTINCT t."qaPairId")::int AS answers
    FROM "Turn" t
    JOIN "QaPair" p ON p.id = t."qaPairId" AND p.status = 'PUBLISHED'
    JOIN "Conference" c ON c.id = p."conferenceId" AND c.status = 'PUBLISHED'
   WHERE t.kind = 'ANSWER' AND t."speakerId" IS NOT NULL AND c."heldOn" IS NOT NULL
   GROUP BY 1, 2;
CREATE UNIQUE INDEX "SpeakerAnswerYear_speakerId_year_key" ON "SpeakerAnswerYear" ("speakerId", year);

CREATE MATERIALIZED VIEW "SpeakerTopicCount" AS
  SELECT t."speakerId", qt."topicId", COUNT(DISTINCT t."qaPairId")::int AS pairs
    FROM "Turn" t
    JOIN "QaPairTopic" qt ON qt."qaPairId" = t."qaPairId"
    JOIN "QaPair" p ON p.id = t."qaPairId" AND p.status = 'PUBLISHED'
    JOIN "Conference" c ON c.id = p."conferenceId" AND c.status = 'PUBLISHED'
   WHERE t.kind = 'ANSWER' AND t."speakerId" IS NOT NULL
   GROUP BY 1, 2;
CREATE UNIQUE INDEX "SpeakerTopicCount_speakerId_topicId_key" ON "SpeakerTopicCount" ("speakerId", "topicId");
