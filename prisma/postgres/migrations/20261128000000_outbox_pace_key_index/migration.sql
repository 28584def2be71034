-- A new case claims its notices at once only where no earlier notice to the same destination is
-- still pending (src/store/sql/writes.ts, claimNewNotices): that check is a lookup by destination,
-- not a scan of every pending notice (a busy triage channel's backlog made each new case slower).
-- CreateIndex
CREATE INDEX "outbox_pace_key_status_idx" ON "outbox"("pace_key", "status");
