-- A pair merged into another on a published conference keeps its row (and publicId) and
-- points at the pair that now holds its text, so its permalink can redirect there.
ALTER TABLE "QaPair" ADD COLUMN "mergedIntoId" INTEGER;
ALTER TABLE "QaPair" ADD CONSTRAINT "QaPair_mergedIntoId_fkey" FOREIGN KEY ("mergedIntoId") REFERENCES "QaPair"("id") ON DELETE SET NULL ON UPDATE CASCADE;
