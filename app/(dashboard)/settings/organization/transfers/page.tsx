import type { Metadata } from "next";
import Link from "next/link";
import { Forbidden } from "@/lib/api/errors";
import { listTransfers } from "@/lib/transfers/transfers";
import { listMembers } from "@/lib/orgs/organizations";
import { signedInPage } from "@/app/_server/page";
import { currentOrganization } from "@/app/_server/current-organization";
import { formatDate } from "@/lib/dashboard/format";
import { buttonClasses } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { ConfirmStep } from "@/components/forms/confirm-step";
import { SectionHeading } from "@/components/settings/section-heading";
import { OrganizationTabs } from "@/components/settings/organization-tabs";
import { NoOrganization } from "@/components/settings/no-organization";
import { AcceptTransferForm } from "@/components/transfers/accept-transfer-form";
import { acceptTransferAction, declineTransferAction, withdrawTransferAction } from "./actions";

export const metadata: Metadata = { title: "Transfers" };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;
type Transfer = Awaited<ReturnType<typeof listTransfers>>["items"][number];
const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

const DONE: Record<string, string> = {
  accepted: "The transfer has been accepted: the patient is now here.",
  declined: "The transfer has been declined: the patient stays where they are.",
  withdrawn: "The transfer has been withdrawn: the patient stays here.",
};
const STATUS: Record<Transfer["status"], { label: string; tone: string }> = {
  pending: { label: "Waiting for an answer", tone: "bg-sky-50 text-sky-900" },
  accepted: { label: "Accepted", tone: "bg-teal-50 text-teal-900" },
  declined: { label: "Declined", tone: "bg-stone-100 text-stone-800" },
  expired: { label: "Expired", tone: "bg-amber-50 text-amber-900" },
  withdrawn: { label: "Withdrawn", tone: "bg-stone-100 text-stone-800" },
};
const place = (s: Transfer["from"]) => (s.facility_name ? `${s.organization_name} (${s.facility_name})` : s.organization_name);
/** Pending first, then newest first (the domain's order). */
const pendingFirst = (items: Transfer[]) => [...items.filter((t) => t.status === "pending"), ...items.filter((t) => t.status !== "pending")];

