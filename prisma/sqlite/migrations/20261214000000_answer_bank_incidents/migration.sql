-- An incident's resolution is written as a `resolved` event on each of its cases, with the
-- incident's id in its data (`"incident"`): the bank keeps one entry for it (id
-- `incident:<id>`, the first case's), not one per case. Other entries are written as before.
DROP TRIGGER "case_events_answer_bank";

CREATE TRIGGER "case_events_answer_bank" AFTER INSERT ON "case_events"
WHEN (NEW."type" = 'resolved' AND trim(coalesce(json_extract(NEW."data", '$.summary'), '')) <> '')
  OR (NEW."type" = 'answered' AND json_extract(NEW."data", '$.reusable') = 1)
BEGIN
  INSERT OR IGNORE INTO "answer_bank" ("id", "case_id", "topic", "team", "locale", "text", "source", "created_at", "updated_at")
  SELECT
    CASE WHEN NEW."type" = 'resolved' AND json_extract(NEW."data", '$.incident') IS NOT NULL
      THEN 'incident:' || json_extract(NEW."data", '$.incident') ELSE NEW."id" END,
    c."id", c."topic", c."team", coalesce(json_extract(c."customer", '$.locale'), 'en'),
    CASE NEW."type" WHEN 'resolved' THEN json_extract(NEW."data", '$.summary') ELSE json_extract(NEW."data", '$.text') END,
    CASE NEW."type" WHEN 'resolved' THEN 'resolution' ELSE 'answer' END,
    NEW."at", NEW."at"
  FROM "cases" c WHERE c."id" = NEW."case_id";
END;
