-- People and outlet identity: aliases, merge pointers and a version for editor changes.
ALTER TABLE "Speaker" ADD COLUMN "mergedIntoId" INTEGER, ADD COLUMN "version" INTEGER NOT NULL DEFAULT 1;
ALTER TABLE "Outlet" ADD COLUMN "mergedIntoId" INTEGER, ADD COLUMN "version" INTEGER NOT NULL DEFAULT 1;

CREATE TABLE "SpeakerAlias" (
    "id" SERIAL NOT NULL,
    "speakerId" INTEGER NOT NULL,
    "label" TEXT NOT NULL,
    "matchKey" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "SpeakerAlias_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "OutletAlias" (
    "id" SERIAL NOT NULL,
    "outletId" INTEGER NOT NULL,
    "label" TEXT NOT NULL,
    "matchKey" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "OutletAlias_pkey" PRIMARY KEY ("id")
);

CREATE INDEX "Speaker_mergedIntoId_idx" ON "Speaker"("mergedIntoId");
CREATE INDEX "Outlet_mergedIntoId_idx" ON "Outlet"("mergedIntoId");
CREATE UNIQUE INDEX "SpeakerAlias_matchKey_label_key" ON "SpeakerAlias"("matchKey", "label");
CREATE INDEX "SpeakerAlias_speakerId_idx" ON "SpeakerAlias"("speakerId");
CREATE UNIQUE INDEX "OutletAlias_matchKey_label_key" ON "OutletAlias"("matchKey", "label");
CREATE INDEX "OutletAlias_outletId_idx" ON "OutletAlias"("outletId");

ALTER TABLE "Speaker" ADD CONSTRAINT "Speaker_mergedIntoId_fkey" FOREIGN KEY ("mergedIntoId") REFERENCES "Speaker"("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "Outlet" ADD CONSTRAINT "Outlet_mergedIntoId_fkey" FOREIGN KEY ("mergedIntoId") REFERENCES "Outlet"("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "SpeakerAlias" ADD CONSTRAINT "SpeakerAlias_speakerId_fkey" FOREIGN KEY ("speakerId") REFERENCES "Speaker"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "OutletAlias" ADD CONSTRAINT "OutletAlias_outletId_fkey" FOREIGN KEY ("outletId") REFERENCES "Outlet"("id") ON DELETE CASCADE ON UPDATE CASCADE;
