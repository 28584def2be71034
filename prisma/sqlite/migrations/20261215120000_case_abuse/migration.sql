-- The abuse shield (src/core/abuse.ts): a case counts its customer's abusive messages
-- ({ count, lastAt, repliedAt } as JSON); null until the first, and on every older case.

-- AlterTable
ALTER TABLE "cases" ADD COLUMN "abuse" TEXT;
