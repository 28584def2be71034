-- Slack counts its rate limit per channel: every thread of a channel now shares the channel's pace
-- key (`conversation:slack:T:C:ts` → `conversation:slack:T:C`). Keys of other conversations stay.
UPDATE "outbox"
SET "pace_key" = regexp_replace("pace_key", ':[^:]*$', '')
WHERE "pace_key" LIKE 'conversation:slack:%'
  AND length("pace_key") - length(replace("pace_key", ':', '')) = 4;
