import type { Metadata } from "next";
import Link from "next/link";
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

export const metadata: Metadata = { title: "Audit trail" };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;
const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v) || undefined;
const HERE = "/settings/organization/audit";
const dayStart = (d: string | undefined) => (d && /^\d{4}-\d{2}-\d{2}$/.test(d) ? `${d}T00:00:00.000Z` : undefined);
const dayAfter = (d: string | undefined) => (dayStart(d) ? new Date(Date.parse(dayStart(d)!) + 86_400_000).toISOString() : undefined);
const inputClass = "block min-h-12 w-full rounded-lg border-2 border-stone-500 bg-white px-3 text-lg";

/** The organization's audit trail (owners and admins): a GET form of filters, pages, the API's JSON and CSV links, and the chain check. */
export default signedInPage(async function AuditTrailPage({ searchParams }: { searchParams: SearchParams }, { actor, now }) {
  const sp = await searchParams;
  const { current: org } = await currentOrganization(actor);
  if (!org) return <NoOrganization />;
  const f = { patient_id: one(sp.patient_id), actor_id: one(sp.actor_id), action: one(sp.action), from: one(sp.from), to: one(sp.to) };
  const header = (
    <>
      <SectionHeading
        title="Audit trail"
        intro={<>Who read or changed what in {org.name}, newest first. Dates are in UTC; without dates, the last 30 days.</>}
      />
      <OrganizationTabs current="audit" />
    </>
  );
  if (org.role !== "owner" && org.role !== "admin") {
    return (
      <>
        {header}
        <p className="text-stone-700">Only owners and admins can read the audit trail.</p>
      </>
    );
  }
  const apiFilters = { patient_id: f.patient_id, actor_id: f.actor_id, action: f.action, from: dayStart(f.from), to: dayAfter(f.to) };
  const parsed = auditExportQuery.safeParse({ ...apiFilters, limit: 25, cursor: one(sp.cursor) });
  let page: {
    items: { id: string; created_at: string; actor_id: string | null; actor_type: string; action: string; target_type: string; patient_id: string | null }[];
    next_cursor: string | null;
  } | null = null;
  let problem: string | null = parsed.success ? null : "Some filters could not be read. Check them and try again.";
  if (parsed.success) {
    try {
      const r = await exportAuditEvents(actor, org.id, parsed.data, now);
      if (!(r instanceof Response)) page = r;
    } catch (err) {
      if (!(err instanceof AppError)) throw err;
      problem = err.message;
      const errors = (err.extra as { errors?: { message: string }[] }).errors;
      if (errors?.length) problem = errors.map((e) => e.message).join(" ");
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
      <form method="get" action={HERE} className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3" aria-label="Filter the audit trail">
        <div>
          <label htmlFor="audit-patient" className="font-semibold">
            Patient
          </label>
          <select id="audit-patient" name="patient_id" defaultValue={f.patient_id ?? ""} className={inputClass}>
            <option value="">Any patient</option>
            {patients.map((p) => (
              <option key={p.id} value={p.id}>
                {p.firstName} {p.lastName}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="audit-actor" className="font-semibold">
            Who
          </label>
          <select id="audit-actor" name="actor_id" defaultValue={f.actor_id ?? ""} className={inputClass}>
            <option value="">Anyone</option>
            {members.map((m) => (
              <option key={m.caregiver_id} value={m.caregiver_id}>
                {m.first_name} {m.last_name}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="audit-action" className="font-semibold">
            Action
          </label>
          <input id="audit-action" name="action" defaultValue={f.action ?? ""} placeholder="for example patient.viewed" className={inputClass} />
        </div>
        <div>
          <label htmlFor="audit-from" className="font-semibold">
            From (UTC)
          </label>
          <input id="audit-from" name="from" type="date" defaultValue={f.from ?? ""} className={inputClass} />
        </div>
        <div>
          <label htmlFor="audit-to" className="font-semibold">
            To (UTC, included)
          </label>
          <input id="audit-to" name="to" type="date" defaultValue={f.to ?? ""} className={inputClass} />
        </div>
        <div className="flex items-end gap-3">
          <button type="submit" className={buttonClasses("primary")}>
            Show events
          </button>
          <Link href={HERE} className={buttonClasses("quiet")}>
            Clear
          </Link>
        </div>
      </form>

      <p className="flex flex-wrap gap-3">
        <a href={api("csv")} className={buttonClasses("secondary")}>
          Download these events as CSV
        </a>
        <a href={api("json")} className={buttonClasses("secondary")}>
          Open as JSON
        </a>
        <Link href={`${HERE}?${qs({ verify: "1" })}`} className={buttonClasses("secondary")}>
          Check the tamper-evident chain
        </Link>
      </p>

      {verify && (
        <p
          role="status"
          className={`rounded-xl border-2 p-4 font-semibold ${verify.ok ? "border-teal-700 bg-teal-50 text-teal-950" : "border-red-700 bg-red-50 text-red-950"}`}
        >
          {verify.ok
            ? `The audit chain holds: ${verify.verified} sealed events checked${verify.unsealed ? `, ${verify.unsealed} newer ones not sealed yet (sealing runs every minute)` : ""}.`
            : `The audit chain is broken at event ${verify.first_broken?.sequence} (${verify.first_broken?.reason.replaceAll("_", " ")}). Keep an export and tell your security contact.`}
        </p>
      )}

      {problem && (
        <p role="alert" className="rounded-xl border-2 border-red-700 bg-red-50 p-4 font-semibold text-red-950">
          {problem}
        </p>
      )}
      {page && page.items.length === 0 && <p className="text-stone-700">No audit events match these filters.</p>}
      {page && page.items.length > 0 && (
        <div className="overflow-x-auto">
          <table className="w-full text-left text-base">
            <caption className="sr-only">Audit events</caption>
            <thead>
              <tr className="border-b-2 border-stone-300">
                <th scope="col" className="p-2">
                  When (UTC)
                </th>
                <th scope="col" className="p-2">
                  Who
                </th>
                <th scope="col" className="p-2">
                  Action
                </th>
                <th scope="col" className="p-2">
                  About
                </th>
              </tr>
            </thead>
            <tbody>
              {page.items.map((e) => (
                <tr key={e.id} className="border-b border-stone-200">
                  <td className="p-2">{formatDateTime(e.created_at, "UTC")}</td>
                  <td className="p-2">{e.actor_id ? (who.get(e.actor_id) ?? `${e.actor_type} ${e.actor_id.slice(0, 8)}`) : e.actor_type}</td>
                  <td className="p-2 font-mono">{e.action}</td>
                  <td className="p-2">{e.patient_id ? (patientName.get(e.patient_id) ?? "a patient no longer here") : e.target_type}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {page?.next_cursor && (
        <Link href={`${HERE}?${qs({ cursor: page.next_cursor })}`} className={buttonClasses("secondary")}>
          Older events
        </Link>
      )}
    </>
  );
});
