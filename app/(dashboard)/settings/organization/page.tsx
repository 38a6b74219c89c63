import type { Metadata } from "next";
import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { getOrganization, listMembers } from "@/lib/orgs/organizations";
import { listFacilities } from "@/lib/orgs/facilities";
import { currentOrganization } from "@/app/_server/current-organization";
import { OrganizationTabs } from "@/components/settings/organization-tabs";
import { NoOrganization } from "@/components/settings/no-organization";
import { getOrganizationSettings } from "@/lib/orgs/settings";
import { SETTINGS_FIELDS, settingBounds, settingsToForm } from "@/lib/orgs/settings-form";
import { signedInPage } from "@/app/_server/page";
import { formatDate } from "@/lib/dashboard/format";
import { buttonClasses } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { SectionHeading } from "@/components/settings/section-heading";
import { AddMemberForm, ChangeRoleForm, ResetTwoFactorForm } from "@/components/settings/member-forms";
import { ConfirmStep } from "@/components/forms/confirm-step";
import type { Role } from "@/components/settings/roles";
import { OrgSettingsForm } from "@/components/settings/org-settings-form";
import { addMemberAction, changeRoleAction, removeMemberAction, resetTwoFactorAction, updateSettingsAction } from "./actions";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("organization.members"))("metaTitle") };
}

type SearchParams = Promise<Record<string, string | string[] | undefined>>;
const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

const DONE = ["added", "role", "removed", "settings", "two_factor_reset", "left", "deleted", "created"] as const;

export default signedInPage(async function OrganizationSettingsPage({ searchParams }: { searchParams: SearchParams }, { actor }) {
  const sp = await searchParams;
  const [t, labels, locale] = await Promise.all([getTranslations("organization.members"), getTranslations("labels"), getLocale()]);
  const { current } = await currentOrganization(actor);
  // leaving or deleting the last organization still says it was done
  if (!current)
    return <NoOrganization saved={typeof sp.done === "string" && (sp.done === "left" || sp.done === "deleted") ? t(`done.${sp.done}`) : undefined} />;
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
  const done = (DONE as readonly string[]).includes(doneKey) ? t(`done.${doneKey as (typeof DONE)[number]}`) : undefined;
  const formKey = one(sp.n) ?? "";

  return (
    <>
      <SectionHeading
        title={t("title")}
        intro={t.rich("intro", {
          name: org.name,
          members: org.member_count,
          patients: org.patient_count,
          role: labels(`orgRole.${org.role}`),
          strong: (chunks) => <span className="font-semibold text-stone-900">{chunks}</span>,
        })}
        saved={done}
      />

      <OrganizationTabs current="members" />

      {removing && (
        <ConfirmStep
          id="remove"
          title={t("removeTitle", { name: `${removing.first_name} ${removing.last_name}` })}
          action={removeMemberAction}
          fields={{ organization_id: orgId, caregiver_id: removing.caregiver_id }}
          confirmText={t("removeConfirm", { name: `${removing.first_name} ${removing.last_name}` })}
          pendingText={t("removing")}
          cancelHref={here()}
        >
          <p>{t("removeText")}</p>
        </ConfirmStep>
      )}

      <section aria-labelledby="members-heading" className="space-y-4">
        <h2 id="members-heading" className="text-2xl font-semibold">
          {t("heading")}
        </h2>
        {!manages && <p className="text-stone-700">{t("notManager")}</p>}
        {byRole.map(
          ({ role, members: group }) =>
            group.length > 0 && (
              <div key={role} className="space-y-3">
                <h3 className="text-xl font-semibold text-stone-800">{t("group", { role, count: group.length })}</h3>
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
                              {m.caregiver_id === actor.caregiverId && <span className="font-normal text-stone-600"> {t("you")}</span>}
                            </h4>
                            <p className="text-base text-stone-700">{m.email}</p>
                            <p className="text-base text-stone-600">
                              {t("joined", { date: formatDate(m.joined_at, "UTC", locale) })}
                              {!m.is_active && ` · ${t("accountDisabled")}`}
                              {` · ${m.two_factor_enabled ? t("twoFactorOn") : t("twoFactorOff")}`}
                            </p>
                            {m.role === "admin" && (
                              <p className="text-base text-stone-700">
                                {t("administers", {
                                  what: facilityAdmin ? m.facility_ids.map((id) => facilityName.get(id) ?? t("aFacility")).join(", ") : t("wholeOrganization"),
                                })}
                              </p>
                            )}
                          </div>
                          <p className="rounded-full bg-stone-100 px-3 py-1 text-base font-semibold text-stone-800">
                            {facilityAdmin ? t("facilityAdmin") : labels(`orgRole.${m.role}`)}
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
                            <Link href={here(`&remove=${m.caregiver_id}`)} className={buttonClasses("danger-quiet")} aria-label={t("removeLabel", { name })}>
                              {t("remove")}
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
            {t("addHeading")}
          </h2>
          <Card>
            <AddMemberForm key={formKey} action={addMemberAction} organizationId={orgId} roles={grantable} />
          </Card>
        </section>
      )}

      <section aria-labelledby="org-settings-heading" className="space-y-4">
        <h2 id="org-settings-heading" className="text-2xl font-semibold">
          {t("settingsHeading")}
        </h2>
        {settings ? (
          <>
            <p className="max-w-prose text-stone-700">{t("settingsIntro")}</p>
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
          <p className="text-stone-700">{t("settingsHidden")}</p>
        )}
      </section>
    </>
  );
});
