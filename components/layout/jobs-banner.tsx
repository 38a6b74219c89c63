import { getTranslations } from "next-intl/server";
import { checkSystemStatus } from "@/lib/health/check-status";
import { logger } from "@/lib/observability/logger";
import { Notice } from "@/components/ui/notice";

/**
 * Shown to every signed-in caregiver, on every dashboard page, while GET /api/health/status is failing: the
 * jobs cannot run in this deployment, one is late, or a delivery provider is failing. Checked on each render (one small query). If the check
 * itself breaks, the banner shows: better a needless warning than a silent stop.
 */
export async function JobsBanner() {
  if (!(await jobsFailing())) return null;
  const t = await getTranslations("layout.jobs");
  return (
    <div className="mb-8">
      <Notice tone="error" role="alert" title={t("title")}>
        {t("body")}
      </Notice>
    </div>
  );
}

/** Whether the banner shows: the status check fails, or cannot be made. */
export async function jobsFailing(): Promise<boolean> {
  try {
    return (await checkSystemStatus()).status !== "ok";
  } catch (err) {
    logger.error({ err }, "could not check whether the background jobs run");
    return true;
  }
}
