-- The spelling vocabulary (lib/search/spelling-source.ts), kept in Postgres and shared by every
-- process: each word of the searchable texts with the number of texts holding it and whether it
-- is a word of a speaker's or outlet's name; and, for each word a correction may lead to, the
-- word itself and its one-letter deletions as keys, so a query finds a misspelt word's
-- neighbours with one index lookup of its own deletions. Each web process used to build all of it
-- in memory from every turn (its RSS grew by about 300 MB doing so at 300k pairs).
CREATE TABLE "SpellingWord" (
  "word" TEXT NOT NULL PRIMARY KEY,
  "texts" INTEGER NOT NULL,
  "name" BOOLEAN NOT NULL
);

-- The target's count and name flag are repeated here so a query reads its neighbours from this
-- index alone (joined to "SpellingWord", the planner hashed the whole table: 60 ms a query).
CREATE TABLE "SpellingWordKey" (
  "key" TEXT NOT NULL,
  "word" TEXT NOT NULL,
  "texts" INTEGER NOT NULL,
  "name" BOOLEAN NOT NULL
);
CREATE INDEX "SpellingWordKey_key_idx" ON "SpellingWordKey" ("key");

-- When the words were last rebuilt (one row): absent means never, and the first query builds them.
CREATE TABLE "SpellingVocabularyBuild" (
  "id" INTEGER NOT NULL PRIMARY KEY CHECK ("id" = 1),
  "builtAt" TIMESTAMPTZ NOT NULL
);
