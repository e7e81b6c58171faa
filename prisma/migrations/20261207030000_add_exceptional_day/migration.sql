-- CreateTable
CREATE TABLE "exceptional_day" (
    "id" UUID NOT NULL,
    "date" TEXT NOT NULL,
    "scope" TEXT NOT NULL,
    "factor" DOUBLE PRECISION NOT NULL,
    "label" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "exceptional_day_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "exceptional_day_date_scope_key" ON "exceptional_day"("date", "scope");
