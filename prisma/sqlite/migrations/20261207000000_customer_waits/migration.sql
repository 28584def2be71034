-- AlterTable
ALTER TABLE "cases" ADD COLUMN "waiting" TEXT;
ALTER TABLE "cases" ADD COLUMN "follows" TEXT;
ALTER TABLE "cases" ADD COLUMN "promise_id" TEXT;

-- The auditor finds cases that may break a promise with one query (src/store/sql/broken-promises.ts):
-- `promise_id` is the id whose miss or automatic-close timer must be live (promiseIdOf in
-- src/core/invariants.ts), copied by the row mapper on every write. Cases written before: their
-- running window's id while they wait on staff. A case waiting on the customer had no wait then,
-- so it keeps NULL and the auditor repairs it.
UPDATE "cases" SET "promise_id" = json_extract("window", '$.id')
WHERE "status" IN ('open', 'waiting_on_expert', 'awaiting_approval')
  AND "window" IS NOT NULL AND json_extract("window", '$.paused') IS NULL;

-- Only cases in progress, walked in number order. Prisma 6.19 cannot declare a partial index and
-- leaves this one alone. The query repeats this WHERE word for word: SQLite uses a partial index
-- only for a query whose WHERE has the same term.
CREATE INDEX "cases_active_number_idx" ON "cases"("number")
WHERE "status" IN ('open', 'waiting_on_customer', 'waiting_on_expert', 'awaiting_approval');

-- DropIndex
DROP INDEX "timers_case_id_idx";

-- CreateIndex
CREATE INDEX "timers_case_id_window_id_idx" ON "timers"("case_id", "window_id");
