-- CreateTable
CREATE TABLE "answer_bank" (
    "seq" SERIAL NOT NULL,
    "id" TEXT NOT NULL,
    "case_id" TEXT NOT NULL,
    "topic" TEXT NOT NULL,
    "team" TEXT NOT NULL,
    "locale" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "source" TEXT NOT NULL,
    "created_at" BIGINT NOT NULL,
    "updated_at" BIGINT NOT NULL,
    "retired_at" BIGINT,
    "edited_by" TEXT,

    CONSTRAINT "answer_bank_pkey" PRIMARY KEY ("seq")
);

-- CreateIndex
CREATE UNIQUE INDEX "answer_bank_id_key" ON "answer_bank"("id");

-- CreateIndex
CREATE INDEX "answer_bank_case_id_idx" ON "answer_bank"("case_id");

-- CreateIndex
CREATE INDEX "answer_bank_topic_seq_idx" ON "answer_bank"("topic", "seq");

-- CreateIndex
CREATE INDEX "answer_bank_team_seq_idx" ON "answer_bank"("team", "seq");

-- Full-text search (src/store/sql/answer-bank.ts): each entry's words as lexemes of its own
-- language — english for en, french for fr, simple for lt (PostgreSQL has no Lithuanian
-- configuration: words are lower-cased, not stemmed) — generated from the text, and a GIN index
-- over the live (not retired) entries only. Prisma cannot declare either and leaves them alone.
ALTER TABLE "answer_bank" ADD COLUMN "search" tsvector GENERATED ALWAYS AS (
    to_tsvector(
        CASE "locale" WHEN 'en' THEN 'english'::regconfig WHEN 'fr' THEN 'french'::regconfig ELSE 'simple'::regconfig END,
        "text"
    )
) STORED;

CREATE INDEX "answer_bank_search_idx" ON "answer_bank" USING GIN ("search") WHERE "retired_at" IS NULL;

-- Entries are written in the transaction of the command that records their event: a resolution
-- with a summary, or a staff answer marked reusable (`"reusable": true` in its data). Topic and
-- team are the case's as it is then (the case row is written before its events); the language is
-- its customer's locale. The entry's id is the event's.
CREATE FUNCTION "case_events_answer_bank"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  payload jsonb := NEW."data"::jsonb;
  body text;
BEGIN
  IF NEW."type" = 'resolved' THEN
    body := payload ->> 'summary';
  ELSIF payload -> 'reusable' = 'true'::jsonb THEN
    body := payload ->> 'text';
  END IF;
  IF coalesce(btrim(body), '') = '' THEN
    RETURN NULL;
  END IF;
  INSERT INTO "answer_bank" ("id", "case_id", "topic", "team", "locale", "text", "source", "created_at", "updated_at")
  SELECT NEW."id", c."id", c."topic", c."team", coalesce(c."customer"::jsonb ->> 'locale', 'en'), body,
    CASE NEW."type" WHEN 'resolved' THEN 'resolution' ELSE 'answer' END, NEW."at", NEW."at"
  FROM "cases" c WHERE c."id" = NEW."case_id";
  RETURN NULL;
END;
$$;

CREATE TRIGGER "case_events_answer_bank" AFTER INSERT ON "case_events"
FOR EACH ROW WHEN (NEW."type" IN ('resolved', 'answered'))
EXECUTE FUNCTION "case_events_answer_bank"();
