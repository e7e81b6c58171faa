-- CreateTable
CREATE TABLE "organisation" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "organisation_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "organisation_member" (
    "user_id" TEXT NOT NULL,
    "organisation_id" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "organisation_member_pkey" PRIMARY KEY ("user_id")
);

-- CreateTable
CREATE TABLE "ledger_entry" (
    "seq" BIGSERIAL NOT NULL,
    "day" DATE NOT NULL,
    "at" TIMESTAMPTZ(3) NOT NULL,
    "kind" TEXT NOT NULL,
    "ref_id" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "hash" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ledger_entry_pkey" PRIMARY KEY ("seq")
);

-- CreateTable
CREATE TABLE "ledger_digest" (
    "id" BIGSERIAL NOT NULL,
    "day" DATE NOT NULL,
    "final" BOOLEAN NOT NULL,
    "entry_count" INTEGER NOT NULL,
    "last_seq" BIGINT NOT NULL,
    "root" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "hash" TEXT NOT NULL,
    "signature" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ledger_digest_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ledger_seal" (
    "day" DATE NOT NULL,
    "last_seq" BIGINT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ledger_seal_pkey" PRIMARY KEY ("day")
);

-- CreateTable
CREATE TABLE "dossier" (
    "id" UUID NOT NULL,
    "organisation_id" TEXT,
    "owner_id" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "filters" JSONB NOT NULL,
    "state" TEXT NOT NULL DEFAULT 'queued',
    "progress" INTEGER NOT NULL DEFAULT 0,
    "error" TEXT,
    "report_count" INTEGER,
    "size_bytes" INTEGER,
    "sha256" TEXT,
    "expires_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "dossier_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "incident_note" (
    "id" TEXT NOT NULL,
    "organisation_id" TEXT NOT NULL,
    "incident_id" UUID NOT NULL,
    "author_id" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "incident_note_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "organisation_name_key" ON "organisation"("name");

-- CreateIndex
CREATE INDEX "organisation_member_organisation_id_idx" ON "organisation_member"("organisation_id");

-- CreateIndex
CREATE INDEX "ledger_entry_day_idx" ON "ledger_entry" USING BRIN ("day");

-- CreateIndex
CREATE UNIQUE INDEX "ledger_digest_hash_key" ON "ledger_digest"("hash");

-- CreateIndex
CREATE INDEX "ledger_digest_day_id_idx" ON "ledger_digest"("day", "id");

-- CreateIndex
CREATE INDEX "dossier_organisation_id_created_at_idx" ON "dossier"("organisation_id", "created_at");

-- CreateIndex
CREATE INDEX "dossier_owner_id_created_at_idx" ON "dossier"("owner_id", "created_at");

-- CreateIndex
CREATE INDEX "incident_note_organisation_id_incident_id_idx" ON "incident_note"("organisation_id", "incident_id");

-- AddForeignKey
ALTER TABLE "organisation_member" ADD CONSTRAINT "organisation_member_organisation_id_fkey" FOREIGN KEY ("organisation_id") REFERENCES "organisation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- The ledger, its digests and the audit log are append-only at the database level: no UPDATE,
-- DELETE or TRUNCATE, whoever the client (the hashes detect what a superuser could still do).
CREATE FUNCTION refuse_rewrite() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION '% is append-only (% refused)', TG_TABLE_NAME, TG_OP;
END;
$$;

CREATE TRIGGER ledger_entry_no_rewrite BEFORE UPDATE OR DELETE ON "ledger_entry"
  FOR EACH ROW EXECUTE FUNCTION refuse_rewrite();
CREATE TRIGGER ledger_entry_no_truncate BEFORE TRUNCATE ON "ledger_entry"
  FOR EACH STATEMENT EXECUTE FUNCTION refuse_rewrite();
CREATE TRIGGER ledger_digest_no_rewrite BEFORE UPDATE OR DELETE ON "ledger_digest"
  FOR EACH ROW EXECUTE FUNCTION refuse_rewrite();
CREATE TRIGGER ledger_digest_no_truncate BEFORE TRUNCATE ON "ledger_digest"
  FOR EACH STATEMENT EXECUTE FUNCTION refuse_rewrite();
CREATE TRIGGER ledger_seal_no_rewrite BEFORE UPDATE OR DELETE ON "ledger_seal"
  FOR EACH ROW EXECUTE FUNCTION refuse_rewrite();
CREATE TRIGGER ledger_seal_no_truncate BEFORE TRUNCATE ON "ledger_seal"
  FOR EACH STATEMENT EXECUTE FUNCTION refuse_rewrite();
CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON "audit_log"
  FOR EACH ROW EXECUTE FUNCTION refuse_rewrite();
CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON "audit_log"
  FOR EACH STATEMENT EXECUTE FUNCTION refuse_rewrite();

-- Ledger entries are written by the database itself, in the statement that changes the data, so no
-- code path (ingest batch, moderation, detector, a later feature) can accept a change without its entry.
-- Bodies are canonical JSON (keys sorted, no spaces, ISO-8601 UTC times with milliseconds): the same
-- text lib/evidence/entries.ts builds, so a report row in a dossier can be re-hashed offline.
CREATE FUNCTION ledger_iso(ts timestamptz) RETURNS text LANGUAGE sql IMMUTABLE AS $$
  SELECT CASE WHEN ts IS NULL THEN 'null'
    ELSE '"' || to_char(ts AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') || '"' END
$$;

CREATE FUNCTION ledger_str(value text) RETURNS text LANGUAGE sql IMMUTABLE AS $$
  SELECT coalesce(to_json(value)::text, 'null')
$$;

-- An entry belongs to the Paris day of its time, unless that day is already sealed (its final
-- digest is being or has been published): then it joins the current day (a sealed day never changes).
CREATE FUNCTION ledger_day(ts timestamptz) RETURNS date LANGUAGE sql STABLE AS $$
  SELECT CASE WHEN EXISTS (SELECT 1 FROM ledger_seal s WHERE s.day = (ts AT TIME ZONE 'Europe/Paris')::date)
    THEN (now() AT TIME ZONE 'Europe/Paris')::date ELSE (ts AT TIME ZONE 'Europe/Paris')::date END
$$;

CREATE FUNCTION ledger_report_body(n report) RETURNS text LANGUAGE sql IMMUTABLE AS $$
  SELECT '{"academy":' || ledger_str(n.academy_id) || ',"at":' || ledger_iso(n.created_at)
    || ',"category":' || ledger_str(n.category) || ',"counted":' || CASE WHEN n.counted THEN 'true' ELSE 'false' END
    || ',"flag":' || ledger_str(n.flag_reason) || ',"id":' || ledger_str(n.id::text)
    || ',"kind":"report","observedAt":' || ledger_iso(n.observed_at) || ',"platform":' || ledger_str(n.platform_id)
    || ',"role":' || ledger_str(n.role) || ',"v":1}'
$$;

-- The hot path (every ingest batch): the sealed days are read once per statement, not once per row.
CREATE FUNCTION ledger_report_inserted() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO ledger_entry (day, at, kind, ref_id, body, hash)
  SELECT CASE WHEN s.day IS NULL THEN e.day ELSE (now() AT TIME ZONE 'Europe/Paris')::date END,
    e.at, 'report', e.id, e.body, encode(sha256(convert_to(e.body, 'UTF8')), 'hex')
  FROM (SELECT n.created_at AS at, (n.created_at AT TIME ZONE 'Europe/Paris')::date AS day, n.id::text AS id,
      ledger_report_body(n) AS body
    FROM new_rows n) e
  LEFT JOIN ledger_seal s ON s.day = e.day
  ORDER BY e.at, e.id;
  RETURN NULL;
END;
$$;

CREATE TRIGGER report_ledger_insert AFTER INSERT ON "report"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION ledger_report_inserted();

CREATE FUNCTION ledger_report_moderated() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO ledger_entry (day, at, kind, ref_id, body, hash)
  SELECT ledger_day(e.at), e.at, 'moderation', e.id, e.body, encode(sha256(convert_to(e.body, 'UTF8')), 'hex')
  FROM (
    SELECT now() AS at, n.id::text AS id,
      '{"at":' || ledger_iso(now()) || ',"comment":' || ledger_str(n.comment_state)
      || ',"commentBefore":' || ledger_str(o.comment_state)
      || ',"counted":' || CASE WHEN n.counted THEN 'true' ELSE 'false' END
      || ',"flag":' || ledger_str(n.flag_reason) || ',"id":' || ledger_str(n.id::text)
      || ',"kind":"moderation","state":' || ledger_str(n.moderation_state)
      || ',"stateBefore":' || ledger_str(o.moderation_state)
      || ',"text":' || ledger_str(CASE WHEN n.comment_state = 'approved' THEN n.comment END)
      || ',"v":1}' AS body
    FROM new_rows n JOIN old_rows o ON o.id = n.id
    WHERE n.moderation_state IS DISTINCT FROM o.moderation_state OR n.comment_state IS DISTINCT FROM o.comment_state
    ORDER BY n.id
  ) e;
  RETURN NULL;
END;
$$;

CREATE TRIGGER report_ledger_update AFTER UPDATE ON "report"
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION ledger_report_moderated();

CREATE FUNCTION ledger_incident_event() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO ledger_entry (day, at, kind, ref_id, body, hash)
  SELECT ledger_day(e.at), e.at, 'incident', e.id, e.body, encode(sha256(convert_to(e.body, 'UTF8')), 'hex')
  FROM (
    SELECT n.at, n.incident_id::text AS id,
      '{"at":' || ledger_iso(n.at) || ',"data":' || ledger_str(n.data::text) || ',"event":' || ledger_str(n.kind)
      || ',"incident":' || ledger_str(n.incident_id::text) || ',"kind":"incident","v":1}' AS body
    FROM new_rows n ORDER BY n.at, n.id
  ) e;
  RETURN NULL;
END;
$$;

CREATE TRIGGER incident_event_ledger_insert AFTER INSERT ON "incident_event"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION ledger_incident_event();

-- Reports accepted before the ledger existed enter it once, in time order.
INSERT INTO ledger_entry (day, at, kind, ref_id, body, hash)
SELECT ledger_day(e.at), e.at, 'report', e.id, e.body, encode(sha256(convert_to(e.body, 'UTF8')), 'hex')
FROM (SELECT n.created_at AS at, n.id::text AS id, ledger_report_body(n) AS body
  FROM report n ORDER BY n.created_at, n.id) e;
