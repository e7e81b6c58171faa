-- `report` becomes partitioned by month of created_at (receipt time, set by the server; never the client's
-- observed_at), converted in place in this migration's single transaction:
--   1. a partitioned copy of the table, one partition per UTC month holding reports and for the current
--      month and the next two (report_YYYY_MM) and a DEFAULT partition (report_default) so an insert never fails for a
--      month without its partition (the worker's `report-partitions` job creates months ahead and moves any
--      such rows out of the default partition);
--   2. every row copied (no trigger yet, so no ledger entry is written twice), the old table dropped and the
--      new one renamed `report`;
--   3. primary key (id, created_at) (a unique key on a partitioned table must include the partition key;
--      no foreign key references report), the foreign keys, every index (same names) and the ledger triggers
--      recreated; ledger_report_body takes the new row type;
--   4. idempotency moves to the unpartitioned `report_key` (the unique index on report.idempotency_key
--      cannot exist any more), filled with every stored key; the purge job trims it to 48 h;
--   5. `report_archive` records the partitions archived by the worker (file, rows, SHA-256), so ledger
--      verification knows which reports left the table on purpose.
-- Statement-level triggers with transition tables are allowed on a partitioned table (not on a partition):
-- they fire for statements on `report`, not for statements aimed at one partition directly.

DROP FUNCTION ledger_report_body(report);

CREATE TABLE "report_partitioned" (
    "id" UUID NOT NULL,
    "platform_id" TEXT NOT NULL,
    "academy_id" TEXT NOT NULL,
    "category" TEXT NOT NULL,
    "role" TEXT,
    "comment" TEXT,
    "comment_state" TEXT NOT NULL DEFAULT 'none',
    "observed_at" TIMESTAMPTZ(3),
    "idempotency_key" TEXT NOT NULL,
    "source_fingerprint" TEXT,
    "device_token_hash" TEXT,
    "counted" BOOLEAN NOT NULL DEFAULT true,
    "distinct_reporter" BOOLEAN NOT NULL DEFAULT true,
    "flag_reason" TEXT,
    "moderation_state" TEXT NOT NULL DEFAULT 'visible',
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,
    "network_fingerprint" TEXT,
    "comment_key" TEXT
) PARTITION BY RANGE ("created_at");

CREATE TABLE "report_default" PARTITION OF "report_partitioned" DEFAULT;

-- One partition per month holding reports, and the current month and the next two.
DO $$
DECLARE
  month timestamp;
BEGIN
  FOR month IN
    SELECT DISTINCT date_trunc('month', created_at AT TIME ZONE 'UTC') FROM report
    UNION SELECT date_trunc('month', now() AT TIME ZONE 'UTC') + step * interval '1 month' FROM generate_series(0, 2) AS step
    ORDER BY 1
  LOOP
    EXECUTE format('CREATE TABLE %I PARTITION OF report_partitioned FOR VALUES FROM (%L) TO (%L)',
      'report_' || to_char(month, 'YYYY_MM'), month AT TIME ZONE 'UTC', (month + interval '1 month') AT TIME ZONE 'UTC');
  END LOOP;
END $$;

INSERT INTO "report_partitioned" ("id", "platform_id", "academy_id", "category", "role", "comment", "comment_state",
  "observed_at", "idempotency_key", "source_fingerprint", "device_token_hash", "counted", "distinct_reporter",
  "flag_reason", "moderation_state", "created_at", "updated_at", "network_fingerprint", "comment_key")
SELECT "id", "platform_id", "academy_id", "category", "role", "comment", "comment_state",
  "observed_at", "idempotency_key", "source_fingerprint", "device_token_hash", "counted", "distinct_reporter",
  "flag_reason", "moderation_state", "created_at", "updated_at", "network_fingerprint", "comment_key"
FROM "report";

-- CreateTable
CREATE TABLE "report_key" (
    "idempotency_key" TEXT NOT NULL,
    "report_id" UUID NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "report_key_pkey" PRIMARY KEY ("idempotency_key")
);

CREATE INDEX "report_key_created_at_idx" ON "report_key"("created_at");

INSERT INTO "report_key" ("idempotency_key", "report_id", "created_at")
SELECT "idempotency_key", "id", "created_at" FROM "report";

DROP TABLE "report";
ALTER TABLE "report_partitioned" RENAME TO "report";

