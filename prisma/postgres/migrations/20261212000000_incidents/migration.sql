-- Incidents (src/core/incidents.ts): many cases of one team and topic with one cause. A case
-- points at its incident: `incident` ({ id, updatesTold }) is the source of truth, `incident_id`
-- a copy the row mapper writes on every change, for listing an incident's cases.

-- AlterTable
ALTER TABLE "cases" ADD COLUMN     "incident" TEXT,
ADD COLUMN     "incident_id" TEXT;

-- CreateTable
CREATE TABLE "incidents" (
    "id" TEXT NOT NULL,
    "team" TEXT NOT NULL,
    "topic" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "words" TEXT NOT NULL,
    "burst" INTEGER NOT NULL,
    "alerted_at" BIGINT NOT NULL,
    "declared_at" BIGINT,
    "declared_by" TEXT,
    "updates" TEXT NOT NULL,
    "resolved_at" BIGINT,
    "summary" TEXT NOT NULL,
    "version" INTEGER NOT NULL,

    CONSTRAINT "incidents_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "cases_incident_id_number_idx" ON "cases"("incident_id", "number");

-- CreateIndex
CREATE INDEX "cases_team_topic_created_at_idx" ON "cases"("team", "topic", "created_at");

-- CreateIndex
CREATE INDEX "incidents_team_topic_status_alerted_at_idx" ON "incidents"("team", "topic", "status", "alerted_at");

-- CreateIndex
CREATE INDEX "incidents_team_alerted_at_idx" ON "incidents"("team", "alerted_at");
