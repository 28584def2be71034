-- Ask a colleague (src/core/commands/ask-colleague.ts): the staff invited into a case's internal
-- conversation, a JSON list of person ids. A case written before has asked nobody (NULL reads as []).

-- AlterTable
ALTER TABLE "cases" ADD COLUMN "colleagues" TEXT;
