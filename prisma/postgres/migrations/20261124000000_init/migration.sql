-- CreateTable
CREATE TABLE "cases" (
    "id" TEXT NOT NULL,
    "workspace" TEXT NOT NULL,
    "number" INTEGER NOT NULL,
    "audience" TEXT NOT NULL,
    "conversation" TEXT NOT NULL,
    "customer_id" TEXT NOT NULL,
    "customer" TEXT NOT NULL,
    "topic" TEXT NOT NULL,
    "team" TEXT NOT NULL,
    "priority" TEXT NOT NULL,
    "level" INTEGER NOT NULL,
    "status" TEXT NOT NULL,
    "words" TEXT NOT NULL,
    "owner_id" TEXT,
    "expert_id" TEXT,
    "expert_assigned_at" BIGINT,
    "supervisor_id" TEXT,
    "policy" TEXT NOT NULL,
    "window" TEXT,
    "misses" INTEGER NOT NULL,
    "approval" TEXT,
    "risk" TEXT NOT NULL,
    "outside" TEXT,
    "rating" TEXT,
    "created_at" BIGINT NOT NULL,
    "updated_at" BIGINT NOT NULL,
    "resolved_at" BIGINT,
    "closed_at" BIGINT,
    "version" INTEGER NOT NULL,

    CONSTRAINT "cases_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "case_events" (
    "seq" SERIAL NOT NULL,
    "id" TEXT NOT NULL,
    "case_id" TEXT NOT NULL,
    "at" BIGINT NOT NULL,
    "actor_id" TEXT NOT NULL,
    "type" TEXT NOT NULL,
    "data" TEXT NOT NULL,

    CONSTRAINT "case_events_pkey" PRIMARY KEY ("seq")
);

-- CreateTable
CREATE TABLE "timers" (
    "seq" SERIAL NOT NULL,
    "id" TEXT NOT NULL,
    "case_id" TEXT NOT NULL,
    "window_id" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "due_at" BIGINT NOT NULL,
    "status" TEXT NOT NULL,
    "lease_token" TEXT,
    "lease_until" BIGINT,

    CONSTRAINT "timers_pkey" PRIMARY KEY ("seq")
);

-- CreateTable
CREATE TABLE "outbox" (
    "seq" SERIAL NOT NULL,
    "id" TEXT NOT NULL,
    "case_id" TEXT NOT NULL,
    "recipient" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "params" TEXT NOT NULL,
    "actions" TEXT NOT NULL,
    "locale" TEXT NOT NULL,
    "time_zone" TEXT NOT NULL,
    "dedupe_key" TEXT NOT NULL,
    "created_at" BIGINT NOT NULL,
    "status" TEXT NOT NULL,
    "attempts" INTEGER NOT NULL,
    "next_attempt_at" BIGINT NOT NULL,
    "last_error" TEXT,
    "sent_at" BIGINT,
    "lease_token" TEXT,
    "lease_until" BIGINT,
    "pace_key" TEXT NOT NULL DEFAULT '',
    "send_started_at" BIGINT,

    CONSTRAINT "outbox_pkey" PRIMARY KEY ("seq")
);

-- CreateTable
CREATE TABLE "pace_keys" (
    "key" TEXT NOT NULL,
    "next_at" BIGINT NOT NULL,

    CONSTRAINT "pace_keys_pkey" PRIMARY KEY ("key")
);

-- CreateTable
CREATE TABLE "case_counters" (
    "workspace" TEXT NOT NULL,
    "next" INTEGER NOT NULL,

    CONSTRAINT "case_counters_pkey" PRIMARY KEY ("workspace")
);

-- CreateTable
CREATE TABLE "inbound_events" (
    "key" TEXT NOT NULL,
    "at" BIGINT NOT NULL,

    CONSTRAINT "inbound_events_pkey" PRIMARY KEY ("key")
);

-- CreateTable
CREATE TABLE "case_refs" (
    "case_id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "value" TEXT NOT NULL,

    CONSTRAINT "case_refs_pkey" PRIMARY KEY ("case_id","name")
);

-- CreateIndex
CREATE INDEX "cases_conversation_number_idx" ON "cases"("conversation", "number");

-- CreateIndex
CREATE INDEX "cases_customer_id_status_idx" ON "cases"("customer_id", "status");

-- CreateIndex
CREATE INDEX "cases_owner_id_status_idx" ON "cases"("owner_id", "status");

-- CreateIndex
CREATE INDEX "cases_expert_id_expert_assigned_at_idx" ON "cases"("expert_id", "expert_assigned_at");

-- CreateIndex
CREATE INDEX "cases_team_level_status_created_at_idx" ON "cases"("team", "level", "status", "created_at");

-- CreateIndex
CREATE UNIQUE INDEX "cases_workspace_number_key" ON "cases"("workspace", "number");

-- CreateIndex
CREATE UNIQUE INDEX "case_events_id_key" ON "case_events"("id");

-- CreateIndex
CREATE INDEX "case_events_case_id_idx" ON "case_events"("case_id");

-- CreateIndex
CREATE UNIQUE INDEX "timers_id_key" ON "timers"("id");

-- CreateIndex
CREATE INDEX "timers_status_due_at_idx" ON "timers"("status", "due_at");

-- CreateIndex
CREATE INDEX "timers_case_id_idx" ON "timers"("case_id");

-- CreateIndex
CREATE UNIQUE INDEX "outbox_id_key" ON "outbox"("id");

-- CreateIndex
CREATE UNIQUE INDEX "outbox_dedupe_key_key" ON "outbox"("dedupe_key");

-- CreateIndex
CREATE INDEX "outbox_status_next_attempt_at_idx" ON "outbox"("status", "next_attempt_at");

-- CreateIndex
CREATE INDEX "outbox_case_id_idx" ON "outbox"("case_id");

