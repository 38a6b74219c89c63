import { useLocale, useTranslations } from "next-intl";
import { pauseEnd } from "@/lib/dashboard/format";

/**
 * "Monitoring paused until Tue, Feb 10": shown wherever the patient is (home card, patient header, patient
 * list) while inactivity and phone-offline alerts are off, so nobody mistakes the quiet for good news.
 */
export function MonitoringPaused({ until, reason, timeZone, className = "" }: { until: string; reason?: string | null; timeZone: string; className?: string }) {
  const t = useTranslations("patients.shared");
  const locale = useLocale();
  return (
    <p
      className={`inline-flex flex-wrap items-center gap-x-2 rounded-lg border border-sky-800 bg-sky-50 px-3 py-1 text-base font-semibold text-sky-950 ${className}`}
    >
      <span aria-hidden="true">⏸</span>
      <span>
        {t.rich("pausedUntil", { date: pauseEnd(until, timeZone, locale), time: (chunks) => <time dateTime={until}>{chunks}</time> })}
        {reason ? <span className="font-normal"> · {reason}</span> : null}
      </span>
    </p>
  );
}
