-- AlterEnum
ALTER TYPE "NotificationChannel" ADD VALUE 'web_push';

-- AlterEnum
ALTER TYPE "NotificationPurpose" ADD VALUE 'test';

-- AlterEnum
ALTER TYPE "NotificationStatus" ADD VALUE 'sending';

-- AlterTable
ALTER TABLE "notification_attempts" ADD COLUMN     "attempt_count" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "lease_expires_at" TIMESTAMPTZ(3),
ADD COLUMN     "next_attempt_at" TIMESTAMPTZ(3),
ALTER COLUMN "patient_id" DROP NOT NULL;

-- CreateTable
CREATE TABLE "web_push_subscriptions" (
    "id" UUID NOT NULL,
    "caregiver_id" UUID NOT NULL,
    "endpoint" VARCHAR(2048) NOT NULL,
    "p256dh" VARCHAR(200) NOT NULL,
    "auth" VARCHAR(100) NOT NULL,
    "user_agent" VARCHAR(300),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "last_used_at" TIMESTAMPTZ(3),

    CONSTRAINT "web_push_subscriptions_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "web_push_subscriptions_endpoint_key" ON "web_push_subscriptions"("endpoint");

-- CreateIndex
CREATE INDEX "web_push_subscriptions_caregiver_id_idx" ON "web_push_subscriptions"("caregiver_id");

-- CreateIndex
CREATE INDEX "notification_attempts_status_next_attempt_at_idx" ON "notification_attempts"("status", "next_attempt_at");

-- CreateIndex
CREATE INDEX "notification_attempts_status_lease_expires_at_idx" ON "notification_attempts"("status", "lease_expires_at");

-- AddForeignKey
ALTER TABLE "web_push_subscriptions" ADD CONSTRAINT "web_push_subscriptions_caregiver_id_fkey" FOREIGN KEY ("caregiver_id") REFERENCES "caregivers"("id") ON DELETE CASCADE ON UPDATE CASCADE;


-- Data: before this migration a caregiver's "push" was recorded on the patient-push channel with the
-- recipient "caregiver push"; the patient-push sender claimed it (marking it and its whole batch "sent")
-- and then failed on it. Such rows were never sent to anyone.
UPDATE "notification_attempts"
SET "status" = 'skipped', "error" = 'Caregiver push did not exist yet when this was recorded.'
WHERE "channel" = 'push' AND "recipient" = 'caregiver push' AND "status" IN ('pending', 'sent') AND "provider_id" IS NULL;

-- Data: every sender marked its claim "sent" before calling the provider, so a claim whose send never
-- happened (the sender failed or was stopped) reads "sent" with no provider id. A real send always has one.
UPDATE "notification_attempts"
SET "status" = 'failed', "error" = 'Claimed by a sender that stopped before sending; it was recorded as sent in error.'
WHERE "status" = 'sent' AND "provider_id" IS NULL;

-- A disabled account keeps no browser subscribed, however it is disabled (SPEC §7, docs/decisions/016).
CREATE FUNCTION "web_push_subscriptions_drop_for_disabled"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM "web_push_subscriptions" WHERE "caregiver_id" = NEW."id";
  RETURN NEW;
END;
$$;

CREATE TRIGGER "caregivers_disabled_drop_web_push"
AFTER UPDATE OF "is_active" ON "caregivers"
FOR EACH ROW WHEN (NEW."is_active" = false AND OLD."is_active" = true)
EXECUTE FUNCTION "web_push_subscriptions_drop_for_disabled"();
