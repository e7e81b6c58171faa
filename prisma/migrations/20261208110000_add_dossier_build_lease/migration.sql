-- A dossier build holds a lease: the builder refreshes heartbeat_at while it works, and a build left
-- « building » past the lease (its process died) is claimed again; attempts counts the claims, and fences
-- a builder that lost its lease (its writes name the attempt they belong to).
ALTER TABLE "dossier" ADD COLUMN "attempts" INTEGER NOT NULL DEFAULT 0;
ALTER TABLE "dossier" ADD COLUMN "heartbeat_at" TIMESTAMPTZ(3);
CREATE INDEX "dossier_state_created_at_idx" ON "dossier"("state", "created_at");
