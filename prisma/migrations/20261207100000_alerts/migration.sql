-- Alerts for followed searches (lib/alerts): subscriptions, the alert outbox written with
-- each publish/import/correction, the delivery log and the request log for rate limits.

CREATE TYPE "AlertChannel" AS ENUM ('EMAIL', 'WEBHOOK');
CREATE TYPE "AlertFrequency" AS ENUM ('IMMEDIATE', 'DAILY');
CREATE TYPE "AlertState" AS ENUM ('PENDING', 'ACTIVE', 'UNSUBSCRIBED', 'DISABLED');
CREATE TYPE "AlertChange" AS ENUM ('NEW', 'CORRECTION');

CREATE TABLE "AlertSubscription" (
    "id" SERIAL NOT NULL,
    "channel" "AlertChannel" NOT NULL,
    "search" TEXT NOT NULL,
    "target" TEXT NOT NULL,
    "webhookSecret" TEXT,
    "frequency" "AlertFrequency" NOT NULL DEFAULT 'IMMEDIATE',
    "state" "AlertState" NOT NULL DEFAULT 'PENDING',
    "confirmTokenHash" TEXT,
    "confirmExpiresAt" TIMESTAMP(3),
    "activatedAt" TIMESTAMP(3),
    "failures" INTEGER NOT NULL DEFAULT 0,
    "nextAttemptAt" TIMESTAMP(3),
    "lastError" TEXT,
    "disabledReason" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "AlertSubscription_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "AlertSubscription_confirmTokenHash_key" ON "AlertSubscription"("confirmTokenHash");
CREATE UNIQUE INDEX "AlertSubscription_channel_target_search_key" ON "AlertSubscription"("channel", "target", "search");
CREATE INDEX "AlertSubscription_state_idx" ON "AlertSubscription"("state");

CREATE TABLE "AlertOutbox" (
    "id" BIGSERIAL NOT NULL,
    "qaPairId" INTEGER NOT NULL,
    "version" INTEGER NOT NULL,
    "change" "AlertChange" NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "processedAt" TIMESTAMP(3),

    CONSTRAINT "AlertOutbox_pkey" PRIMARY KEY ("id")
);
CREATE INDEX "AlertOutbox_processedAt_id_idx" ON "AlertOutbox"("processedAt", "id");

CREATE TABLE "AlertDelivery" (
    "id" BIGSERIAL NOT NULL,
    "subscriptionId" INTEGER NOT NULL,
    "qaPairId" INTEGER NOT NULL,
    "version" INTEGER NOT NULL,
    "change" "AlertChange" NOT NULL,
    "dueAt" TIMESTAMP(3) NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "sentAt" TIMESTAMP(3),
    "outcome" TEXT,

    CONSTRAINT "AlertDelivery_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "AlertDelivery_subscriptionId_qaPairId_version_key" ON "AlertDelivery"("subscriptionId", "qaPairId", "version");
CREATE INDEX "AlertDelivery_sentAt_dueAt_idx" ON "AlertDelivery"("sentAt", "dueAt");
ALTER TABLE "AlertDelivery" ADD CONSTRAINT "AlertDelivery_subscriptionId_fkey" FOREIGN KEY ("subscriptionId") REFERENCES "AlertSubscription"("id") ON DELETE CASCADE ON UPDATE CASCADE;

CREATE TABLE "AlertRequest" (
    "id" BIGSERIAL NOT NULL,
    "targetHash" CHAR(64) NOT NULL,
    "ip" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "AlertRequest_pkey" PRIMARY KEY ("id")
);
CREATE INDEX "AlertRequest_targetHash_createdAt_idx" ON "AlertRequest"("targetHash", "createdAt");
CREATE INDEX "AlertRequest_ip_createdAt_idx" ON "AlertRequest"("ip", "createdAt");
