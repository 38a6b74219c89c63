import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { Forbidden } from "@/lib/api/errors";
import { usageReport } from "@/lib/usage/usage-report";
import { usageQuery, type UsageOutput } from "@/lib/usage/schemas";
import { signedInPage } from "@/app/_server/page";
import { currentOrganization } from "@/app/_server/current-organization";
import { buttonClasses } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { TextField } from "@/components/ui/field";
import { TrendChart } from "@/components/analytics/trend-chart";
import { SectionHeading } from "@/components/settings/section-heading";
import { OrganizationTabs } from "@/components/settings/organization-tabs";
import { NoOrganization } from "@/components/settings/no-organization";
import { percent } from "@/lib/analytics/format";
import { intlTag } from "@/lib/i18n/formats";
import type { Locale } from "@/lib/i18n/locales";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("organization.usage"))("metaTitle") };
}

type SearchParams = Promise<Record<string, string | string[] | undefined>>;
const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

type Metric = Exclude<keyof UsageOutput, "organization_id" | "month" | "monthly_sms_cap" | "sms_cap_reached">;
/** The metrics in the table (`organization.usage.metrics.<key>`) and whether the chart shows them (with `short.<key>`). */
const METRICS = [
  { key: "active_patients", chart: true },
  { key: "sms_segments", chart: true },
  { key: "call_minutes", chart: true },
  { key: "emails", chart: true },
  { key: "patient_pushes", chart: true },
  { key: "caregiver_pushes", chart: true },
  { key: "model_tokens_in", chart: false },
  { key: "model_tokens_out", chart: false },
] as const satisfies { key: Metric; chart: boolean }[];
type Charted = Extract<(typeof METRICS)[number], { chart: true }>["key"];

/** "2026-11" → the month before, "2026-10" (UTC months). */
function previousMonth(month: string): string {
  const [y, m] = month.split("-").map(Number);
  const d = new Date(Date.UTC(y, m - 2, 1));
  return d.toISOString().slice(0, 7);
}
/** "November 2026" ("noviembre de 2026"); `capital` starts it with a capital letter where it stands alone (Spanish months are lower case). */
function monthName(month: string, locale: Locale, capital = false): string {
  const name = new Intl.DateTimeFormat(intlTag(locale, "en-US"), { month: "long", year: "numeric", timeZone: "UTC" }).format(new Date(`${month}-01T00:00:00Z`));
  return capital ? name.charAt(0).toLocaleUpperCase(locale) + name.slice(1) : name;
}

