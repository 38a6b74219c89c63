import Link from "next/link";
import { useTranslations } from "next-intl";
import { SEVERITIES } from "@/lib/validation/common";
import { ALERT_TYPES } from "@/lib/alerts/schemas";
import { buttonClasses } from "@/components/ui/button";
import { inputClasses } from "@/components/ui/field";

interface Filters {
  status: string;
  severity?: string;
  type?: string;
  patient_id?: string;
  facility?: string;
}

/** The inbox filters as a GET form: plain links and reloads, so it works without JavaScript. */
export function AlertFiltersForm({
  action,
  filters,
  statuses,
  patients,
}: {
  action: string;
  filters: Filters;
  /** the status choices, in the order offered (their words are `alerts.filters.statusChoice.<choice>`) */
  statuses: readonly ("open" | "acknowledged" | "resolved" | "all")[];
  patients?: { id: string; full_name: string }[];
}) {
  const t = useTranslations("alerts.filters");
  const labels = useTranslations("labels");
  const select = (id: string, label: string, name: string, value: string | undefined, options: [string, string][]) => (
    <div className="min-w-44 flex-1">
      <label htmlFor={id} className="block font-semibold">
        {label}
      </label>
      <select id={id} name={name} defaultValue={value ?? ""} className={`${inputClasses(false)} mt-2`}>
        {options.map(([v, text]) => (
          <option key={v} value={v}>
            {text}
          </option>
        ))}
      </select>
    </div>
  );
  const filtered = filters.status !== "open" || filters.severity || filters.type || filters.patient_id;
  return (
    // keyed by the filters, so a client-side navigation (e.g. "Clear filters") resets the selects
    <form
      key={JSON.stringify(filters)}
      action={action}
      method="get"
      role="search"
      aria-label={t("label")}
      className="rounded-xl border border-stone-200 bg-white p-5 shadow-sm"
    >
      {filters.facility && <input type="hidden" name="facility" value={filters.facility} />}
      <div className="flex flex-wrap items-end gap-4">
        {select(
          "filter-status",
          t("status"),
          "status",
          filters.status,
          statuses.map((v): [string, string] => [v, t(`statusChoice.${v}`)]),
        )}
        {select("filter-severity", t("severity"), "severity", filters.severity, [
          ["", t("anySeverity")],
          ...[...SEVERITIES].reverse().map((s): [string, string] => [s, labels(`severity.${s}`)]),
        ])}
        {select("filter-type", t("type"), "type", filters.type, [
          ["", t("anyType")],
          ...ALERT_TYPES.map((v): [string, string] => [v, labels(`alertType.${v}`)]),
        ])}
        {patients &&
          select("filter-patient", t("patient"), "patient", filters.patient_id, [
            ["", t("everyPatient")],
            ...patients.map((p): [string, string] => [p.id, p.full_name]),
          ])}
      </div>
      <div className="mt-4 flex flex-wrap gap-3">
        <button type="submit" className={buttonClasses("secondary")}>
          {t("show")}
        </button>
        {filtered && (
          <Link href={filters.facility ? `${action}?facility=${filters.facility}` : action} className={buttonClasses("quiet")}>
            {t("clear")}
          </Link>
        )}
      </div>
    </form>
  );
}
