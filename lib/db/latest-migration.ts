/** The newest folder in prisma/migrations; a test keeps it in step. Readiness waits for it to be applied. */
export const LATEST_MIGRATION = "20261203040000_job_leases_and_provider_health";
