-- Heavy cases (src/core/commands/heavy.ts): `heavy` ({ by, at, note, with }) is set when a staff
-- member marks the case heavy. The expert load (case-repository.ts expertLoad) counts an open
-- heavy case twice and reads whether a person's last two assignments were heavy.

-- AlterTable
ALTER TABLE "cases" ADD COLUMN "heavy" TEXT;
