-- The ingest batch (lib/db/reports.ts) now writes its reports' ledger entries itself, in its own statement,
-- with bodies and hashes built in the application: building them per row here cost ~40 % of that statement.
-- It leaves the number of entries it wrote in a transaction-local setting; this trigger clears it and, when
-- it matches the statement's inserted rows, has nothing to do. Any other INSERT into report still gets its
-- entries here, so no code path can store a report without one.
CREATE OR REPLACE FUNCTION ledger_report_inserted() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  written text := nullif(current_setting('ledger.report_entries', true), '');
BEGIN
  IF written IS NOT NULL THEN
    PERFORM set_config('ledger.report_entries', '', true);
    IF written::bigint = (SELECT count(*) FROM new_rows) THEN
      RETURN NULL;
    END IF;
  END IF;
  INSERT INTO ledger_entry (day, at, kind, ref_id, body, hash)
  SELECT CASE WHEN s.day IS NULL THEN e.day ELSE (now() AT TIME ZONE 'Europe/Paris')::date END,
    e.at, 'report', e.id, e.body, encode(sha256(convert_to(e.body, 'UTF8')), 'hex')
  FROM (SELECT n.created_at AS at, (n.created_at AT TIME ZONE 'Europe/Paris')::date AS day, n.id::text AS id,
      ledger_report_body(n) AS body
    FROM new_rows n
    -- Only reached when a statement wrote some entries but not all (never expected): no report twice.
    WHERE written IS NULL OR NOT EXISTS (SELECT 1 FROM ledger_entry x WHERE x.kind = 'report' AND x.ref_id = n.id::text)) e
  LEFT JOIN ledger_seal s ON s.day = e.day
  ORDER BY e.at, e.id;
  RETURN NULL;
END;
$$;
