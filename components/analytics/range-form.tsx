import type { Period } from "@/lib/analytics/range";
import { buttonClasses } from "@/components/ui/button";
import { inputClasses } from "@/components/ui/field";

const PERIODS: [Period, string][] = [
  ["7", "Last 7 days"],
  ["30", "Last 30 days"],
  ["90", "Last 90 days"],
  ["365", "Last 365 days"],
  ["custom", "Custom dates (below)"],
];

/** The range picker: a plain GET form, so it works without JavaScript and the address can be shared. */
export function RangeForm({
  action,
  period,
  values,
  granularity,
  errors,
  facility,
}: {
  action: string;
  period: Period;
  values: { from: string; to: string };
  granularity?: string;
  errors: Partial<Record<"from" | "to" | "granularity", string>>;
  /** the facility the report is narrowed to, kept when the dates change */
  facility?: string;
}) {
  const select = "block w-full rounded-lg border-2 border-stone-500 bg-white px-4 py-3 text-lg text-stone-900 hover:border-stone-700";
  const err = (f: "from" | "to" | "granularity") =>
    errors[f] ? (
      <p id={`report-${f}-error`} className="mt-1 text-base font-semibold text-red-700">
        <span className="sr-only">Error: </span>
        {errors[f]}
      </p>
    ) : null;
  return (
    <form
      action={action}
      method="get"
      aria-label="Choose the dates of the report"
      className="grid gap-4 rounded-xl border border-stone-200 bg-white p-6 shadow-sm sm:grid-cols-2 lg:grid-cols-5 lg:items-end"
    >
      {facility && <input type="hidden" name="facility" value={facility} />}
      <div>
        <label htmlFor="report-period" className="block font-semibold">
          Period
        </label>
        <select id="report-period" name="period" defaultValue={period} className={`${select} mt-2`}>
          {PERIODS.map(([v, label]) => (
            <option key={v} value={v}>
              {label}
            </option>
          ))}
        </select>
      </div>
      {(["from", "to"] as const).map((f) => (
        <div key={f}>
          <label htmlFor={`report-${f}`} className="block font-semibold">
            {f === "from" ? "From" : "To"} <span className="font-normal text-stone-600">(custom)</span>
          </label>
          {err(f)}
          <input
            id={`report-${f}`}
            name={f}
            type="date"
            defaultValue={values[f]}
            aria-invalid={errors[f] ? true : undefined}
            aria-describedby={errors[f] ? `report-${f}-error` : undefined}
            className={`${inputClasses(!!errors[f])} mt-2`}
          />
        </div>
      ))}
      {granularity !== undefined && (
        <div>
          <label htmlFor="report-granularity" className="block font-semibold">
            Group by
          </label>
          {err("granularity")}
          <select id="report-granularity" name="granularity" defaultValue={granularity} className={`${select} mt-2`}>
            <option value="day">Day</option>
            <option value="week">Week</option>
            <option value="month">Month</option>
          </select>
        </div>
      )}
      <button type="submit" className={buttonClasses("primary")}>
        Show report
      </button>
    </form>
  );
}
