-- Opening and closing statements are indexed too: an outbox row now names either a pair or a
-- conference whose statements must be (re)indexed, never both and never neither.
ALTER TABLE "SearchOutbox" ALTER COLUMN "qaPairId" DROP NOT NULL;
ALTER TABLE "SearchOutbox" ADD COLUMN "statementsOfConferenceId" INTEGER;
ALTER TABLE "SearchOutbox" ADD CONSTRAINT "SearchOutbox_one_subject" CHECK (num_nonnulls("qaPairId", "statementsOfConferenceId") = 1);
-- Statements of every conference already published get indexed by the worker.
INSERT INTO "SearchOutbox" ("statementsOfConferenceId", op)
SELECT id, 'UPSERT'::"OutboxOp" FROM "Conference" WHERE status = 'PUBLISHED';
