-- CreateTable
CREATE TABLE "notify_subscription" (
    "id" UUID NOT NULL,
    "platform_id" TEXT NOT NULL,
    "academy_id" TEXT,
    "locale" TEXT NOT NULL,
    "channel" TEXT NOT NULL,
    "endpoint" TEXT,
    "p256dh" TEXT,
    "auth" TEXT,
    "email" TEXT,
    "confirm_token" TEXT,
    "unsubscribe_token" TEXT NOT NULL,
    "confirmed_at" TIMESTAMPTZ(3),
    "last_notified_at" TIMESTAMPTZ(3) NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "notify_subscription_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "notify_message" (
    "id" BIGSERIAL NOT NULL,
    "subscription_id" UUID NOT NULL,
    "incident_id" UUID NOT NULL,
    "state" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'pending',
    "sent_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "notify_message_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "notify_subscription_confirm_token_key" ON "notify_subscription"("confirm_token");

-- CreateIndex
CREATE UNIQUE INDEX "notify_subscription_unsubscribe_token_key" ON "notify_subscription"("unsubscribe_token");

-- CreateIndex
CREATE INDEX "notify_subscription_endpoint_idx" ON "notify_subscription"("endpoint");

-- CreateIndex
CREATE INDEX "notify_subscription_email_idx" ON "notify_subscription"("email");

-- CreateIndex
CREATE INDEX "notify_subscription_platform_id_confirmed_at_idx" ON "notify_subscription"("platform_id", "confirmed_at");

-- CreateIndex
CREATE INDEX "notify_subscription_last_notified_at_idx" ON "notify_subscription"("last_notified_at");

-- CreateIndex
CREATE INDEX "notify_message_status_id_idx" ON "notify_message"("status", "id");

-- CreateIndex
CREATE UNIQUE INDEX "notify_message_subscription_id_incident_id_state_key" ON "notify_message"("subscription_id", "incident_id", "state");

-- AddForeignKey
ALTER TABLE "notify_message" ADD CONSTRAINT "notify_message_subscription_id_fkey" FOREIGN KEY ("subscription_id") REFERENCES "notify_subscription"("id") ON DELETE CASCADE ON UPDATE CASCADE;
