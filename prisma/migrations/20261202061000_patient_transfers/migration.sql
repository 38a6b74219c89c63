-- Patient transfer between facilities and organizations (issue 14 §4, docs/decisions/027-patient-transfer.md).
CREATE TYPE "TransferStatus" AS ENUM ('pending', 'accepted', 'declined', 'expired');

CREATE TABLE "patient_transfers" (
    "id" UUID NOT NULL,
    "patient_id" UUID NOT NULL,
    "from_organization_id" UUID NOT NULL,
    "from_facility_id" UUID,
    "to_organization_id" UUID NOT NULL,
    "to_facility_id" UUID,
    "status" "TransferStatus" NOT NULL DEFAULT 'pending',
    "note" VARCHAR(1000),
    "requested_by_id" UUID,
    "decided_by_id" UUID,
    "expires_at" TIMESTAMPTZ(3) NOT NULL,
    "decided_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "patient_transfers_pkey" PRIMARY KEY ("id")
);
CREATE INDEX "patient_transfers_from_organization_id_created_at_idx" ON "patient_transfers"("from_organization_id", "created_at");
CREATE INDEX "patient_transfers_to_organization_id_created_at_idx" ON "patient_transfers"("to_organization_id", "created_at");
CREATE INDEX "patient_transfers_patient_id_idx" ON "patient_transfers"("patient_id");
-- one pending transfer per patient (a second request is 409)
CREATE UNIQUE INDEX "patient_transfers_one_pending" ON "patient_transfers"("patient_id") WHERE "status" = 'pending';

ALTER TABLE "patient_transfers" ADD CONSTRAINT "patient_transfers_patient_id_fkey" FOREIGN KEY ("patient_id") REFERENCES "patients"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "patient_transfers" ADD CONSTRAINT "patient_transfers_from_organization_id_fkey" FOREIGN KEY ("from_organization_id") REFERENCES "organizations"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "patient_transfers" ADD CONSTRAINT "patient_transfers_to_organization_id_fkey" FOREIGN KEY ("to_organization_id") REFERENCES "organizations"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "patient_transfers" ADD CONSTRAINT "patient_transfers_from_facility_id_fkey" FOREIGN KEY ("from_facility_id") REFERENCES "facilities"("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "patient_transfers" ADD CONSTRAINT "patient_transfers_to_facility_id_fkey" FOREIGN KEY ("to_facility_id") REFERENCES "facilities"("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "patient_transfers" ADD CONSTRAINT "patient_transfers_requested_by_id_fkey" FOREIGN KEY ("requested_by_id") REFERENCES "caregivers"("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "patient_transfers" ADD CONSTRAINT "patient_transfers_decided_by_id_fkey" FOREIGN KEY ("decided_by_id") REFERENCES "caregivers"("id") ON DELETE SET NULL ON UPDATE CASCADE;
