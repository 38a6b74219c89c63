import type { Metadata } from "next";
import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { listInvitations } from "@/lib/invitations/invitations";
import { listMembers } from "@/lib/orgs/organizations";
import { listPatients } from "@/lib/patients/list-patients";
import { listPatientsQuery } from "@/lib/patients/schemas";
import { signedInPage } from "@/app/_server/page";
import { currentOrganization } from "@/app/_server/current-organization";
import { formatDate } from "@/lib/dashboard/format";
import { buttonClasses } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { ActionButton } from "@/components/forms/action-button";
import { ConfirmStep } from "@/components/forms/confirm-step";
import { SectionHeading } from "@/components/settings/section-heading";
import { OrganizationTabs } from "@/components/settings/organization-tabs";
import { NoOrganization } from "@/components/settings/no-organization";
import { InviteForm } from "@/components/invitations/invite-form";
import { inviteAction, resendAction, revokeAction } from "./actions";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("invitations"))("metaTitle") };
}

type SearchParams = Promise<Record<string, string | string[] | undefined>>;
const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

const DONE = ["sent", "resent", "revoked"] as const;
const TONE: Record<string, string> = {
  pending: "bg-sky-50 text-sky-900",
  accepted: "bg-teal-50 text-teal-900",
  revoked: "bg-stone-100 text-stone-800",
  expired: "bg-amber-50 text-amber-900",
};

export default signedInPage(async function InvitationsPage({ searchParams }: { searchParams: SearchParams }, { actor, now }) {
  const sp = await searchParams;
  const [t, labels, locale] = await Promise.all([getTranslations("invitations"), getTranslations("labels"), getLocale()]);
  const doneKey = one(sp.done) ?? "";
  const { current: org } = await currentOrganization(actor);
  if (!org) return <NoOrganization />;
  const { items: members } = await listMembers(actor, org.id);
  const mine = members.find((m) => m.caregiver_id === actor.caregiverId);
  const invites = org.role === "owner" || org.role === "admin";
  const wholeOrg = org.role === "owner" || (org.role === "admin" && (mine?.facility_ids.length ?? 0) === 0);
  const heading = (
    <SectionHeading
      title={t("title")}
      intro={t.rich("intro", { name: org.name, strong: (chunks) => <span className="font-semibold text-stone-900">{chunks}</span> })}
      saved={(DONE as readonly string[]).includes(doneKey) ? t(`done.${doneKey as (typeof DONE)[number]}`) : undefined}
    />
  );
  if (!invites) {
    return (
      <>
        {heading}
        <OrganizationTabs current="invitations" />
        <p className="text-stone-700">{t("notManager")}</p>
      </>
    );
  }
  const [{ items }, { items: patients }] = await Promise.all([
    listInvitations(actor, org.id, undefined, now),
    listPatients(actor, listPatientsQuery.parse({ organization_id: org.id, limit: "100", sort: "name", order: "asc" }), now),
  ]);
  const patientName = new Map(patients.map((p) => [p.id, `${p.first_name} ${p.last_name}`]));
  const revoking = items.find((i) => i.id === one(sp.revoke) && i.status !== "accepted" && i.status !== "revoked");
  const roles = (wholeOrg ? (["member", "admin"] as const) : (["member"] as const)).map((r) => ({ value: r, label: labels(`orgRole.${r}`) }));
  return (
    <>
      {heading}
      <OrganizationTabs current="invitations" />

      {revoking && (
        <ConfirmStep
          id="revoke"
          title={t("revokeTitle", { whom: revoking.email ?? revoking.phone_number ?? "" })}
          action={revokeAction}
          fields={{ invitation_id: revoking.id }}
          confirmText={t("revokeConfirm")}
          pendingText={t("revoking")}
          cancelHref="/settings/organization/invitations"
        >
          <p>{t("revokeText")}</p>
        </ConfirmStep>
      )}

      <section aria-labelledby="invite-heading" className="space-y-4">
        <h2 id="invite-heading" className="text-2xl font-semibold">
          {t("inviteHeading")}
        </h2>
        <Card>
          <InviteForm
            key={one(sp.n) ?? ""}
            action={inviteAction}
            organizationId={org.id}
            roles={roles}
            patients={patients.map((p) => ({ id: p.id, name: `${p.first_name} ${p.last_name}` }))}
          />
        </Card>
      </section>

      <section aria-labelledby="sent-heading" className="space-y-4">
        <h2 id="sent-heading" className="text-2xl font-semibold">
          {t("sentHeading")}
        </h2>
        {items.length === 0 && <p className="text-stone-700">{t("none")}</p>}
        <ul className="space-y-4">
          {items.map((i) => {
            const whom = i.email ?? i.phone_number ?? "";
            const open = i.status === "pending" || i.status === "expired";
            return (
              <li key={i.id} className="rounded-xl border border-stone-200 bg-white p-6 shadow-sm">
                <div className="flex flex-wrap items-start justify-between gap-4">
                  <div>
                    <h3 className="text-xl font-semibold">{whom}</h3>
                    <p className="text-base text-stone-700">
                      {i.patient_id && i.standing
                        ? t("invitedByForPatient", {
                            name: i.invited_by?.name ?? t("formerMember"),
                            role: i.role,
                            standing: i.standing,
                            patient: patientName.get(i.patient_id) ?? t("aPatient"),
                          })
                        : t("invitedBy", { name: i.invited_by?.name ?? t("formerMember"), role: i.role })}
                    </p>
                    <p className="text-base text-stone-600">
                      {t("sent", { date: formatDate(i.sent_at.slice(0, 10), "UTC", locale), count: i.send_count, channel: i.channel })}
                      {i.status === "pending" && ` · ${t("worksUntil", { date: formatDate(i.expires_at.slice(0, 10), "UTC", locale) })}`}
                      {i.accepted_by && ` · ${t("acceptedBy", { name: i.accepted_by.name })}`}
                    </p>
                  </div>
                  <p className={`rounded-full px-3 py-1 text-base font-semibold ${TONE[i.status]}`}>{t(`status.${i.status}`)}</p>
                </div>
                {open && (
                  <div className="mt-4 flex flex-wrap gap-3 border-t border-stone-200 pt-4">
                    <ActionButton action={resendAction} fields={{ invitation_id: i.id }} pendingText={t("sending")} variant="secondary">
                      {t("resend", { whom })}
                    </ActionButton>
                    {i.status === "pending" && (
                      <Link
                        href={`/settings/organization/invitations?revoke=${i.id}#revoke`}
                        className={buttonClasses("danger-quiet")}
                        aria-label={t("revokeLabel", { whom })}
                      >
                        {t("revoke")}
                      </Link>
                    )}
                  </div>
                )}
              </li>
            );
          })}
        </ul>
      </section>
    </>
  );
});
