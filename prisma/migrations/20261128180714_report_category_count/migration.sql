-- CreateTable
CREATE TABLE "report_category_count" (
    "platform_id" TEXT NOT NULL,
    "category" TEXT NOT NULL,
    "bucket_start" TIMESTAMPTZ(3) NOT NULL,
    "academy_id" TEXT NOT NULL,
    "reports" INTEGER NOT NULL DEFAULT 0,
    "reporters" INTEGER NOT NULL DEFAULT 0,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "report_category_count_pkey" PRIMARY KEY ("platform_id","category","bucket_start","academy_id")
);

-- CreateIndex
CREATE INDEX "report_category_count_category_bucket_start_idx" ON "report_category_count"("category", "bucket_start");

-- Backfill from the reports already stored (same rules as report_count: counted reports only, observed minute).
INSERT INTO "report_category_count" ("platform_id", "category", "bucket_start", "academy_id", "reports", "reporters", "created_at", "updated_at")
SELECT "platform_id", "category", date_trunc('minute', coalesce("observed_at", "created_at")), "academy_id",
  count(*)::int, (count(*) FILTER (WHERE "distinct_reporter"))::int, now(), now()
FROM "report" WHERE "counted"
GROUP BY 1, 2, 3, 4;
