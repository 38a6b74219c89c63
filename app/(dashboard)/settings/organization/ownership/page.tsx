import type { Metadata } from "next";
import Link from "next/link";
import { getOrganization, listMembers } from "@/lib/orgs/organizations";
import { deletionImpact } from "@/lib/orgs/lifecycle";
import { signedInPage } from "@/app/_server/page";
import { currentOrganization } from "@/app/_server/current-organization";
import { plural } from "@/lib/dashboard/format";
import { buttonClasses } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { ConfirmStep } from "@/components/forms/confirm-step";
import { SectionHeading } from "@/components/settings/section-heading";
import { OrganizationTabs } from "@/components/settings/organization-tabs";
import { NoOrganization } from "@/components/settings/no-organization";
import { DeleteOrganizationForm, TransferOwnershipForm } from "@/components/settings/lifecycle-forms";
import { deleteOrganizationAction, leaveOrganizationAction, transferOwnershipAction } from "./actions";

export const metadata: Metadata = { title: "Ownership, leaving and deleting" };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;
const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);
const HERE = "/settings/organization/ownership";

export default signedInPage(async function OwnershipPage({ searchParams }: { searchParams: SearchParams }, { actor, now }) {
  const sp = await searchParams;
  const { current } = await currentOrganization(actor);
  if (!current) return <NoOrganization />;
  const org = await getOrganization(actor, current.id);
  const owner = org.role === "owner";
  const [{ items: members }, impact] = await Promise.all([listMembers(actor, org.id), owner ? deletionImpact(actor, org.id, now) : null]);
  const others = members.filter((m) => m.caregiver_id !== actor.caregiverId);
  const candidates = others.filter((m) => m.role !== "owner");
  const leaving = one(sp.leave) === "1";
  const formKey = one(sp.n) ?? "";

  return (
    <>
      <SectionHeading
        title="Ownership, leaving and deleting"
        intro={
          <>
            <span className="font-semibold text-stone-900">{org.name}</span> always keeps at least one owner.
          </>
        }
        saved={one(sp.done) === "transferred" ? "Ownership has been transferred." : undefined}
      />
      <OrganizationTabs current="ownership" />

      <section aria-labelledby="transfer-heading" className="space-y-4">
        <h2 id="transfer-heading" className="text-2xl font-semibold">
          Transfer ownership
        </h2>
        {!owner ? (
          <p className="text-stone-700">Only an owner can make another member owner.</p>
        ) : candidates.length === 0 ? (
          <p className="text-stone-700">Add another member first: ownership goes to someone already in the organization.</p>
        ) : (
          <Card>
            <TransferOwnershipForm
              key={formKey}
              action={transferOwnershipAction}
              organizationId={org.id}
              members={candidates.map((m) => ({ id: m.caregiver_id, name: `${m.first_name} ${m.last_name} (${m.email})` }))}
            />
          </Card>
        )}
      </section>

      <section aria-labelledby="leave-heading" className="space-y-4">
        <h2 id="leave-heading" className="text-2xl font-semibold">
          Leave the organization
        </h2>
        <p className="max-w-prose text-stone-700">
          You lose access to its patients at once and leave their care teams. If you are the only primary caregiver of a patient, make someone else primary
          first; the last owner transfers ownership first.
        </p>
        {leaving ? (
          <ConfirmStep
            id="leave"
            title={`Leave ${org.name}?`}
            action={leaveOrganizationAction}
            fields={{ organization_id: org.id }}
            confirmText={`Yes, leave ${org.name}`}
            pendingText="Leaving…"
            cancelHref={HERE}
          >
            <p>Someone in the organization can invite you again later.</p>
          </ConfirmStep>
        ) : (
          <Link href={`${HERE}?leave=1#leave`} className={buttonClasses("danger-quiet")}>
            Leave {org.name}
          </Link>
        )}
      </section>

      <section aria-labelledby="delete-heading" className="space-y-4">
        <h2 id="delete-heading" className="text-2xl font-semibold">
          Delete the organization
        </h2>
        {!impact ? (
          <p className="text-stone-700">Only an owner can delete the organization.</p>
        ) : (
          <div className="space-y-4 rounded-xl border-2 border-red-700 bg-red-50 p-6 text-red-950">
            <p className="font-semibold">This cannot be undone. Deleting {org.name}:</p>
            <ul className="list-disc space-y-1 pl-6">
              <li>
                erases its {plural(impact.patients, "patient")} with all their data (schedules, reminders, conversations, alerts, consents, paired phones), as
                deleting a patient does. To keep a patient, transfer them to another organization first.
              </li>
              <li>removes its {plural(impact.members, "member")} from it; their Elda accounts stay.</li>
              <li>deletes its audit trail too. Export it first from the Audit trail tab if you must keep it; only the deletion itself stays on record.</li>
            </ul>
            {impact.pendingOut > 0 ? (
              <p role="status" className="font-semibold">
                {plural(impact.pendingOut, "patient transfer")} out of this organization {impact.pendingOut === 1 ? "is" : "are"} pending: it cannot be deleted
                until {impact.pendingOut === 1 ? "it is" : "they are"} answered or expire.
              </p>
            ) : (
              <DeleteOrganizationForm key={formKey} action={deleteOrganizationAction} organizationId={org.id} name={org.name} />
            )}
          </div>
        )}
      </section>
    </>
  );
});
