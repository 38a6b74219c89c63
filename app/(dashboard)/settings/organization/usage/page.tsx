import type { Metadata } from "next";
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

export const metadata: Metadata = { title: "Usage" };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;
const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

type Metric = Exclude<keyof UsageOutput, "organization_id" | "month" | "monthly_sms_cap" | "sms_cap_reached">;
const METRICS: { key: Metric; label: string; chart: boolean }[] = [
  { key: "active_patients", label: "Active patients (phone heard from)", chart: true },
  { key: "sms_segments", label: "SMS segments", chart: true },
  { key: "call_minutes", label: "Call minutes", chart: true },
  { key: "emails", label: "Emails", chart: true },
  { key: "patient_pushes", label: "Pushes to patients’ phones", chart: true },
  { key: "caregiver_pushes", label: "Pushes to caregivers’ browsers", chart: true },
  { key: "model_tokens_in", label: "Model tokens in", chart: false },
  { key: "model_tokens_out", label: "Model tokens out", chart: false },
];
const SHORT: Partial<Record<Metric, string>> = {
  active_patients: "Patients",
  sms_segments: "SMS",
  call_minutes: "Call min",
  emails: "Emails",
  patient_pushes: "Patient push",
  caregiver_pushes: "Caregiver push",
};

/** "2026-11" → the month before, "2026-10" (UTC months). */
function previousMonth(month: string): string {
  const [y, m] = month.split("-").map(Number);
  const d = new Date(Date.UTC(y, m - 2, 1));
  return d.toISOString().slice(0, 7);
}
const monthName = (month: string) => new Date(`${month}-01T00:00:00Z`).toLocaleDateString("en-US", { month: "long", year: "numeric", timeZone: "UTC" });
const number = (n: number) => n.toLocaleString("en-US");

/** The organization's metered usage for a month against the month before, the SMS cap, and the CSV for billing. */
export default signedInPage(async function UsagePage({ searchParams }: { searchParams: SearchParams }, { actor, now }) {
  const sp = await searchParams;
  const { current: org } = await currentOrganization(actor);
  if (!org) return <NoOrganization />;
  const heading = (
    <SectionHeading
      title="Usage"
      intro={
        <>
          What <span className="font-semibold text-stone-900">{org.name}</span> used in a calendar month (UTC): the figures a billing system takes. Costs are
          not worked out here.
        </>
      }
    />
  );
  const parsed = usageQuery.safeParse({ month: one(sp.month) || undefined });
  const monthError = parsed.success ? undefined : "Choose a month, like 2026-11.";
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
          <p className="text-xl font-semibold">Only owners and admins of the whole organization see its usage.</p>
          <p className="mt-2 text-stone-700">Ask an owner of {org.name} if you need these figures.</p>
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
          label="Month"
          defaultValue={month}
          max={now.toISOString().slice(0, 7)}
          error={monthError}
          className="sm:max-w-xs"
        />
        <button type="submit" className={buttonClasses("secondary")}>
          Show
        </button>
      </form>

      <section aria-labelledby="usage-heading" className="space-y-4">
        <div className="flex flex-wrap items-center justify-between gap-4">
          <h2 id="usage-heading" className="text-2xl font-semibold">
            {monthName(month)}
          </h2>
          <a href={csv} className={buttonClasses("secondary")} download>
            Download CSV for {monthName(month)}
          </a>
        </div>
        <Card>
          <table className="w-full text-left">
            <caption className="sr-only">
              Usage in {monthName(month)} against {monthName(before)}
            </caption>
            <thead>
              <tr className="border-b border-stone-300">
                <th scope="col" className="py-2 pr-4">
                  What
                </th>
                <th scope="col" className="py-2 pr-4 text-right">
                  {monthName(month)}
                </th>
                <th scope="col" className="py-2 pr-4 text-right">
                  {monthName(before)}
                </th>
                <th scope="col" className="py-2 text-right">
                  Change
                </th>
              </tr>
            </thead>
            <tbody>
              {METRICS.map((m) => {
                const diff = cur[m.key] - prev[m.key];
                return (
                  <tr key={m.key} className="border-b border-stone-100">
                    <th scope="row" className="py-2 pr-4 font-medium">
                      {m.label}
                    </th>
                    <td className="py-2 pr-4 text-right tabular-nums">{number(cur[m.key])}</td>
                    <td className="py-2 pr-4 text-right tabular-nums">{number(prev[m.key])}</td>
                    <td className="py-2 text-right tabular-nums">{diff === 0 ? "no change" : `${diff > 0 ? "+" : "−"}${number(Math.abs(diff))}`}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </Card>
        <Card>
          <h3 className="text-xl font-semibold">Messages and patients, month against month</h3>
          <p className="text-base text-stone-600">The same figures as the table above (model tokens are left out of the picture: they are on another scale).</p>
          <TrendChart
            data={METRICS.filter((m) => m.chart).map((m) => ({ metric: SHORT[m.key] ?? m.label, current: cur[m.key], previous: prev[m.key] }))}
            xKey="metric"
            series={[
              { key: "previous", name: monthName(before), color: "#a8a29e" },
              { key: "current", name: monthName(month), color: "#0f766e" },
            ]}
            kind="bar"
            xLabel="What"
            yLabel="Count"
          />
        </Card>
      </section>

      <section aria-labelledby="cap-heading" className="space-y-4">
        <h2 id="cap-heading" className="text-2xl font-semibold">
          Monthly SMS cap
        </h2>
        <Card>
          {cap === null ? (
            <p className="text-stone-700">
              No monthly SMS cap is set: every message that should go by SMS does. An owner can set one in the organization settings.
            </p>
          ) : (
            <>
              <p className="text-lg">
                <span className="font-semibold">
                  {number(cur.sms_segments)} of {number(cap)} SMS segments used ({capShare}%)
                </span>{" "}
                in {monthName(month)}.
              </p>
              <div aria-hidden="true" className="mt-3 h-4 w-full max-w-xl overflow-hidden rounded-full bg-stone-200">
                <div
                  className={`h-full ${cur.sms_cap_reached ? "bg-red-700" : capShare >= 80 ? "bg-amber-600" : "bg-teal-700"}`}
                  style={{ width: `${capShare}%` }}
                />
              </div>
              <p className="mt-3 max-w-prose text-stone-700">
                {cur.sms_cap_reached
                  ? "The cap is reached: messages that are not critical go to caregivers by email or push instead. Critical alerts still go by SMS."
                  : "Owners are emailed at 80%. Past the cap, messages that are not critical go by email or push; critical alerts still go by SMS."}
              </p>
            </>
          )}
        </Card>
      </section>
    </>
  );
});
