-- CreateIndex
CREATE INDEX "report_category_count_bucket_start_idx" ON "report_category_count"("bucket_start");

-- CreateIndex
CREATE INDEX "report_category_count_academy_id_bucket_start_idx" ON "report_category_count"("academy_id", "bucket_start");
