-- CreateIndex
CREATE INDEX "report_device_token_hash_created_at_idx" ON "report"("device_token_hash", "created_at");

-- CreateIndex
CREATE INDEX "report_comment_created_at_idx" ON "report"("comment", "created_at");
