-- CreateTable
CREATE TABLE "job_lease" (
    "name" TEXT NOT NULL,
    "tick_at" TIMESTAMPTZ(3) NOT NULL,
    "holder" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "job_lease_pkey" PRIMARY KEY ("name")
);
