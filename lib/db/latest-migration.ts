/** The newest folder in prisma/migrations; a test keeps it in step. Readiness waits for it to be applied. */
export const LATEST_MIGRATION = "20261205010000_reminder_sparse_indexes";
