import type { Metadata } from "next";
import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/api/errors";
import { exportAuditEvents } from "@/lib/audit/export-audit";
import { verifyOrganizationAuditChain } from "@/lib/audit/verify-audit-chain";
import { auditExportQuery } from "@/lib/audit/schemas";
import { listMembers } from "@/lib/orgs/organizations";
import { signedInPage } from "@/app/_server/page";
import { currentOrganization } from "@/app/_server/current-organization";
import { formatDateTime } from "@/lib/dashboard/format";
import { buttonClasses } from "@/components/ui/button";
import { SectionHeading } from "@/components/settings/section-heading";
import { OrganizationTabs } from "@/components/settings/organization-tabs";
import { NoOrganization } from "@/components/settings/no-organization";
import { translateServerMessage } from "@/lib/i18n/server-messages";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("organization.audit"))("metaTitle") };
}

type SearchParams = Promise<Record<string, string | string[] | undefined>>;
const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v) || undefined;
const HERE = "/settings/organization/audit";
const dayStart = (d: string | undefined) => (d && /^\d{4}-\d{2}-\d{2}$/.test(d) ? `${d}T00:00:00.000Z` : undefined);
const dayAfter = (d: string | undefined) => (dayStart(d) ? new Date(Date.parse(dayStart(d)!) + 86_400_000).toISOString() : undefined);
const inputClass = "block min-h-12 w-full rounded-lg border-2 border-stone-500 bg-white px-3 text-lg";

