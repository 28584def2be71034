-- CreateTable
CREATE TABLE "queue_counters" (
    "team" TEXT NOT NULL PRIMARY KEY,
    "waiting" INTEGER NOT NULL
);

-- Cases waiting in a team's front-line queue (level 1, open, no owner), counted as they come and
-- go so a new case's place in the queue is one row read, not a count that grows with the queue.
-- Triggers keep the count exact whatever statement changes a case.
INSERT INTO "queue_counters" ("team", "waiting")
SELECT "team", count(*) FROM "cases"
WHERE "level" = 1 AND "status" = 'open' AND "owner_id" IS NULL
GROUP BY "team";

CREATE TRIGGER "cases_queue_insert" AFTER INSERT ON "cases"
WHEN NEW."level" = 1 AND NEW."status" = 'open' AND NEW."owner_id" IS NULL
BEGIN
  INSERT INTO "queue_counters" ("team", "waiting") VALUES (NEW."team", 1)
  ON CONFLICT ("team") DO UPDATE SET "waiting" = "waiting" + 1;
END;

CREATE TRIGGER "cases_queue_leave" AFTER UPDATE ON "cases"
WHEN OLD."level" = 1 AND OLD."status" = 'open' AND OLD."owner_id" IS NULL
  AND NOT (NEW."level" = 1 AND NEW."status" = 'open' AND NEW."owner_id" IS NULL AND NEW."team" = OLD."team")
BEGIN
  UPDATE "queue_counters" SET "waiting" = "waiting" - 1 WHERE "team" = OLD."team";
END;

CREATE TRIGGER "cases_queue_enter" AFTER UPDATE ON "cases"
WHEN NEW."level" = 1 AND NEW."status" = 'open' AND NEW."owner_id" IS NULL
  AND NOT (OLD."level" = 1 AND OLD."status" = 'open' AND OLD."owner_id" IS NULL AND OLD."team" = NEW."team")
BEGIN
  INSERT INTO "queue_counters" ("team", "waiting") VALUES (NEW."team", 1)
  ON CONFLICT ("team") DO UPDATE SET "waiting" = "waiting" + 1;
END;

CREATE TRIGGER "cases_queue_delete" AFTER DELETE ON "cases"
WHEN OLD."level" = 1 AND OLD."status" = 'open' AND OLD."owner_id" IS NULL
BEGIN
  UPDATE "queue_counters" SET "waiting" = "waiting" - 1 WHERE "team" = OLD."team";
END;
