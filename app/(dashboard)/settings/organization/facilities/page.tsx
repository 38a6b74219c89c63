import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { listFacilities } from "@/lib/orgs/facilities";
import { signedInPage } from "@/app/_server/page";
import { currentOrganization } from "@/app/_server/current-organization";
import { buttonClasses } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { ActionButton } from "@/components/forms/action-button";
import { ConfirmStep } from "@/components/forms/confirm-step";
import { SimpleForm } from "@/components/forms/simple-form";
import { SectionHeading } from "@/components/settings/section-heading";
import { OrganizationTabs } from "@/components/settings/organization-tabs";
import { NoOrganization } from "@/components/settings/no-organization";
import { addFacilityAction, deleteFacilityAction, makeDefaultAction, renameFacilityAction } from "./actions";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("organization.facilities"))("metaTitle") };
}

type SearchParams = Promise<Record<string, string | string[] | undefined>>;
const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

const DONE = ["added", "renamed", "default", "deleted"] as const;

export default signedInPage(async function FacilitiesPage({ searchParams }: { searchParams: SearchParams }, { actor }) {
  const sp = await searchParams;
  const t = await getTranslations("organization.facilities");
  const { current: org } = await currentOrganization(actor);
  if (!org) return <NoOrganization />;
  const { items: facilities } = await listFacilities(actor, org.id);
  const manages = org.role === "owner" || org.role === "admin";
  const deleting = manages ? facilities.find((f) => f.id === one(sp.delete)) : undefined;
  const doneKey = one(sp.done) ?? "";
  const formKey = one(sp.n) ?? "";
  const hidden = { organization_id: org.id };
  return (
    <>
      <SectionHeading
        title={t("title")}
        intro={t.rich("intro", { name: org.name, strong: (chunks) => <span className="font-semibold text-stone-900">{chunks}</span> })}
        saved={(DONE as readonly string[]).includes(doneKey) ? t(`done.${doneKey as (typeof DONE)[number]}`) : undefined}
      />
      <OrganizationTabs current="facilities" />

      {deleting && (
        <ConfirmStep
          id="delete"
          title={t("deleteTitle", { name: deleting.name })}
          action={deleteFacilityAction}
          fields={{ organization_id: org.id, facility_id: deleting.id }}
          confirmText={t("deleteConfirm", { name: deleting.name })}
          pendingText={t("deleting")}
          cancelHref="/settings/organization/facilities"
        >
          <p>{t("deleteText")}</p>
        </ConfirmStep>
      )}

      {!manages && <p className="text-stone-700">{t("notManager")}</p>}
      <ul className="space-y-4">
        {facilities.map((f) => (
          <li key={f.id} className="rounded-xl border border-stone-200 bg-white p-6 shadow-sm">
            <div className="flex flex-wrap items-start justify-between gap-4">
              <div>
                <h2 className="text-xl font-semibold">{f.name}</h2>
                {f.address && <p className="text-base text-stone-700">{f.address}</p>}
                {f.patient_count !== null && <p className="text-base text-stone-600">{t("patients", { count: f.patient_count })}</p>}
              </div>
              {f.is_default && <p className="rounded-full bg-teal-50 px-3 py-1 text-base font-semibold text-teal-900">{t("default")}</p>}
            </div>
            {manages && (
              <div className="mt-4 space-y-4 border-t border-stone-200 pt-4">
                <SimpleForm
                  key={formKey}
                  action={renameFacilityAction}
                  hidden={{ ...hidden, facility_id: f.id }}
                  idPrefix={`facility-${f.id}`}
                  inline
                  fields={[
                    { name: "name", label: t("nameOf", { name: f.name }), defaultValue: f.name },
                    { name: "address", label: t("address"), optional: true, defaultValue: f.address ?? "" },
                  ]}
                  submit={t("save")}
                  pendingText={t("saving")}
                />
                <div className="flex flex-wrap gap-3">
                  {!f.is_default && (
                    <ActionButton action={makeDefaultAction} fields={{ ...hidden, facility_id: f.id }} pendingText={t("saving")} variant="secondary">
                      {t("makeDefault", { name: f.name })}
                    </ActionButton>
                  )}
                  {!f.is_default && (
                    <Link
                      href={`/settings/organization/facilities?delete=${f.id}#delete`}
                      className={buttonClasses("danger-quiet")}
                      aria-label={t("deleteLabel", { name: f.name })}
                    >
                      {t("delete")}
                    </Link>
                  )}
                </div>
              </div>
            )}
          </li>
        ))}
      </ul>

      {manages && (
        <section aria-labelledby="add-facility-heading" className="space-y-4">
          <h2 id="add-facility-heading" className="text-2xl font-semibold">
            {t("addHeading")}
          </h2>
          <Card>
            <SimpleForm
              key={formKey}
              action={addFacilityAction}
              hidden={hidden}
              idPrefix="new-facility"
              fields={[
                { name: "name", label: t("name"), hint: t("nameHint") },
                { name: "address", label: t("address"), optional: true },
              ]}
              submit={t("add")}
              pendingText={t("adding")}
            />
          </Card>
        </section>
      )}
    </>
  );
});
