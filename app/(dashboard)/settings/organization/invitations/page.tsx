import type { Metadata } from "next";
import Link from "next/link";
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
import { ROLE_NAMES } from "@/components/settings/roles";
import { InviteForm } from "@/components/invitations/invite-form";
import { inviteAction, resendAction, revokeAction } from "./actions";

export const metadata: Metadata = { title: "Invitations" };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;
const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

const DONE: Record<string, string> = {
  sent: "The invitation has been sent.",
  resent: "The invitation has been sent again with a new link; the old link no longer works.",
  revoked: "The invitation has been withdrawn; its link no longer works.",
};
const STATUS: Record<string, { label: string; tone: string }> = {
  pending: { label: "Waiting", tone: "bg-sky-50 text-sky-900" },
  accepted: { label: "Accepted", tone: "bg-teal-50 text-teal-900" },
  revoked: { label: "Withdrawn", tone: "bg-stone-100 text-stone-800" },
  expired: { label: "Expired", tone: "bg-amber-50 text-amber-900" },
};
const STANDING: Record<string, string> = { primary: "primary caregiver", secondary: "secondary caregiver", viewer: "viewer" };

export default signedInPage(async function InvitationsPage({ searchParams }: { searchParams: SearchParams }, { actor, now }) {
  const sp = await searchParams;
  const { current: org } = await currentOrganization(actor);
  if (!org) return <NoOrganization />;
  const { items: members } = await listMembers(actor, org.id);
  const mine = members.find((m) => m.caregiver_id === actor.caregiverId);
  const invites = org.role === "owner" || org.role === "admin";
  const wholeOrg = org.role === "owner" || (org.role === "admin" && (mine?.facility_ids.length ?? 0) === 0);
  const heading = (
    <SectionHeading
      title="Invitations"
      intro={
        <>
          Invite someone to <span className="font-semibold text-stone-900">{org.name}</span> by email or text message: a link that works once, for the number of
          days the organization’s settings say. Whether the address already has an Elda account is never shown.
        </>
      }
      saved={Object.hasOwn(DONE, one(sp.done) ?? "") ? DONE[one(sp.done)!] : undefined}
    />
  );
  if (!invites) {
    return (
      <>
        {heading}
        <OrganizationTabs current="invitations" />
        <p className="text-stone-700">Only owners and admins invite people. A primary caregiver can invite someone from a patient’s care team.</p>
      </>
    );
  }
  const [{ items }, { items: patients }] = await Promise.all([
    listInvitations(actor, org.id, undefined, now),
    listPatients(actor, listPatientsQuery.parse({ organization_id: org.id, limit: "100", sort: "name", order: "asc" }), now),
  ]);
  const patientName = new Map(patients.map((p) => [p.id, `${p.first_name} ${p.last_name}`]));
  const revoking = items.find((i) => i.id === one(sp.revoke) && i.status !== "accepted" && i.status !== "revoked");
  const roles = (wholeOrg ? (["member", "admin"] as const) : (["member"] as const)).map((r) => ({ value: r, label: ROLE_NAMES[r] }));
  return (
    <>
      {heading}
      <OrganizationTabs current="invitations" />

      {revoking && (
        <ConfirmStep
          id="revoke"
          title={`Withdraw the invitation to ${revoking.email ?? revoking.phone_number}?`}
          action={revokeAction}
          fields={{ invitation_id: revoking.id }}
          confirmText="Yes, withdraw it"
          pendingText="Withdrawing…"
          cancelHref="/settings/organization/invitations"
        >
          <p>The link stops working at once. You can send a new invitation later.</p>
        </ConfirmStep>
      )}

      <section aria-labelledby="invite-heading" className="space-y-4">
        <h2 id="invite-heading" className="text-2xl font-semibold">
          Invite someone
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
          Sent invitations
        </h2>
        {items.length === 0 && <p className="text-stone-700">No invitations yet.</p>}
        <ul className="space-y-4">
          {items.map((i) => {
            const whom = i.email ?? i.phone_number ?? "";
            const status = STATUS[i.status];
            const open = i.status === "pending" || i.status === "expired";
            return (
              <li key={i.id} className="rounded-xl border border-stone-200 bg-white p-6 shadow-sm">
                <div className="flex flex-wrap items-start justify-between gap-4">
                  <div>
                    <h3 className="text-xl font-semibold">{whom}</h3>
                    <p className="text-base text-stone-700">
                      Invited by {i.invited_by?.name ?? "a former member"} as {ROLE_NAMES[i.role].toLowerCase()}
                      {i.patient_id && i.standing && (
                        <>
                          , {STANDING[i.standing]} for {patientName.get(i.patient_id) ?? "a patient"}
                        </>
                      )}
                      .
                    </p>
                    <p className="text-base text-stone-600">
                      Sent {formatDate(i.sent_at.slice(0, 10))}
                      {i.send_count > 1 && ` (${i.send_count} times)`} by {i.channel === "email" ? "email" : "text message"}
                      {i.status === "pending" && ` · link works until ${formatDate(i.expires_at.slice(0, 10))}`}
                      {i.accepted_by && ` · accepted by ${i.accepted_by.name}`}
                    </p>
                  </div>
                  <p className={`rounded-full px-3 py-1 text-base font-semibold ${status.tone}`}>{status.label}</p>
                </div>
                {open && (
                  <div className="mt-4 flex flex-wrap gap-3 border-t border-stone-200 pt-4">
                    <ActionButton action={resendAction} fields={{ invitation_id: i.id }} pendingText="Sending…" variant="secondary">
                      Send again to {whom}
                    </ActionButton>
                    {i.status === "pending" && (
                      <Link
                        href={`/settings/organization/invitations?revoke=${i.id}#revoke`}
                        className={buttonClasses("danger-quiet")}
                        aria-label={`Withdraw the invitation to ${whom}`}
                      >
                        Withdraw
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
