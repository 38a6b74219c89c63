import type { Metadata } from "next";
import Link from "next/link";
import { getOrganization, listMembers } from "@/lib/orgs/organizations";
import { listFacilities } from "@/lib/orgs/facilities";
import { currentOrganization } from "@/app/_server/current-organization";
import { OrganizationTabs } from "@/components/settings/organization-tabs";
import { NoOrganization } from "@/components/settings/no-organization";
import { getOrganizationSettings } from "@/lib/orgs/settings";
import { SETTINGS_FIELDS, settingBounds, settingsToForm } from "@/lib/orgs/settings-form";
import { signedInPage } from "@/app/_server/page";
import { formatDate, plural } from "@/lib/dashboard/format";
import { buttonClasses } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { SectionHeading } from "@/components/settings/section-heading";
import { AddMemberForm, ChangeRoleForm, ResetTwoFactorForm } from "@/components/settings/member-forms";
import { ConfirmStep } from "@/components/forms/confirm-step";
import { ROLE_NAMES, type Role } from "@/components/settings/roles";
import { OrgSettingsForm } from "@/components/settings/org-settings-form";
import { addMemberAction, changeRoleAction, removeMemberAction, resetTwoFactorAction, updateSettingsAction } from "./actions";

export const metadata: Metadata = { title: "Organization settings" };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;
const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

const ROLE_GROUPS = { owner: "Owners", admin: "Admins", member: "Members" } as const;

const DONE: Record<string, string> = {
  added: "The new member has been added.",
  role: "The role has been changed.",
  removed: "The member has been removed.",
  settings: "The organization settings have been saved.",
  two_factor_reset: "The member's two-factor sign-in has been reset. They sign in with their password and, if the organization requires it, set it up again.",
  left: "You have left the organization and its care teams.",
  deleted: "The organization has been deleted, with its patients and its audit trail.",
  created: "The organization has been created. You are its owner, and it is now your current organization.",
};

