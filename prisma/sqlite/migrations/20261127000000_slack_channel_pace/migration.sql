-- Slack counts its rate limit per channel: every thread of a channel now shares the channel's pace
-- key (`conversation:slack:T:C:ts` → `conversation:slack:T:C`). Keys of other conversations stay.
-- A thread's ts is digits and one dot, so trimming them and the colon before leaves the channel.
UPDATE "outbox"
SET "pace_key" = rtrim(rtrim("pace_key", '0123456789.'), ':')
WHERE "pace_key" LIKE 'conversation:slack:%'
  AND length("pace_key") - length(replace("pace_key", ':', '')) = 4;
