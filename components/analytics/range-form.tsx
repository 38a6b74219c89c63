import { useLocale, useTranslations } from "next-intl";
import type { Period } from "@/lib/analytics/range";
import { rangeErrorKey } from "@/lib/analytics/range-errors";
import { translateServerMessage } from "@/lib/i18n/server-messages";
import { buttonClasses } from "@/components/ui/button";
import { inputClasses } from "@/components/ui/field";

const PERIODS = [
  ["7", "last7"],
  ["30", "last30"],
  ["90", "last90"],
  ["365", "last365"],
  ["custom", "custom"],
] as const satisfies readonly (readonly [Period, string])[];

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
  const t = useTranslations("analytics");
  const locale = useLocale();
  /** a refusal of the range in the caregiver's language (English as written; an unknown sentence as the server says it) */
  const say = (message: string) => {
    if (locale === "en") return message;
    const found = rangeErrorKey(message);
    return found ? t(`rangeErrors.${found.key}`, { max: found.max }) : translateServerMessage(message, locale);
  };
  const select = "block w-full rounded-lg border-2 border-stone-500 bg-white px-4 py-3 text-lg text-stone-900 hover:border-stone-700";
  const err = (f: "from" | "to" | "granularity") =>
    errors[f] ? (
      <p id={`report-${f}-error`} className="mt-1 text-base font-semibold text-red-700">
        <span className="sr-only">{t("range.error")} </span>
        {say(errors[f])}
      </p>
    ) : null;
  return (
    <form
      action={action}
      method="get"
      aria-label={t("range.label")}
      className="grid gap-4 rounded-xl border border-stone-200 bg-white p-6 shadow-sm sm:grid-cols-2 lg:grid-cols-5 lg:items-end"
    >
      {facility && <input type="hidden" name="facility" value={facility} />}
      <div>
        <label htmlFor="report-period" className="block font-semibold">
          {t("range.period")}
        </label>
        <select id="report-period" name="period" defaultValue={period} className={`${select} mt-2`}>
          {PERIODS.map(([v, key]) => (
            <option key={v} value={v}>
              {t(`range.periods.${key}`)}
            </option>
          ))}
        </select>
      </div>
      {(["from", "to"] as const).map((f) => (
        <div key={f}>
          <label htmlFor={`report-${f}`} className="block font-semibold">
            {t(f === "from" ? "range.from" : "range.to")} <span className="font-normal text-stone-600">{t("range.custom")}</span>
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
            {t("range.groupBy")}
          </label>
          {err("granularity")}
          <select id="report-granularity" name="granularity" defaultValue={granularity} className={`${select} mt-2`}>
            {(["day", "week", "month"] as const).map((g) => (
              <option key={g} value={g}>
                {t(`range.${g}`)}
              </option>
            ))}
          </select>
        </div>
      )}
      <button type="submit" className={buttonClasses("primary")}>
        {t("range.submit")}
      </button>
    </form>
  );
}
