-- AlterTable
ALTER TABLE "cases" ADD COLUMN "approval_status" TEXT;
ALTER TABLE "cases" ADD COLUMN "risk_band" TEXT NOT NULL DEFAULT 'low';
ALTER TABLE "cases" ADD COLUMN "window_due_at" BIGINT;

-- The App Home's lists (pending approvals, overdue windows, cases at risk) are read through indexes
-- instead of loading every active case of a team: the approval's status, when the running window
-- falls due (NULL without a window or while it is paused) and the risk band, copied out of the JSON
-- columns by the row mapper on every write (src/store/sql/rows.ts). Cases written before: the same
-- values from their JSON (Dates inside are {"$date": ISO}; julianday keeps milliseconds exactly).
UPDATE "cases" SET
  "approval_status" = json_extract("approval", '$.status'),
  "risk_band" = coalesce(json_extract("risk", '$.band'), 'low'),
  "window_due_at" = CASE
    WHEN "window" IS NULL OR json_extract("window", '$.paused') IS NOT NULL THEN NULL
    ELSE CAST(round((julianday(json_extract("window", '$.dueAt."$date"')) - 2440587.5) * 86400000.0) AS INTEGER)
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
