-- Partial indexes (not expressible in schema.prisma; db:diff keeps hand-made partial indexes).
-- The moderation queue: pending comments, newest or oldest first; covering so counts per filter,
-- group sizes and period counts are read from the index alone.
CREATE INDEX "report_pending_comment_idx" ON "report"("created_at", "id")
  INCLUDE ("platform_id", "academy_id", "category", "role", "flag_reason", "comment_key")
  WHERE "comment_state" = 'pending' AND "moderation_state" <> 'hidden';

-- Comments still to key (stored before ingest wrote keys): empty in steady state, so the check is free.
CREATE INDEX "report_unkeyed_comment_idx" ON "report"("created_at")
  WHERE "comment_state" = 'pending' AND "comment_key" IS NULL AND "comment" IS NOT NULL;

-- The report sections of the moderation page: flagged reports not reviewed, recently hidden reports.
CREATE INDEX "report_flagged_unreviewed_idx" ON "report"("created_at")
  WHERE "counted" = false AND "moderation_state" = 'visible' AND "flag_reason" IS NOT NULL;

CREATE INDEX "report_hidden_idx" ON "report"("updated_at")
  WHERE "moderation_state" = 'hidden' OR "comment_state" = 'hidden';
