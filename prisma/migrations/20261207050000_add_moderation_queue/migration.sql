-- AlterTable
ALTER TABLE "report" ADD COLUMN     "comment_key" TEXT;

-- CreateTable
CREATE TABLE "moderation_action" (
    "id" UUID NOT NULL,
    "actor_id" TEXT,
    "actor_label" TEXT NOT NULL,
    "scope" TEXT NOT NULL,
    "from_state" TEXT NOT NULL,
    "to_state" TEXT NOT NULL,
    "report_ids" UUID[],
    "summary" TEXT NOT NULL,
    "undone_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "moderation_action_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "moderation_action_actor_id_created_at_idx" ON "moderation_action"("actor_id", "created_at");

-- CreateIndex
CREATE INDEX "moderation_action_report_ids_idx" ON "moderation_action" USING GIN ("report_ids");

-- CreateIndex
CREATE INDEX "report_comment_state_comment_key_idx" ON "report"("comment_state", "comment_key");
