import { useTranslations } from "next-intl";
import { buttonClasses } from "@/components/ui/button";
import { inputClasses } from "@/components/ui/field";

/**
 * "Which facility": a plain GET form (works without JavaScript) for an admin of several facilities; `keep`
 * carries the list's other parameters (a search, a status filter) along.
 */
export function FacilityFilter({
  action,
  facilities,
  current,
  keep = {},
}: {
  action: string;
  facilities: { id: string; name: string }[];
  current: string | undefined;
  keep?: Record<string, string | undefined>;
}) {
  const t = useTranslations("common.facilityFilter");
  if (facilities.length === 0) return null;
  return (
    <form action={action} method="get" aria-label={t("label")} className="flex flex-wrap items-end gap-3">
      {Object.entries(keep).map(([k, v]) => (v ? <input key={k} type="hidden" name={k} value={v} /> : null))}
      <div>
        <label htmlFor="facility-filter" className="block font-semibold">
          {t("label")}
        </label>
        <select id="facility-filter" name="facility" defaultValue={current ?? ""} className={`${inputClasses(false)} mt-2 sm:max-w-sm`}>
          <option value="">{t("all")}</option>
          {facilities.map((f) => (
            <option key={f.id} value={f.id}>
              {f.name}
            </option>
          ))}
        </select>
      </div>
      <button type="submit" className={buttonClasses("secondary")}>
        {t("show")}
      </button>
    </form>
  );
}
