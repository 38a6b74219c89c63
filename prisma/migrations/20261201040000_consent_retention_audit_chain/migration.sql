-- Issue 13: the tamper-evident audit chain (decision 023) and the sms_contact guard's lookup by phone number.
-- Existing audit rows are unsealed; the sealing job chains them in (created_at, id) order on its first run.

-- AlterTable
ALTER TABLE "audit_events" ADD COLUMN     "hash" CHAR(64),
ADD COLUMN     "previous_hash" CHAR(64),
ADD COLUMN     "sealed_at" TIMESTAMPTZ(3),
ADD COLUMN     "sequence" BIGINT;

-- CreateTable
CREATE TABLE "audit_chain_anchors" (
    "chain_id" UUID NOT NULL,
    "sequence" BIGINT NOT NULL,
    "hash" CHAR(64) NOT NULL,
    "anchored_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "audit_chain_anchors_pkey" PRIMARY KEY ("chain_id")
);

-- CreateIndex
CREATE INDEX "audit_events_sealed_at_organization_id_idx" ON "audit_events"("sealed_at", "organization_id");

-- CreateIndex
CREATE UNIQUE INDEX "audit_events_organization_id_sequence_key" ON "audit_events"("organization_id", "sequence");

-- CreateIndex
CREATE INDEX "patients_phone_number_idx" ON "patients"("phone_number");

