-- A new case has no owner, no expert, no approval, no incident and a low risk. These five indexes
-- now list only the cases that have one, so a new case's commit no longer writes an entry in each
-- (issue 17: intake's cost is what each commit writes), as on SQLite. Every query through them
-- compares the column with `=` or `IN` (PostgreSQL infers IS NOT NULL from a strict comparison,
-- parameters included), or repeats the index's WHERE (`expert_assigned_at IS NOT NULL`,
-- `risk_band <> 'low'`). Prisma 6.19 cannot declare a partial index and leaves these alone (see
-- schema.prisma).
DROP INDEX "cases_owner_id_status_number_idx";
CREATE INDEX "cases_owner_id_status_number_idx" ON "cases"("owner_id", "status", "number")
WHERE "owner_id" IS NOT NULL;

DROP INDEX "cases_expert_id_expert_assigned_at_idx";
CREATE INDEX "cases_expert_id_expert_assigned_at_idx" ON "cases"("expert_id", "expert_assigned_at")
WHERE "expert_assigned_at" IS NOT NULL;

DROP INDEX "cases_team_approval_status_number_idx";
CREATE INDEX "cases_team_approval_status_number_idx" ON "cases"("team", "approval_status", "number")
WHERE "approval_status" IS NOT NULL;

DROP INDEX "cases_team_risk_band_number_idx";
CREATE INDEX "cases_team_risk_band_number_idx" ON "cases"("team", "risk_band", "number")
WHERE "risk_band" <> 'low';

DROP INDEX "cases_incident_id_number_idx";
CREATE INDEX "cases_incident_id_number_idx" ON "cases"("incident_id", "number")
WHERE "incident_id" IS NOT NULL;
