import type { Metadata } from "next";
import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
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

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("transfers"))("metaTitle") };
}

type SearchParams = Promise<Record<string, string | string[] | undefined>>;
type Transfer = Awaited<ReturnType<typeof listTransfers>>["items"][number];
const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

const DONE = ["accepted", "declined", "withdrawn"] as const;
const TONE: Record<Transfer["status"], string> = {
  pending: "bg-sky-50 text-sky-900",
  accepted: "bg-teal-50 text-teal-900",
  declined: "bg-stone-100 text-stone-800",
  expired: "bg-amber-50 text-amber-900",
  withdrawn: "bg-stone-100 text-stone-800",
};
const place = (s: Transfer["from"]) => (s.facility_name ? `${s.organization_name} (${s.facility_name})` : s.organization_name);
/** Pending first, then newest first (the domain's order). */
const pendingFirst = (items: Transfer[]) => [...items.filter((x) => x.status === "pending"), ...items.filter((x) => x.status !== "pending")];

/** Patient transfers in and out of the current organization; its admins accept or decline the ones coming in. */
export default signedInPage(async function TransfersPage({ searchParams }: { searchParams: SearchParams }, { actor, now }) {
  const sp = await searchParams;
  const [t, locale] = await Promise.all([getTranslations("transfers"), getLocale()]);
  const { current: org } = await currentOrganization(actor);
  if (!org) return <NoOrganization />;
  const doneKey = one(sp.done) ?? "";
  const heading = (
    <SectionHeading
      title={t("title")}
      intro={t.rich("intro", { name: org.name, strong: (chunks) => <span className="font-semibold text-stone-900">{chunks}</span> })}
      saved={(DONE as readonly string[]).includes(doneKey) ? t(`done.${doneKey as (typeof DONE)[number]}`) : undefined}
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
          <p className="text-xl font-semibold">{t("notManager")}</p>
        </Card>
      </>
    );
  }
  const incoming = pendingFirst(items.filter((x) => x.to.organization_id === org.id));
  const outgoing = pendingFirst(items.filter((x) => x.from.organization_id === org.id));
  const accepting = incoming.find((x) => x.id === one(sp.accept) && x.status === "pending");
  const declining = incoming.find((x) => x.id === one(sp.decline) && x.status === "pending");
  const withdrawing = outgoing.find((x) => x.id === one(sp.withdraw) && x.status === "pending");
  const members = accepting ? (await listMembers(actor, org.id)).items.map((m) => ({ id: m.caregiver_id, name: `${m.first_name} ${m.last_name}` })) : [];
  const cancelHref = "/settings/organization/transfers";

  const card = (tr: Transfer, side: "in" | "out") => (
    <li key={tr.id} className="rounded-xl border border-stone-200 bg-white p-6 shadow-sm">
      <div className="flex flex-wrap items-start justify-between gap-4">
        <div>
          <h3 className="text-xl font-semibold">{tr.patient_name}</h3>
          <p className="text-base text-stone-700">{t("fromTo", { from: place(tr.from), to: place(tr.to) })}</p>
          <p className="text-base text-stone-600">
            {t("askedBy", { name: tr.requested_by?.name ?? t("formerMember"), date: formatDate(tr.created_at.slice(0, 10), "UTC", locale) })}
            {tr.status === "pending" && ` · ${t("answerBy", { date: formatDate(tr.expires_at.slice(0, 10), "UTC", locale) })}`}
            {tr.decided_by && ` · ${t("decidedBy", { status: tr.status, name: tr.decided_by.name })}`}
          </p>
          {tr.note && <p className="mt-1 max-w-prose text-stone-800">{t("note", { note: tr.note })}</p>}
        </div>
        <p className={`rounded-full px-3 py-1 text-base font-semibold ${TONE[tr.status]}`}>{t(`status.${tr.status}`)}</p>
      </div>
      {side === "in" && tr.status === "pending" && (
        <div className="mt-4 flex flex-wrap gap-3 border-t border-stone-200 pt-4">
          <Link href={`${cancelHref}?accept=${tr.id}#accept`} className={buttonClasses("secondary")}>
            {t("accept")}
            <span className="sr-only"> {tr.patient_name}</span>
          </Link>
          <Link href={`${cancelHref}?decline=${tr.id}#decline`} className={buttonClasses("danger-quiet")}>
            {t("decline")}
            <span className="sr-only"> {tr.patient_name}</span>
          </Link>
        </div>
      )}
      {side === "out" && tr.status === "pending" && (
        <div className="mt-4 flex flex-wrap gap-3 border-t border-stone-200 pt-4">
          <Link href={`${cancelHref}?withdraw=${tr.id}#withdraw`} className={buttonClasses("danger-quiet")}>
            {t("withdraw")}
            <span className="sr-only"> {t("withdrawOf", { name: tr.patient_name })}</span>
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
          title={t("declineTitle", { name: declining.patient_name })}
          action={declineTransferAction}
          fields={{ transfer_id: declining.id }}
          confirmText={t("declineConfirm")}
          pendingText={t("declining")}
          cancelHref={cancelHref}
        >
          <p>{t("declineText", { name: declining.patient_name, from: place(declining.from) })}</p>
        </ConfirmStep>
      )}

      {withdrawing && (
        <ConfirmStep
          id="withdraw"
          title={t("withdrawTitle", { name: withdrawing.patient_name })}
          action={withdrawTransferAction}
          fields={{ transfer_id: withdrawing.id }}
          confirmText={t("withdrawConfirm")}
          pendingText={t("withdrawing")}
          cancelHref={cancelHref}
        >
          <p>{t("withdrawText", { name: withdrawing.patient_name, from: place(withdrawing.from), to: place(withdrawing.to) })}</p>
        </ConfirmStep>
      )}

      <section aria-labelledby="in-heading" className="space-y-4">
        <h2 id="in-heading" className="text-2xl font-semibold">
          {t("incoming")}
        </h2>
        {incoming.length === 0 ? (
          <p className="text-stone-700">{t("noneIn", { name: org.name })}</p>
        ) : (
          <ul className="space-y-4">{incoming.map((t) => card(t, "in"))}</ul>
        )}
      </section>
      <section aria-labelledby="out-heading" className="space-y-4">
        <h2 id="out-heading" className="text-2xl font-semibold">
          {t("outgoing")}
        </h2>
        {outgoing.length === 0 ? (
          <p className="text-stone-700">{t("noneOut", { name: org.name })}</p>
        ) : (
          <ul className="space-y-4">{outgoing.map((t) => card(t, "out"))}</ul>
        )}
      </section>
    </>
  );
});
