-- CreateTable
CREATE TABLE "pace_keys" (
    "key" TEXT NOT NULL PRIMARY KEY,
    "next_at" BIGINT NOT NULL
);

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_outbox" (
    "seq" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "id" TEXT NOT NULL,
    "case_id" TEXT NOT NULL,
    "recipient" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "params" TEXT NOT NULL,
    "actions" TEXT NOT NULL,
    "locale" TEXT NOT NULL,
    "time_zone" TEXT NOT NULL,
    "dedupe_key" TEXT NOT NULL,
    "created_at" BIGINT NOT NULL,
    "status" TEXT NOT NULL,
    "attempts" INTEGER NOT NULL,
    "next_attempt_at" BIGINT NOT NULL,
    "last_error" TEXT,
    "sent_at" BIGINT,
    "lease_token" TEXT,
    "lease_until" BIGINT,
    "pace_key" TEXT NOT NULL DEFAULT '',
    "send_started_at" BIGINT
);
INSERT INTO "new_outbox" ("actions", "attempts", "case_id", "created_at", "dedupe_key", "id", "key", "last_error", "lease_token", "lease_until", "locale", "next_attempt_at", "params", "recipient", "sent_at", "seq", "status", "time_zone") SELECT "actions", "attempts", "case_id", "created_at", "dedupe_key", "id", "key", "last_error", "lease_token", "lease_until", "locale", "next_attempt_at", "params", "recipient", "sent_at", "seq", "status", "time_zone" FROM "outbox";
DROP TABLE "outbox";
ALTER TABLE "new_outbox" RENAME TO "outbox";
CREATE UNIQUE INDEX "outbox_id_key" ON "outbox"("id");
CREATE UNIQUE INDEX "outbox_dedupe_key_key" ON "outbox"("dedupe_key");
CREATE INDEX "outbox_status_next_attempt_at_idx" ON "outbox"("status", "next_attempt_at");
CREATE INDEX "outbox_case_id_idx" ON "outbox"("case_id");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;


-- Backfill: the destination of each notice already written (see src/store/pace-key.ts).
UPDATE "outbox" SET "pace_key" = CASE json_extract("recipient", '$.kind')
    WHEN 'customer' THEN 'conversation:' || json_extract("recipient", '$.conversation')
    WHEN 'person' THEN 'person:' || json_extract("recipient", '$.personId')
    ELSE json_extract("recipient", '$.kind') || ':' || json_extract("recipient", '$.teamId')
END;