/** The organization's audit trail (owners and admins): a GET form of filters, pages, the API's JSON and CSV links, and the chain check. */
export default signedInPage(async function AuditTrailPage({ searchParams }: { searchParams: SearchParams }, { actor, now }) {
  const sp = await searchParams;
  const [t, actions, locale] = await Promise.all([getTranslations("organization.audit"), getTranslations("auditActions"), getLocale()]);
  const { current: org } = await currentOrganization(actor);
  if (!org) return <NoOrganization />;
  const f = { patient_id: one(sp.patient_id), actor_id: one(sp.actor_id), action: one(sp.action), from: one(sp.from), to: one(sp.to) };
  const header = (
    <>
      <SectionHeading title={t("title")} intro={t("intro", { name: org.name })} />
      <OrganizationTabs current="audit" />
    </>
  );
  if (org.role !== "owner" && org.role !== "admin") {
    return (
      <>
        {header}
        <p className="text-stone-700">{t("notManager")}</p>
      </>
    );
  }
  const apiFilters = { patient_id: f.patient_id, actor_id: f.actor_id, action: f.action, from: dayStart(f.from), to: dayAfter(f.to) };
  const parsed = auditExportQuery.safeParse({ ...apiFilters, limit: 25, cursor: one(sp.cursor) });
  let page: {
    items: { id: string; created_at: string; actor_id: string | null; actor_type: string; action: string; target_type: string; patient_id: string | null }[];
    next_cursor: string | null;
  } | null = null;
  let problem: string | null = parsed.success ? null : t("badFilters");
  if (parsed.success) {
    try {
      const r = await exportAuditEvents(actor, org.id, parsed.data, now);
      if (!(r instanceof Response)) page = r;
    } catch (err) {
      if (!(err instanceof AppError)) throw err;
      problem = translateServerMessage(err.message, locale);
      const errors = (err.extra as { errors?: { message: string }[] }).errors;
      if (errors?.length) problem = errors.map((e) => translateServerMessage(e.message, locale)).join(" ");
    }
  }
  const verify = one(sp.verify) === "1" ? await verifyOrganizationAuditChain(actor, org.id, now) : null;
  const [{ items: members }, patients] = await Promise.all([
    listMembers(actor, org.id),
    db.patient.findMany({
      where: { organizationId: org.id },
      select: { id: true, firstName: true, lastName: true },
      orderBy: [{ lastName: "asc" }, { firstName: "asc" }],
    }),
  ]);
  const who = new Map(members.map((m) => [m.caregiver_id, `${m.first_name} ${m.last_name}`]));
  const patientName = new Map(patients.map((p) => [p.id, `${p.firstName} ${p.lastName}`]));
  const qs = (extra: Record<string, string | undefined>) =>
    new URLSearchParams(Object.entries({ ...f, ...extra }).filter((e): e is [string, string] => !!e[1])).toString();
  const api = (format: "json" | "csv") =>
    `/api/v1/organizations/${org.id}/audit-events?${new URLSearchParams(Object.entries({ ...apiFilters, format }).filter((e): e is [string, string] => !!e[1]))}`;

  return (
    <>
      {header}
      <form method="get" action={HERE} className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3" aria-label={t("filterLabel")}>
        <div>
          <label htmlFor="audit-patient" className="font-semibold">
            {t("patient")}
          </label>
          <select id="audit-patient" name="patient_id" defaultValue={f.patient_id ?? ""} className={inputClass}>
            <option value="">{t("anyPatient")}</option>
            {patients.map((p) => (
              <option key={p.id} value={p.id}>
                {p.firstName} {p.lastName}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="audit-actor" className="font-semibold">
            {t("who")}
          </label>
          <select id="audit-actor" name="actor_id" defaultValue={f.actor_id ?? ""} className={inputClass}>
            <option value="">{t("anyone")}</option>
            {members.map((m) => (
              <option key={m.caregiver_id} value={m.caregiver_id}>
                {m.first_name} {m.last_name}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="audit-action" className="font-semibold">
            {t("action")}
          </label>
          <input id="audit-action" name="action" defaultValue={f.action ?? ""} placeholder={t("actionPlaceholder")} className={inputClass} />
        </div>
        <div>
          <label htmlFor="audit-from" className="font-semibold">
            {t("from")}
          </label>
          <input id="audit-from" name="from" type="date" defaultValue={f.from ?? ""} className={inputClass} />
        </div>
        <div>
          <label htmlFor="audit-to" className="font-semibold">
            {t("to")}
          </label>
          <input id="audit-to" name="to" type="date" defaultValue={f.to ?? ""} className={inputClass} />
        </div>
        <div className="flex items-end gap-3">
          <button type="submit" className={buttonClasses("primary")}>
            {t("show")}
          </button>
          <Link href={HERE} className={buttonClasses("quiet")}>
            {t("clear")}
          </Link>
        </div>
      </form>

      <p className="flex flex-wrap gap-3">
        <a href={api("csv")} className={buttonClasses("secondary")}>
          {t("csv")}
        </a>
        <a href={api("json")} className={buttonClasses("secondary")}>
          {t("json")}
        </a>
        <Link href={`${HERE}?${qs({ verify: "1" })}`} className={buttonClasses("secondary")}>
          {t("verify")}
        </Link>
      </p>

      {verify && (
        <p
          role="status"
          className={`rounded-xl border-2 p-4 font-semibold ${verify.ok ? "border-teal-700 bg-teal-50 text-teal-950" : "border-red-700 bg-red-50 text-red-950"}`}
        >
          {verify.ok
            ? verify.unsealed
              ? t("chainHoldsUnsealed", { verified: verify.verified, unsealed: verify.unsealed })
              : t("chainHolds", { verified: verify.verified })
            : t("chainBroken", { sequence: String(verify.first_broken?.sequence), reason: verify.first_broken?.reason ?? "unknown" })}
        </p>
      )}

      {problem && (
        <p role="alert" className="rounded-xl border-2 border-red-700 bg-red-50 p-4 font-semibold text-red-950">
          {problem}
        </p>
      )}
      {page && page.items.length === 0 && <p className="text-stone-700">{t("none")}</p>}
      {page && page.items.length > 0 && (
        <div className="overflow-x-auto">
          <table className="w-full text-left text-base">
            <caption className="sr-only">{t("caption")}</caption>
            <thead>
              <tr className="border-b-2 border-stone-300">
                <th scope="col" className="p-2">
                  {t("when")}
                </th>
                <th scope="col" className="p-2">
                  {t("who")}
                </th>
                <th scope="col" className="p-2">
                  {t("action")}
                </th>
                <th scope="col" className="p-2">
                  {t("about")}
                </th>
              </tr>
            </thead>
            <tbody>
              {page.items.map((e) => (
                <tr key={e.id} className="border-b border-stone-200">
                  <td className="p-2">{formatDateTime(e.created_at, "UTC", locale)}</td>
                  <td className="p-2">
                    {e.actor_id
                      ? (who.get(e.actor_id) ?? `${t("actorType", { type: e.actor_type })} ${e.actor_id.slice(0, 8)}`)
                      : t("actorType", { type: e.actor_type })}
                  </td>
                  <td className="p-2">
                    {actions.has(e.action as never) ? actions(e.action as never) : e.action}
                    {/* the code itself, as the filter above and the export take it */}
                    <span className="block font-mono text-sm text-stone-600">{e.action}</span>
                  </td>
                  <td className="p-2">{e.patient_id ? (patientName.get(e.patient_id) ?? t("patientGone")) : t("targetType", { type: e.target_type })}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {page?.next_cursor && (
        <Link href={`${HERE}?${qs({ cursor: page.next_cursor })}`} className={buttonClasses("secondary")}>
          {t("older")}
        </Link>
      )}
    </>
  );
});
