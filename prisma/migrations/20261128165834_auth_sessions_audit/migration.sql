-- AlterTable
ALTER TABLE "session" ADD COLUMN     "mfa_verified_at" TIMESTAMPTZ(3);

-- AlterTable
ALTER TABLE "user" ADD COLUMN     "totp_last_step" INTEGER;

-- CreateIndex
CREATE INDEX "session_user_id_idx" ON "session"("user_id");

-- The audit log is append-only: rows are never rewritten (the hash chain detects any other tampering).
CREATE FUNCTION audit_log_refuse_update() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit_log is append-only';
END;
$$;

CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON "audit_log"
  FOR EACH ROW EXECUTE FUNCTION audit_log_refuse_update();