export default signedInPage(async function OrganizationSettingsPage({ searchParams }: { searchParams: SearchParams }, { actor }) {
  const sp = await searchParams;
  const { current } = await currentOrganization(actor);
  // leaving or deleting the last organization still says it was done
  if (!current) return <NoOrganization saved={typeof sp.done === "string" && (sp.done === "left" || sp.done === "deleted") ? DONE[sp.done] : undefined} />;
  const orgId = current.id;
  const here = (extra = "") => `/settings/organization${extra ? `?${extra.replace(/^&/, "")}` : ""}`;
  const [org, { items: members }, { items: facilities }] = await Promise.all([
    getOrganization(actor, orgId),
    listMembers(actor, orgId),
    listFacilities(actor, orgId),
  ]);
  const facilityName = new Map(facilities.map((f) => [f.id, f.name]));
  const byRole = (["owner", "admin", "member"] as const).map((role) => ({ role, members: members.filter((m) => m.role === role) }));
  const mine = members.find((m) => m.caregiver_id === actor.caregiverId);
  // a facility admin administers patients, not the organization's members and settings
  const manages = org.role === "owner" || (org.role === "admin" && (mine?.facility_ids.length ?? 0) === 0);
  const settings = manages ? await getOrganizationSettings(actor, orgId) : null;
  // only an owner hands out or takes away the owner role
  const grantable: Role[] = org.role === "owner" ? ["owner", "admin", "member"] : ["admin", "member"];
  const removing = manages ? members.find((m) => m.caregiver_id === one(sp.remove)) : undefined;
  const doneKey = one(sp.done) ?? "";
  const done = Object.hasOwn(DONE, doneKey) ? DONE[doneKey as keyof typeof DONE] : undefined;
  const formKey = one(sp.n) ?? "";

  return (
    <>
      <SectionHeading
        title="Organization"
        intro={
          <>
            <span className="font-semibold text-stone-900">{org.name}</span> · {plural(org.member_count, "member")}, {plural(org.patient_count, "patient")}.
            Your role: <span className="font-semibold text-stone-900">{ROLE_NAMES[org.role]}</span>.
          </>
        }
        saved={done}
      />

      <OrganizationTabs current="members" />

      {removing && (
        <ConfirmStep
          id="remove"
          title={`Remove ${removing.first_name} ${removing.last_name} from the organization?`}
          action={removeMemberAction}
          fields={{ organization_id: orgId, caregiver_id: removing.caregiver_id }}
          confirmText={`Yes, remove ${removing.first_name} ${removing.last_name}`}
          pendingText="Removing…"
          cancelHref={here()}
        >
          <p>They lose access to its patients at once and leave their care teams. You can add them again later.</p>
        </ConfirmStep>
      )}

      <section aria-labelledby="members-heading" className="space-y-4">
        <h2 id="members-heading" className="text-2xl font-semibold">
          Members and roles
        </h2>
        {!manages && <p className="text-stone-700">Only owners and admins can add members or change roles.</p>}
        {byRole.map(
          ({ role, members: group }) =>
            group.length > 0 && (
              <div key={role} className="space-y-3">
                <h3 className="text-xl font-semibold text-stone-800">
                  {ROLE_GROUPS[role]} ({group.length})
                </h3>
                <ul className="space-y-4">
                  {group.map((m) => {
                    const name = `${m.first_name} ${m.last_name}`;
                    const mayChange = manages && (org.role === "owner" || m.role !== "owner");
                    const facilityAdmin = m.role === "admin" && m.facility_ids.length > 0;
                    return (
                      <li key={m.caregiver_id} className="rounded-xl border border-stone-200 bg-white p-6 shadow-sm">
                        <div className="flex flex-wrap items-start justify-between gap-4">
                          <div>
                            <h4 className="text-xl font-semibold">
                              {name}
                              {m.caregiver_id === actor.caregiverId && <span className="font-normal text-stone-600"> (you)</span>}
                            </h4>
                            <p className="text-base text-stone-700">{m.email}</p>
                            <p className="text-base text-stone-600">
                              Joined {formatDate(m.joined_at)}
                              {!m.is_active && " · account disabled"}
                              {m.two_factor_enabled ? " · two-factor sign-in on" : " · no two-factor sign-in"}
                            </p>
                            {m.role === "admin" && (
                              <p className="text-base text-stone-700">
                                Administers:{" "}
                                {facilityAdmin ? m.facility_ids.map((id) => facilityName.get(id) ?? "a facility").join(", ") : "the whole organization"}
                              </p>
                            )}
                          </div>
                          <p className="rounded-full bg-stone-100 px-3 py-1 text-base font-semibold text-stone-800">
                            {facilityAdmin ? "Facility admin" : ROLE_NAMES[m.role]}
                          </p>
                        </div>
                        {mayChange && (
                          <div className="mt-4 flex flex-wrap items-end justify-between gap-4 border-t border-stone-200 pt-4">
                            <ChangeRoleForm
                              key={formKey}
                              action={changeRoleAction}
                              organizationId={orgId}
                              caregiverId={m.caregiver_id}
                              name={name}
                              role={m.role}
                              roles={grantable.includes(m.role) ? grantable : [m.role, ...grantable]}
                              facilities={facilities.length > 1 ? facilities.map((f) => ({ id: f.id, name: f.name })) : []}
                              facilityIds={m.facility_ids}
                            />
                            {m.two_factor_enabled && m.caregiver_id !== actor.caregiverId && (
                              <ResetTwoFactorForm
                                key={`2fa-${formKey}`}
                                action={resetTwoFactorAction}
                                organizationId={orgId}
                                caregiverId={m.caregiver_id}
                                name={name}
                              />
                            )}
                            <Link href={here(`&remove=${m.caregiver_id}`)} className={buttonClasses("danger-quiet")} aria-label={`Remove ${name}`}>
                              Remove
                            </Link>
                          </div>
                        )}
                      </li>
                    );
                  })}
                </ul>
              </div>
            ),
        )}
      </section>

      {manages && (
        <section aria-labelledby="add-heading" className="space-y-4">
          <h2 id="add-heading" className="text-2xl font-semibold">
            Add a member
          </h2>
          <Card>
            <AddMemberForm key={formKey} action={addMemberAction} organizationId={orgId} roles={grantable} />
          </Card>
        </section>
      )}

      <section aria-labelledby="org-settings-heading" className="space-y-4">
        <h2 id="org-settings-heading" className="text-2xl font-semibold">
          Organization settings
        </h2>
        {settings ? (
          <>
            <p className="max-w-prose text-stone-700">These apply to the whole organization: its patients, devices and caregivers.</p>
            <Card>
              <OrgSettingsForm
                key={formKey}
                action={updateSettingsAction}
                organizationId={orgId}
                saved={settingsToForm(settings)}
                bounds={Object.fromEntries(SETTINGS_FIELDS.map((f) => [f, settingBounds(f)]))}
              />
            </Card>
          </>
        ) : (
          <p className="text-stone-700">Only owners and admins can see and change the organization’s settings. Ask one of them if something should change.</p>
        )}
      </section>
    </>
  );
});
