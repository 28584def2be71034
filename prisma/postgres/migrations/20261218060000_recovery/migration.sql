-- Level 4 recovery (src/core/recovery.ts): the recovery the supervisors owe once the customer went
-- outside, open or sent, as JSON ({ window, openedAt, firstDueAt, misses, sent }).

-- AlterTable
ALTER TABLE "cases" ADD COLUMN "recovery" TEXT;
