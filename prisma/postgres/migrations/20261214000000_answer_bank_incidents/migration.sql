-- An incident's resolution is written as a `resolved` event on each of its cases, with the
-- incident's id in its data (`"incident"`): the bank keeps one entry for it (id
-- `incident:<id>`, the first case's), not one per case. Other entries are written as before.
CREATE OR REPLACE FUNCTION "case_events_answer_bank"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  payload jsonb := NEW."data"::jsonb;
  body text;
  entry text := NEW."id";
BEGIN
  IF NEW."type" = 'resolved' THEN
    body := payload ->> 'summary';
    IF payload ? 'incident' THEN
      entry := 'incident:' || (payload ->> 'incident');
    END IF;
  ELSIF payload -> 'reusable' = 'true'::jsonb THEN
    body := payload ->> 'text';
  END IF;
  IF coalesce(btrim(body), '') = '' THEN
    RETURN NULL;
  END IF;
  INSERT INTO "answer_bank" ("id", "case_id", "topic", "team", "locale", "text", "source", "created_at", "updated_at")
  SELECT entry, c."id", c."topic", c."team", coalesce(c."customer"::jsonb ->> 'locale', 'en'), body,
    CASE NEW."type" WHEN 'resolved' THEN 'resolution' ELSE 'answer' END, NEW."at", NEW."at"
  FROM "cases" c WHERE c."id" = NEW."case_id"
  ON CONFLICT ("id") DO NOTHING;
  RETURN NULL;
END;
$$;
