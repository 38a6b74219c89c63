import type { AlertStatus, Severity } from "@/lib/db/generated/enums";
import { useTranslations } from "next-intl";

// dark text on a light tint: every pair clears WCAG AA for normal text
const SEVERITY_TONE: Record<Severity, string> = {
  critical: "border-red-800 bg-red-50 text-red-900",
  high: "border-orange-800 bg-orange-50 text-orange-900",
  medium: "border-amber-800 bg-amber-50 text-amber-900",
  low: "border-stone-500 bg-stone-50 text-stone-800",
};
const STATUS_TONE: Record<AlertStatus, string> = {
  open: "border-red-800 bg-white text-red-900",
  acknowledged: "border-sky-800 bg-sky-50 text-sky-900",
  resolved: "border-teal-800 bg-teal-50 text-teal-900",
  auto_resolved: "border-teal-800 bg-teal-50 text-teal-900",
};

const pill = "inline-flex items-center rounded-full border px-2.5 py-0.5 text-base font-semibold";

export function SeverityBadge({ severity }: { severity: Severity }) {
  const t = useTranslations("alerts.badge");
  const labels = useTranslations("labels");
  return (
    <span className={`${pill} ${SEVERITY_TONE[severity]}`}>
      <span className="sr-only">{t("severity")} </span>
      {labels(`severity.${severity}`)}
    </span>
  );
}

export function StatusBadge({ status }: { status: AlertStatus }) {
  const t = useTranslations("alerts.badge");
  const labels = useTranslations("labels");
  return (
    <span className={`${pill} ${STATUS_TONE[status]}`}>
      <span className="sr-only">{t("status")} </span>
      {labels(`alertStatus.${status}`)}
    </span>
  );
}

/** Escalation went through the whole care team and nobody acknowledged: say it plainly. */
export function NobodyReachedBadge() {
  const t = useTranslations("alerts.badge");
  return <span className={`${pill} border-red-900 bg-red-800 text-white`}>{t("nobodyReached")}</span>;
}
