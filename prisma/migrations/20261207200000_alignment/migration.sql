-- Alignment of translated briefings (lib/alignment). Each link is stored once, with the
-- smaller id first, and read from both ends. Links the aligner made carry method 'auto' and
-- are replaced on every run; links an editor confirmed or made ('editor'), and links an
-- editor removed (status REJECTED, kept so that a re-run does not make them again), are left alone.
CREATE TYPE "AlignmentStatus" AS ENUM ('LINKED', 'SUGGESTED', 'REJECTED');

CREATE TABLE "ConferenceCounterpart" (
    "id" SERIAL NOT NULL,
    "conferenceId" INTEGER NOT NULL,
    "counterpartId" INTEGER NOT NULL,
    "status" "AlignmentStatus" NOT NULL DEFAULT 'LINKED',
    "confidence" DOUBLE PRECISION NOT NULL,
    "confirmed" BOOLEAN NOT NULL DEFAULT false,
    "method" TEXT NOT NULL,
    -- Why a suggestion was not linked, or what the aligner found (day offset, coverage).
    "reason" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ConferenceCounterpart_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "ConferenceCounterpart_order" CHECK ("conferenceId" < "counterpartId"),
    CONSTRAINT "ConferenceCounterpart_confidence" CHECK ("confidence" >= 0 AND "confidence" <= 1)
);
CREATE UNIQUE INDEX "ConferenceCounterpart_conferenceId_counterpartId_key" ON "ConferenceCounterpart"("conferenceId", "counterpartId");
CREATE INDEX "ConferenceCounterpart_counterpartId_idx" ON "ConferenceCounterpart"("counterpartId");
ALTER TABLE "ConferenceCounterpart" ADD CONSTRAINT "ConferenceCounterpart_conferenceId_fkey" FOREIGN KEY ("conferenceId") REFERENCES "Conference"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "ConferenceCounterpart" ADD CONSTRAINT "ConferenceCounterpart_counterpartId_fkey" FOREIGN KEY ("counterpartId") REFERENCES "Conference"("id") ON DELETE CASCADE ON UPDATE CASCADE;

CREATE TABLE "PairCounterpart" (
    "id" SERIAL NOT NULL,
    "pairId" INTEGER NOT NULL,
    "counterpartId" INTEGER NOT NULL,
    "status" "AlignmentStatus" NOT NULL DEFAULT 'LINKED',
    "confidence" DOUBLE PRECISION NOT NULL,
    "confirmed" BOOLEAN NOT NULL DEFAULT false,
    "method" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "PairCounterpart_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "PairCounterpart_order" CHECK ("pairId" < "counterpartId"),
    CONSTRAINT "PairCounterpart_confidence" CHECK ("confidence" >= 0 AND "confidence" <= 1)
);
CREATE UNIQUE INDEX "PairCounterpart_pairId_counterpartId_key" ON "PairCounterpart"("pairId", "counterpartId");
CREATE INDEX "PairCounterpart_counterpartId_idx" ON "PairCounterpart"("counterpartId");
ALTER TABLE "PairCounterpart" ADD CONSTRAINT "PairCounterpart_pairId_fkey" FOREIGN KEY ("pairId") REFERENCES "QaPair"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "PairCounterpart" ADD CONSTRAINT "PairCounterpart_counterpartId_fkey" FOREIGN KEY ("counterpartId") REFERENCES "QaPair"("id") ON DELETE CASCADE ON UPDATE CASCADE;
