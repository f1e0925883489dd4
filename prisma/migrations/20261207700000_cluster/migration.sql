-- Several Meilisearch instances, each fed from the outbox with its own delivery position.
-- Positions are (transaction id, row id), not the row id alone: ids come from a sequence at
-- insert time, so a transaction can commit row 10 after another committed row 11, and a
-- worker that had already moved past 11 would skip 10 for good. A row is delivered only once
-- every transaction older than its own has finished (pg_snapshot_xmin), and then (txid, id)
-- order never changes behind a position.
ALTER TABLE "SearchOutbox" ADD COLUMN "txid" xid8 NOT NULL DEFAULT pg_current_xact_id();
CREATE INDEX "SearchOutbox_txid_id_idx" ON "SearchOutbox" ("txid", "id");

CREATE TABLE "SearchTarget" (
    "name" TEXT NOT NULL,
    "host" TEXT NOT NULL,
    "positionXid" xid8 NOT NULL DEFAULT '0',
    "positionId" BIGINT NOT NULL DEFAULT 0,
    "deliveredAt" TIMESTAMP(3),
    "rebuildingSince" TIMESTAMP(3),
    "lastError" TEXT,
    "updatedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "SearchTarget_pkey" PRIMARY KEY ("name")
);

-- Page-cache revalidations shared by every web instance (lib/page-cache/shared-revalidation.mjs):
-- an edit saved through one instance drops the cached pages of all of them on their next request.
CREATE TABLE "PageCacheRevalidation" (
    "id" BIGSERIAL NOT NULL,
    "tag" TEXT NOT NULL,
    "expiredAt" BIGINT,
    "staleAt" BIGINT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "PageCacheRevalidation_pkey" PRIMARY KEY ("id")
);
CREATE INDEX "PageCacheRevalidation_createdAt_idx" ON "PageCacheRevalidation" ("createdAt");
