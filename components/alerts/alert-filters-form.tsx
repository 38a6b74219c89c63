import Link from "next/link";
import { SEVERITIES } from "@/lib/validation/common";
import { ALERT_TYPES } from "@/lib/alerts/schemas";
import { buttonClasses } from "@/components/ui/button";
import { inputClasses } from "@/components/ui/field";
import { ALERT_TYPE_LABEL, SEVERITY_LABEL } from "./alert-labels";

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
  statuses: Record<string, { label: string }>;
  patients?: { id: string; full_name: string }[];
}) {
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
      aria-label="Filter alerts"
      className="rounded-xl border border-stone-200 bg-white p-5 shadow-sm"
    >
      {filters.facility && <input type="hidden" name="facility" value={filters.facility} />}
      <div className="flex flex-wrap items-end gap-4">
        {select(
          "filter-status",
          "Status",
          "status",
          filters.status,
          Object.entries(statuses).map(([v, s]) => [v, s.label]),
        )}
        {select("filter-severity", "Severity", "severity", filters.severity, [
          ["", "Any severity"],
          ...[...SEVERITIES].reverse().map((s): [string, string] => [s, SEVERITY_LABEL[s]]),
        ])}
        {select("filter-type", "Type", "type", filters.type, [["", "Any type"], ...ALERT_TYPES.map((t): [string, string] => [t, ALERT_TYPE_LABEL[t]])])}
        {patients &&
          select("filter-patient", "Patient", "patient", filters.patient_id, [
            ["", "Every patient"],
            ...patients.map((p): [string, string] => [p.id, p.full_name]),
          ])}
      </div>
      <div className="mt-4 flex flex-wrap gap-3">
        <button type="submit" className={buttonClasses("secondary")}>
          Show alerts
        </button>
        {filtered && (
          <Link href={filters.facility ? `${action}?facility=${filters.facility}` : action} className={buttonClasses("quiet")}>
            Clear filters
          </Link>
        )}
      </div>
    </form>
  );
}
