-- Away at run time (src/core/away.ts): one row per staff member who said `/support away`;
-- `away_until` null means until they say they are back.

-- CreateTable
CREATE TABLE "staff_away" (
    "person_id" TEXT NOT NULL,
    "away_since" BIGINT NOT NULL,
    "away_until" BIGINT,

    CONSTRAINT "staff_away_pkey" PRIMARY KEY ("person_id")
);
