-- CreateTable
CREATE TABLE "answer_bank" (
    "seq" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "id" TEXT NOT NULL,
    "case_id" TEXT NOT NULL,
    "topic" TEXT NOT NULL,
    "team" TEXT NOT NULL,
    "locale" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "source" TEXT NOT NULL,
    "created_at" BIGINT NOT NULL,
    "updated_at" BIGINT NOT NULL,
    "retired_at" BIGINT,
    "edited_by" TEXT
);

-- CreateIndex
CREATE UNIQUE INDEX "answer_bank_id_key" ON "answer_bank"("id");

-- CreateIndex
CREATE INDEX "answer_bank_case_id_idx" ON "answer_bank"("case_id");

-- CreateIndex
CREATE INDEX "answer_bank_topic_seq_idx" ON "answer_bank"("topic", "seq");

-- CreateIndex
CREATE INDEX "answer_bank_team_seq_idx" ON "answer_bank"("team", "seq");

-- Full-text search over the live entries (src/store/sql/answer-bank.ts): an external-content FTS5
-- table on answer_bank's text, its rowid the entry's seq. Only entries not retired are indexed, so
-- a retired one never matches; the triggers below keep the index in step with every statement.
-- `porter` stems English words (and applies its rules alike to the query and the texts in other
-- languages); `remove_diacritics 2` lets "cafe" find "café". Prisma cannot declare any of this and
-- leaves it alone.
CREATE VIRTUAL TABLE "answer_bank_fts" USING fts5(
    "text",
    content = 'answer_bank',
    content_rowid = 'seq',
    tokenize = 'porter unicode61 remove_diacritics 2'
);

CREATE TRIGGER "answer_bank_fts_insert" AFTER INSERT ON "answer_bank"
WHEN NEW."retired_at" IS NULL
BEGIN
  INSERT INTO "answer_bank_fts" (rowid, "text") VALUES (NEW."seq", NEW."text");
END;

-- One trigger, two statements in this order: FTS5's 'delete' removes the old text's tokens for
-- the rowid, so it must run before the new text is indexed.
CREATE TRIGGER "answer_bank_fts_update" AFTER UPDATE OF "text", "retired_at" ON "answer_bank"
BEGIN
  INSERT INTO "answer_bank_fts" ("answer_bank_fts", rowid, "text")
  SELECT 'delete', OLD."seq", OLD."text" WHERE OLD."retired_at" IS NULL;
  INSERT INTO "answer_bank_fts" (rowid, "text")
  SELECT NEW."seq", NEW."text" WHERE NEW."retired_at" IS NULL;
END;

CREATE TRIGGER "answer_bank_fts_delete" AFTER DELETE ON "answer_bank"
WHEN OLD."retired_at" IS NULL
BEGIN
  INSERT INTO "answer_bank_fts" ("answer_bank_fts", rowid, "text") VALUES ('delete', OLD."seq", OLD."text");
END;

-- Entries are written in the transaction of the command that records their event: a resolution
-- with a summary, or a staff answer marked reusable (`"reusable": true` in its data). Topic and
-- team are the case's as it is then (the case row is written before its events); the language is
-- its customer's locale. The entry's id is the event's.
CREATE TRIGGER "case_events_answer_bank" AFTER INSERT ON "case_events"
WHEN (NEW."type" = 'resolved' AND trim(coalesce(json_extract(NEW."data", '$.summary'), '')) <> '')
  OR (NEW."type" = 'answered' AND json_extract(NEW."data", '$.reusable') = 1)
BEGIN
  INSERT INTO "answer_bank" ("id", "case_id", "topic", "team", "locale", "text", "source", "created_at", "updated_at")
  SELECT NEW."id", c."id", c."topic", c."team", coalesce(json_extract(c."customer", '$.locale'), 'en'),
    CASE NEW."type" WHEN 'resolved' THEN json_extract(NEW."data", '$.summary') ELSE json_extract(NEW."data", '$.text') END,
    CASE NEW."type" WHEN 'resolved' THEN 'resolution' ELSE 'answer' END,
    NEW."at", NEW."at"
  FROM "cases" c WHERE c."id" = NEW."case_id";
END;
