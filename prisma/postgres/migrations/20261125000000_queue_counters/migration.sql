-- CreateTable
CREATE TABLE "queue_counters" (
    "team" TEXT NOT NULL,
    "waiting" INTEGER NOT NULL,

    CONSTRAINT "queue_counters_pkey" PRIMARY KEY ("team")
);

-- Cases waiting in a team's front-line queue (level 1, open, no owner), counted as they come and
-- go so a new case's place in the queue is one row read, not a count that grows with the queue.
-- A trigger keeps the count exact whatever statement changes a case.
INSERT INTO "queue_counters" ("team", "waiting")
SELECT "team", count(*) FROM "cases"
WHERE "level" = 1 AND "status" = 'open' AND "owner_id" IS NULL
GROUP BY "team";

CREATE FUNCTION "cases_queue_count"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  was_waiting boolean := TG_OP <> 'INSERT'
    AND OLD."level" = 1 AND OLD."status" = 'open' AND OLD."owner_id" IS NULL;
  is_waiting boolean := TG_OP <> 'DELETE'
    AND NEW."level" = 1 AND NEW."status" = 'open' AND NEW."owner_id" IS NULL;
BEGIN
  IF was_waiting AND is_waiting AND OLD."team" = NEW."team" THEN
    RETURN NULL;
  END IF;
  IF was_waiting THEN
    UPDATE "queue_counters" SET "waiting" = "waiting" - 1 WHERE "team" = OLD."team";
  END IF;
  IF is_waiting THEN
    INSERT INTO "queue_counters" ("team", "waiting") VALUES (NEW."team", 1)
    ON CONFLICT ("team") DO UPDATE SET "waiting" = "queue_counters"."waiting" + 1;
  END IF;
  RETURN NULL;
END;
$$;

CREATE TRIGGER "cases_queue_count" AFTER INSERT OR UPDATE OR DELETE ON "cases"
FOR EACH ROW EXECUTE FUNCTION "cases_queue_count"();
