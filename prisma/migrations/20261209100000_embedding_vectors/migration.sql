-- Vectors of the embedding model, kept by (model identity, SHA-256 of the embedded text): embedding
-- every English pair costs tens of CPU minutes, and a reindex, a blue-green rebuild or a
-- re-import of unchanged text must not pay it again (issue 11). Only a cache of what the model
-- computes from Postgres's own text: deleting rows costs time, never data.
CREATE TABLE "EmbeddingVector" (
  "model" TEXT NOT NULL,
  "textHash" BYTEA NOT NULL,
  "vector" BYTEA NOT NULL,
  "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
  CONSTRAINT "EmbeddingVector_pkey" PRIMARY KEY ("model", "textHash")
);
