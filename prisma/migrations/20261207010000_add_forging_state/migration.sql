-- AlterTable
ALTER TABLE "incident" ADD COLUMN     "network_count" INTEGER NOT NULL DEFAULT 0;

-- AlterTable
ALTER TABLE "report" ADD COLUMN     "network_fingerprint" TEXT;

-- CreateTable
CREATE TABLE "fingerprint_key" (
    "day" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "fingerprint_key_pkey" PRIMARY KEY ("day")
);

-- CreateTable
CREATE TABLE "pow_used_challenge" (
    "nonce" TEXT NOT NULL,
    "expires_at" TIMESTAMPTZ(3) NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "pow_used_challenge_pkey" PRIMARY KEY ("nonce")
);

-- CreateTable
CREATE TABLE "pow_traffic" (
    "surge_id" TEXT NOT NULL,
    "bucket_start" TIMESTAMPTZ(3) NOT NULL,
    "count" INTEGER NOT NULL DEFAULT 0,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "pow_traffic_pkey" PRIMARY KEY ("surge_id","bucket_start")
);

-- CreateTable
CREATE TABLE "pow_surge" (
    "id" TEXT NOT NULL,
    "state" JSONB NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "pow_surge_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "pow_used_challenge_expires_at_idx" ON "pow_used_challenge"("expires_at");

-- The permanent fingerprint secret let a dump reverse 48 h of fingerprints: day keys replace it.
DELETE FROM "setting" WHERE "key" = 'source_secret';
