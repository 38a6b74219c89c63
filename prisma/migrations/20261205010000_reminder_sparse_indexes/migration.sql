-- Issue 16: a reminder's alert and the caregiver who completed it are set on few rows and never when the row is
-- made, but the full indexes took an entry for every new reminder (800,000 in a day's generation). Partial indexes
-- keep only the rows that have one: they still serve the lookups they exist for (`alert_id = $1`,
-- `completed_by_id = $1`, as when an alert or a caregiver is deleted), and an insert skips them
-- (docs/decisions/034-hot-paths.md). Prisma's schema cannot say a partial index; its diff leaves them alone.
DROP INDEX "reminders_alert_id_idx";
DROP INDEX "reminders_completed_by_id_idx";
CREATE INDEX "reminders_alert_id_idx" ON "reminders"("alert_id") WHERE "alert_id" IS NOT NULL;
CREATE INDEX "reminders_completed_by_id_idx" ON "reminders"("completed_by_id") WHERE "completed_by_id" IS NOT NULL;
