-- AlterTable
ALTER TABLE "cases" ADD COLUMN     "waiting" TEXT,
ADD COLUMN     "follows" TEXT,
ADD COLUMN     "promise_id" TEXT;

-- The auditor finds cases that may break a promise with one query (src/store/sql/broken-promises.ts):
-- `promise_id` is the id whose miss or automatic-close timer must be live (promiseIdOf in
-- src/core/invariants.ts), copied by the row mapper on every write. Cases written before: their
-- running window's id while they wait on staff. A case waiting on the customer had no wait then,
-- so it keeps NULL and the auditor repairs it.
UPDATE "cases" SET "promise_id" = "window"::jsonb ->> 'id'
WHERE "status" IN ('open', 'waiting_on_expert', 'awaiting_approval')
  AND "window" IS NOT NULL AND ("window"::jsonb ->> 'paused') IS NULL;

-- Only cases in progress, walked in number order. Prisma 6.19 cannot declare a partial index and
-- leaves this one alone.
CREATE INDEX "cases_active_number_idx" ON "cases"("number")
WHERE "status" IN ('open', 'waiting_on_customer', 'waiting_on_expert', 'awaiting_approval');

-- DropIndex
DROP INDEX "timers_case_id_idx";

-- CreateIndex
CREATE INDEX "timers_case_id_window_id_idx" ON "timers"("case_id", "window_id");