ALTER TABLE "report" ADD CONSTRAINT "report_pkey" PRIMARY KEY ("id", "created_at");
ALTER TABLE "report" ADD CONSTRAINT "report_platform_id_fkey" FOREIGN KEY ("platform_id") REFERENCES "platform"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "report" ADD CONSTRAINT "report_academy_id_fkey" FOREIGN KEY ("academy_id") REFERENCES "academy"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

CREATE INDEX "report_platform_id_academy_id_created_at_idx" ON "report"("platform_id", "academy_id", "created_at");
CREATE INDEX "report_academy_id_created_at_idx" ON "report"("academy_id", "created_at");
CREATE INDEX "report_created_at_idx" ON "report"("created_at");
CREATE INDEX "report_source_fingerprint_created_at_idx" ON "report"("source_fingerprint", "created_at");
CREATE INDEX "report_comment_state_created_at_idx" ON "report"("comment_state", "created_at");
CREATE INDEX "report_comment_state_comment_key_idx" ON "report"("comment_state", "comment_key");
CREATE INDEX "report_device_token_hash_created_at_idx" ON "report"("device_token_hash", "created_at");
CREATE INDEX "report_comment_created_at_idx" ON "report"("comment", "created_at");
CREATE INDEX "report_pending_comment_idx" ON "report"("created_at", "id")
  INCLUDE ("platform_id", "academy_id", "category", "role", "flag_reason", "comment_key")
  WHERE "comment_state" = 'pending' AND "moderation_state" <> 'hidden';
CREATE INDEX "report_unkeyed_comment_idx" ON "report"("created_at")
  WHERE "comment_state" = 'pending' AND "comment_key" IS NULL AND "comment" IS NOT NULL;
CREATE INDEX "report_flagged_unreviewed_idx" ON "report"("created_at")
  WHERE "counted" = false AND "moderation_state" = 'visible' AND "flag_reason" IS NOT NULL;
CREATE INDEX "report_hidden_idx" ON "report"("updated_at")
  WHERE "moderation_state" = 'hidden' OR "comment_state" = 'hidden';

CREATE FUNCTION ledger_report_body(n report) RETURNS text LANGUAGE sql IMMUTABLE AS $$
  SELECT '{"academy":' || ledger_str(n.academy_id) || ',"at":' || ledger_iso(n.created_at)
    || ',"category":' || ledger_str(n.category) || ',"counted":' || CASE WHEN n.counted THEN 'true' ELSE 'false' END
    || ',"flag":' || ledger_str(n.flag_reason) || ',"id":' || ledger_str(n.id::text)
    || ',"kind":"report","observedAt":' || ledger_iso(n.observed_at) || ',"platform":' || ledger_str(n.platform_id)
    || ',"role":' || ledger_str(n.role) || ',"v":1}'
$$;

CREATE TRIGGER report_ledger_insert AFTER INSERT ON "report"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION ledger_report_inserted();
CREATE TRIGGER report_ledger_update AFTER UPDATE ON "report"
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION ledger_report_moderated();

-- Every stored report has its key in report_key, whatever wrote it: the ingest batch writes the keys itself
-- first (ON CONFLICT DO NOTHING decides which reports are new), so this finds nothing to add there; any
-- other INSERT gets its keys here, and a key already taken by another report fails the statement as the
-- unique index used to. Deleting a report frees its key.
CREATE FUNCTION report_key_inserted() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO report_key (idempotency_key, report_id, created_at)
  SELECT n.idempotency_key, n.id, n.created_at FROM new_rows n
  WHERE NOT EXISTS (SELECT 1 FROM report_key k WHERE k.idempotency_key = n.idempotency_key AND k.report_id = n.id);
  RETURN NULL;
END;
$$;

CREATE FUNCTION report_key_deleted() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM report_key k USING old_rows o WHERE k.idempotency_key = o.idempotency_key AND k.report_id = o.id;
  RETURN NULL;
END;
$$;

CREATE TRIGGER report_key_insert AFTER INSERT ON "report"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION report_key_inserted();
CREATE TRIGGER report_key_delete AFTER DELETE ON "report"
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION report_key_deleted();

-- CreateTable
CREATE TABLE "report_archive" (
    "month" TEXT NOT NULL,
    "range_start" TIMESTAMPTZ(3) NOT NULL,
    "range_end" TIMESTAMPTZ(3) NOT NULL,
    "file" TEXT NOT NULL,
    "rows" INTEGER NOT NULL,
    "bytes" BIGINT NOT NULL,
    "sha256" TEXT NOT NULL,
    "archived_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "report_archive_pkey" PRIMARY KEY ("month")
);
