-- The caregiver's language (issue 15, SPEC §2): what they receive and the dashboard's language, beside `timezone`.
-- Values are checked by zod (`en`, `es`); no CHECK constraint: the offline schema engine cannot read one (decision 002).
ALTER TABLE "caregivers" ADD COLUMN "language" VARCHAR(8) NOT NULL DEFAULT 'en';