/** Patient transfers in and out of the current organization; its admins accept or decline the ones coming in. */
export default signedInPage(async function TransfersPage({ searchParams }: { searchParams: SearchParams }, { actor, now }) {
  const sp = await searchParams;
  const { current: org } = await currentOrganization(actor);
  if (!org) return <NoOrganization />;
  const doneKey = one(sp.done) ?? "";
  const heading = (
    <SectionHeading
      title="Transfers"
      intro={
        <>
          Patients moving into or out of <span className="font-semibold text-stone-900">{org.name}</span> or between its facilities. An admin of the destination
          accepts or declines within 7 days; a transfer is asked for from the patient’s Overview, and withdrawn here while it waits.
        </>
      }
      saved={Object.hasOwn(DONE, doneKey) ? DONE[doneKey] : undefined}
    />
  );
  let items: Transfer[];
  try {
    items = (await listTransfers(actor, org.id, {}, now)).items;
  } catch (err) {
    if (!(err instanceof Forbidden)) throw err;
    return (
      <>
        {heading}
        <OrganizationTabs current="transfers" />
        <Card>
          <p className="text-xl font-semibold">Only owners and admins see and answer transfers.</p>
        </Card>
      </>
    );
  }
  const incoming = pendingFirst(items.filter((t) => t.to.organization_id === org.id));
  const outgoing = pendingFirst(items.filter((t) => t.from.organization_id === org.id));
  const accepting = incoming.find((t) => t.id === one(sp.accept) && t.status === "pending");
  const declining = incoming.find((t) => t.id === one(sp.decline) && t.status === "pending");
  const withdrawing = outgoing.find((t) => t.id === one(sp.withdraw) && t.status === "pending");
  const members = accepting ? (await listMembers(actor, org.id)).items.map((m) => ({ id: m.caregiver_id, name: `${m.first_name} ${m.last_name}` })) : [];
  const cancelHref = "/settings/organization/transfers";

  const card = (t: Transfer, side: "in" | "out") => (
    <li key={t.id} className="rounded-xl border border-stone-200 bg-white p-6 shadow-sm">
      <div className="flex flex-wrap items-start justify-between gap-4">
        <div>
          <h3 className="text-xl font-semibold">{t.patient_name}</h3>
          <p className="text-base text-stone-700">
            From {place(t.from)} to {place(t.to)}
          </p>
          <p className="text-base text-stone-600">
            Asked by {t.requested_by?.name ?? "a former member"} on {formatDate(t.created_at.slice(0, 10))}
            {t.status === "pending" && ` · answer by ${formatDate(t.expires_at.slice(0, 10))}`}
            {t.decided_by && ` · ${t.status} by ${t.decided_by.name}`}
          </p>
          {t.note && <p className="mt-1 max-w-prose text-stone-800">“{t.note}”</p>}
        </div>
        <p className={`rounded-full px-3 py-1 text-base font-semibold ${STATUS[t.status].tone}`}>{STATUS[t.status].label}</p>
      </div>
      {side === "in" && t.status === "pending" && (
        <div className="mt-4 flex flex-wrap gap-3 border-t border-stone-200 pt-4">
          <Link href={`${cancelHref}?accept=${t.id}#accept`} className={buttonClasses("secondary")}>
            Accept<span className="sr-only"> {t.patient_name}</span>
          </Link>
          <Link href={`${cancelHref}?decline=${t.id}#decline`} className={buttonClasses("danger-quiet")}>
            Decline<span className="sr-only"> {t.patient_name}</span>
          </Link>
        </div>
      )}
      {side === "out" && t.status === "pending" && (
        <div className="mt-4 flex flex-wrap gap-3 border-t border-stone-200 pt-4">
          <Link href={`${cancelHref}?withdraw=${t.id}#withdraw`} className={buttonClasses("danger-quiet")}>
            Withdraw<span className="sr-only"> the transfer of {t.patient_name}</span>
          </Link>
        </div>
      )}
    </li>
  );

  return (
    <>
      {heading}
      <OrganizationTabs current="transfers" />

      {accepting && (
        <AcceptTransferForm
          action={acceptTransferAction}
          transferId={accepting.id}
          patientName={accepting.patient_name}
          members={members}
          cancelHref={cancelHref}
        />
      )}
      {declining && (
        <ConfirmStep
          id="decline"
          title={`Decline the transfer of ${declining.patient_name}?`}
          action={declineTransferAction}
          fields={{ transfer_id: declining.id }}
          confirmText="Yes, decline it"
          pendingText="Declining…"
          cancelHref={cancelHref}
        >
          <p>
            {declining.patient_name} stays with {place(declining.from)}. They can ask again later.
          </p>
        </ConfirmStep>
      )}

      {withdrawing && (
        <ConfirmStep
          id="withdraw"
          title={`Withdraw the transfer of ${withdrawing.patient_name}?`}
          action={withdrawTransferAction}
          fields={{ transfer_id: withdrawing.id }}
          confirmText="Yes, withdraw it"
          pendingText="Withdrawing…"
          cancelHref={cancelHref}
        >
          <p>
            {withdrawing.patient_name} stays with {place(withdrawing.from)}, and {place(withdrawing.to)} can no longer accept. You can ask again later.
          </p>
        </ConfirmStep>
      )}

      <section aria-labelledby="in-heading" className="space-y-4">
        <h2 id="in-heading" className="text-2xl font-semibold">
          Coming in
        </h2>
        {incoming.length === 0 ? (
          <p className="text-stone-700">No transfers into {org.name}.</p>
        ) : (
          <ul className="space-y-4">{incoming.map((t) => card(t, "in"))}</ul>
        )}
      </section>
      <section aria-labelledby="out-heading" className="space-y-4">
        <h2 id="out-heading" className="text-2xl font-semibold">
          Going out
        </h2>
        {outgoing.length === 0 ? (
          <p className="text-stone-700">No transfers out of {org.name}.</p>
        ) : (
          <ul className="space-y-4">{outgoing.map((t) => card(t, "out"))}</ul>
        )}
      </section>
    </>
  );
});
