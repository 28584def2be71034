-- CreateTable
CREATE TABLE "case_refs" (
    "case_id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "value" TEXT NOT NULL,

    PRIMARY KEY ("case_id", "name")
);

