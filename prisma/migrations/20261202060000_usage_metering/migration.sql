-- Usage metering (SPEC §8, docs/decisions/026-usage-metering.md): one row per organization and month (UTC),
-- incremented by the code paths that send, and the set of patients whose phone was heard that month.
CREATE TABLE "organization_usage" (
    "organization_id" UUID NOT NULL,
    "month" DATE NOT NULL,
    "sms_segments" INTEGER NOT NULL DEFAULT 0,
    "call_minutes" INTEGER NOT NULL DEFAULT 0,
    "emails" INTEGER NOT NULL DEFAULT 0,
    "patient_pushes" INTEGER NOT NULL DEFAULT 0,
    "caregiver_pushes" INTEGER NOT NULL DEFAULT 0,
    "model_tokens_in" BIGINT NOT NULL DEFAULT 0,
    "model_tokens_out" BIGINT NOT NULL DEFAULT 0,
    "sms_cap_warned_at" TIMESTAMPTZ(3),
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "organization_usage_pkey" PRIMARY KEY ("organization_id", "month")
);
ALTER TABLE "organization_usage" ADD CONSTRAINT "organization_usage_organization_id_fkey"
    FOREIGN KEY ("organization_id") REFERENCES "organizations"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- no foreign key to patients: a patient deleted later was still active that month
CREATE TABLE "organization_active_patients" (
    "organization_id" UUID NOT NULL,
    "month" DATE NOT NULL,
    "patient_id" UUID NOT NULL,
    CONSTRAINT "organization_active_patients_pkey" PRIMARY KEY ("organization_id", "month", "patient_id")
);
ALTER TABLE "organization_active_patients" ADD CONSTRAINT "organization_active_patients_organization_id_fkey"
    FOREIGN KEY ("organization_id") REFERENCES "organizations"("id") ON DELETE CASCADE ON UPDATE CASCADE;
