/** The newest folder in prisma/migrations; a test keeps it in step. Readiness waits for it to be applied. */
export const LATEST_MIGRATION = "20261204010000_patient_name_search";
