import { checkSystemStatus } from "@/lib/health/check-status";
import { logger } from "@/lib/observability/logger";
import { Notice } from "@/components/ui/notice";

/**
 * Shown to every signed-in caregiver, on every dashboard page, while GET /api/health/status is failing: the
 * jobs cannot run in this deployment, one is late, or a delivery provider is failing. Checked on each render (one small query). If the check
 * itself breaks, the banner shows: better a needless warning than a silent stop.
 */
export async function JobsBanner() {
  let failing: boolean;
  try {
    failing = (await checkSystemStatus()).status !== "ok";
  } catch (err) {
    logger.error({ err }, "could not check whether the background jobs run");
    failing = true;
  }
  if (!failing) return null;
  return (
    <div className="mb-8">
      <Notice tone="error" role="alert" title="Reminders and alerts are not being sent">
        Elda&apos;s background work has stopped or fallen behind, or a service that carries its messages (SMS, calls, email, pushes) is failing: patients&apos;
        reminders, missed-dose and inactivity alerts and daily summaries may not go out. Until this message goes away, check on the people you care for
        yourself, and tell whoever runs Elda for you.
      </Notice>
    </div>
  );
}
