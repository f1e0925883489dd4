-- A pair an editor turned back into statements on a published conference keeps its row (and
-- publicId) and remembers the turn that was its question, so its permalink can lead to that
-- turn's place in the conference's transcript. No foreign key: a later edit may delete that
-- turn, and the permalink then leads to the conference page itself (never a 404).
ALTER TABLE "QaPair" ADD COLUMN "statementTurnId" INTEGER;
