-- AlterEnum
ALTER TYPE "ActivityType" ADD VALUE 'caregiver_contact';

-- AlterTable
ALTER TABLE "patients" ADD COLUMN     "monitoring_pause_reason" VARCHAR(200),
ADD COLUMN     "monitoring_paused_at" TIMESTAMPTZ(3),
ADD COLUMN     "monitoring_paused_by_id" UUID,
ADD COLUMN     "monitoring_paused_until" TIMESTAMPTZ(3);

-- CreateIndex
CREATE INDEX "patients_monitoring_paused_by_id_idx" ON "patients"("monitoring_paused_by_id");

-- AddForeignKey
ALTER TABLE "patients" ADD CONSTRAINT "patients_monitoring_paused_by_id_fkey" FOREIGN KEY ("monitoring_paused_by_id") REFERENCES "caregivers"("id") ON DELETE SET NULL ON UPDATE CASCADE;

