-- AlterTable
ALTER TABLE "cases" ADD COLUMN "redacted_version" INTEGER;

-- Finished cases whose texts were not redacted since their last change, oldest first: what the
-- retention job (src/store/sql/data-rights.ts) walks each day. Prisma 6.19 cannot declare a
-- partial index and leaves this one alone. The query repeats this WHERE word for word: SQLite uses
-- a partial index only for a query whose WHERE has the same terms.
CREATE INDEX "cases_unredacted_finished_idx" ON "cases"("resolved_at")
WHERE status IN ('resolved', 'closed') AND (redacted_version IS NULL OR redacted_version <> version);

-- CreateIndex
CREATE INDEX "case_events_actor_id_idx" ON "case_events"("actor_id");

-- CreateIndex
CREATE INDEX "inbound_events_at_idx" ON "inbound_events"("at");
