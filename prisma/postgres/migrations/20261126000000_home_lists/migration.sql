-- AlterTable
ALTER TABLE "cases" ADD COLUMN     "approval_status" TEXT,
ADD COLUMN     "risk_band" TEXT NOT NULL DEFAULT 'low',
ADD COLUMN     "window_due_at" BIGINT;

-- The App Home's lists (pending approvals, overdue windows, cases at risk) are read through indexes
-- instead of loading every active case of a team: the approval's status, when the running window
-- falls due (NULL without a window or while it is paused) and the risk band, copied out of the JSON
-- columns by the row mapper on every write (src/store/sql/rows.ts). Cases written before: the same
-- values from their JSON (Dates inside are {"$date": ISO}).
UPDATE "cases" SET
  "approval_status" = "approval"::jsonb ->> 'status',
  "risk_band" = coalesce("risk"::jsonb ->> 'band', 'low'),
  "window_due_at" = CASE
    WHEN "window" IS NULL OR ("window"::jsonb ->> 'paused') IS NOT NULL THEN NULL
    ELSE round(extract(epoch FROM ("window"::jsonb -> 'dueAt' ->> '$date')::timestamptz) * 1000)::bigint
  END;

-- DropIndex
DROP INDEX "cases_customer_id_status_idx";

-- DropIndex
DROP INDEX "cases_owner_id_status_idx";

-- CreateIndex
CREATE INDEX "cases_customer_id_status_number_idx" ON "cases"("customer_id", "status", "number");

-- CreateIndex
CREATE INDEX "cases_owner_id_status_number_idx" ON "cases"("owner_id", "status", "number");

-- CreateIndex
CREATE INDEX "cases_team_approval_status_number_idx" ON "cases"("team", "approval_status", "number");

-- CreateIndex
CREATE INDEX "cases_team_risk_band_number_idx" ON "cases"("team", "risk_band", "number");

-- CreateIndex
CREATE INDEX "cases_team_status_number_window_due_at_idx" ON "cases"("team", "status", "number", "window_due_at");
