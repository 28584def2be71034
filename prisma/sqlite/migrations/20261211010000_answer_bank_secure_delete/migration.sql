-- FTS5 keeps a deleted entry's words in its index pages until segments merge: an erased or edited
-- entry's old words would stay in answer_bank_fts_data. With secure-delete (SQLite 3.44+), removing
-- an entry from the index rewrites the pages that held its words (the option is stored with the
-- table, so every connection deletes this way). Prisma cannot declare it and leaves it alone.
INSERT INTO "answer_bank_fts" ("answer_bank_fts", rank) VALUES ('secure-delete', 1);