/** The organization's metered usage for a month against the month before, the SMS cap, and the CSV for billing. */
export default signedInPage(async function UsagePage({ searchParams }: { searchParams: SearchParams }, { actor, now }) {
  const sp = await searchParams;
  const [t, locale] = await Promise.all([getTranslations("organization.usage"), getLocale()]);
  const numbers = new Intl.NumberFormat(intlTag(locale, "en-US"));
  const number = (n: number) => numbers.format(n);
  const { current: org } = await currentOrganization(actor);
  if (!org) return <NoOrganization />;
  const heading = (
    <SectionHeading
      title={t("title")}
      intro={t.rich("intro", { name: org.name, strong: (chunks) => <span className="font-semibold text-stone-900">{chunks}</span> })}
    />
  );
  const parsed = usageQuery.safeParse({ month: one(sp.month) || undefined });
  const monthError = parsed.success ? undefined : t("monthError");
  const month = (parsed.success && parsed.data.month) || now.toISOString().slice(0, 7);
  const before = previousMonth(month);

  let report: [UsageOutput, UsageOutput];
  try {
    const read = async (m: string) => (await usageReport(actor, org.id, { month: m, format: "json" }, now)) as UsageOutput;
    report = await Promise.all([read(month), read(before)]);
  } catch (err) {
    if (!(err instanceof Forbidden)) throw err;
    return (
      <>
        {heading}
        <OrganizationTabs current="usage" />
        <Card>
          <p className="text-xl font-semibold">{t("notManager")}</p>
          <p className="mt-2 text-stone-700">{t("askOwner", { name: org.name })}</p>
        </Card>
      </>
    );
  }
  const [cur, prev] = report;
  const cap = cur.monthly_sms_cap;
  const capShare = cap ? Math.min(100, Math.round((cur.sms_segments / cap) * 100)) : 0;
  const csv = `/api/v1/organizations/${org.id}/usage?month=${month}&format=csv`;
  return (
    <>
      {heading}
      <OrganizationTabs current="usage" />

      <form method="get" action="/settings/organization/usage" className="flex flex-wrap items-end gap-4">
        <TextField
          id="usage-month"
          name="month"
          type="month"
          label={t("month")}
          defaultValue={month}
          max={now.toISOString().slice(0, 7)}
          error={monthError}
          className="sm:max-w-xs"
        />
        <button type="submit" className={buttonClasses("secondary")}>
          {t("show")}
        </button>
      </form>

      <section aria-labelledby="usage-heading" className="space-y-4">
        <div className="flex flex-wrap items-center justify-between gap-4">
          <h2 id="usage-heading" className="text-2xl font-semibold">
            {monthName(month, locale, true)}
          </h2>
          <a href={csv} className={buttonClasses("secondary")} download>
            {t("csv", { month: monthName(month, locale) })}
          </a>
        </div>
        <Card>
          <table className="w-full text-left">
            <caption className="sr-only">{t("caption", { month: monthName(month, locale), before: monthName(before, locale) })}</caption>
            <thead>
              <tr className="border-b border-stone-300">
                <th scope="col" className="py-2 pr-4">
                  {t("what")}
                </th>
                <th scope="col" className="py-2 pr-4 text-right">
                  {monthName(month, locale, true)}
                </th>
                <th scope="col" className="py-2 pr-4 text-right">
                  {monthName(before, locale, true)}
                </th>
                <th scope="col" className="py-2 text-right">
                  {t("change")}
                </th>
              </tr>
            </thead>
            <tbody>
              {METRICS.map((m) => {
                const diff = cur[m.key] - prev[m.key];
                return (
                  <tr key={m.key} className="border-b border-stone-100">
                    <th scope="row" className="py-2 pr-4 font-medium">
                      {t(`metrics.${m.key}`)}
                    </th>
                    <td className="py-2 pr-4 text-right tabular-nums">{number(cur[m.key])}</td>
                    <td className="py-2 pr-4 text-right tabular-nums">{number(prev[m.key])}</td>
                    <td className="py-2 text-right tabular-nums">{diff === 0 ? t("noChange") : `${diff > 0 ? "+" : "−"}${number(Math.abs(diff))}`}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </Card>
        <Card>
          <h3 className="text-xl font-semibold">{t("chartTitle")}</h3>
          <p className="text-base text-stone-600">{t("chartText")}</p>
          <TrendChart
            data={METRICS.filter((m): m is Extract<(typeof METRICS)[number], { chart: true }> => m.chart).map((m) => ({
              metric: t(`short.${m.key as Charted}`),
              current: cur[m.key],
              previous: prev[m.key],
            }))}
            xKey="metric"
            series={[
              { key: "previous", name: monthName(before, locale, true), color: "#a8a29e" },
              { key: "current", name: monthName(month, locale, true), color: "#0f766e" },
            ]}
            kind="bar"
            xLabel={t("what")}
            yLabel={t("count")}
          />
        </Card>
      </section>

      <section aria-labelledby="cap-heading" className="space-y-4">
        <h2 id="cap-heading" className="text-2xl font-semibold">
          {t("capHeading")}
        </h2>
        <Card>
          {cap === null ? (
            <p className="text-stone-700">{t("noCap")}</p>
          ) : (
            <>
              <p className="text-lg">
                {t.rich("capUsed", {
                  used: number(cur.sms_segments),
                  cap: number(cap),
                  share: percent(capShare / 100, locale),
                  month: monthName(month, locale),
                  strong: (chunks) => <span className="font-semibold">{chunks}</span>,
                })}
              </p>
              <div aria-hidden="true" className="mt-3 h-4 w-full max-w-xl overflow-hidden rounded-full bg-stone-200">
                <div
                  className={`h-full ${cur.sms_cap_reached ? "bg-red-700" : capShare >= 80 ? "bg-amber-600" : "bg-teal-700"}`}
                  style={{ width: `${capShare}%` }}
                />
              </div>
              <p className="mt-3 max-w-prose text-stone-700">{cur.sms_cap_reached ? t("capReached") : t("capNotReached")}</p>
            </>
          )}
        </Card>
      </section>
    </>
  );
});
