import type { Metadata } from "next";
import Link from "next/link";
import { listFacilities } from "@/lib/orgs/facilities";
import { signedInPage } from "@/app/_server/page";
import { currentOrganization } from "@/app/_server/current-organization";
import { plural } from "@/lib/dashboard/format";
import { buttonClasses } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { ActionButton } from "@/components/forms/action-button";
import { ConfirmStep } from "@/components/forms/confirm-step";
import { SimpleForm } from "@/components/forms/simple-form";
import { SectionHeading } from "@/components/settings/section-heading";
import { OrganizationTabs } from "@/components/settings/organization-tabs";
import { NoOrganization } from "@/components/settings/no-organization";
import { addFacilityAction, deleteFacilityAction, makeDefaultAction, renameFacilityAction } from "./actions";

export const metadata: Metadata = { title: "Facilities" };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;
const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

const DONE: Record<string, string> = {
  added: "The facility has been added.",
  renamed: "The facility has been saved.",
  default: "New patients now go to that facility unless you choose another.",
  deleted: "The facility has been deleted.",
};

export default signedInPage(async function FacilitiesPage({ searchParams }: { searchParams: SearchParams }, { actor }) {
  const sp = await searchParams;
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
        title="Facilities"
        intro={
          <>
            The branches or buildings of <span className="font-semibold text-stone-900">{org.name}</span>. Every patient belongs to one; a facility admin
            administers only their facilities’ patients and care teams.
          </>
        }
        saved={Object.hasOwn(DONE, doneKey) ? DONE[doneKey] : undefined}
      />
      <OrganizationTabs current="facilities" />

      {deleting && (
        <ConfirmStep
          id="delete"
          title={`Delete ${deleting.name}?`}
          action={deleteFacilityAction}
          fields={{ organization_id: org.id, facility_id: deleting.id }}
          confirmText={`Yes, delete ${deleting.name}`}
          pendingText="Deleting…"
          cancelHref="/settings/organization/facilities"
        >
          <p>Only an empty facility can be deleted: no patients (transfer them first), no admin listing it, and not the default one.</p>
        </ConfirmStep>
      )}

      {!manages && <p className="text-stone-700">Only owners and admins of the whole organization add, rename or delete facilities.</p>}
      <ul className="space-y-4">
        {facilities.map((f) => (
          <li key={f.id} className="rounded-xl border border-stone-200 bg-white p-6 shadow-sm">
            <div className="flex flex-wrap items-start justify-between gap-4">
              <div>
                <h2 className="text-xl font-semibold">{f.name}</h2>
                {f.address && <p className="text-base text-stone-700">{f.address}</p>}
                {f.patient_count !== null && <p className="text-base text-stone-600">{plural(f.patient_count, "patient")}</p>}
              </div>
              {f.is_default && <p className="rounded-full bg-teal-50 px-3 py-1 text-base font-semibold text-teal-900">Default for new patients</p>}
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
                    { name: "name", label: `Name of ${f.name}`, defaultValue: f.name },
                    { name: "address", label: "Address", optional: true, defaultValue: f.address ?? "" },
                  ]}
                  submit="Save"
                  pendingText="Saving…"
                />
                <div className="flex flex-wrap gap-3">
                  {!f.is_default && (
                    <ActionButton action={makeDefaultAction} fields={{ ...hidden, facility_id: f.id }} pendingText="Saving…" variant="secondary">
                      Make {f.name} the default
                    </ActionButton>
                  )}
                  {!f.is_default && (
                    <Link
                      href={`/settings/organization/facilities?delete=${f.id}#delete`}
                      className={buttonClasses("danger-quiet")}
                      aria-label={`Delete ${f.name}`}
                    >
                      Delete
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
            Add a facility
          </h2>
          <Card>
            <SimpleForm
              key={formKey}
              action={addFacilityAction}
              hidden={hidden}
              idPrefix="new-facility"
              fields={[
                { name: "name", label: "Name", hint: "As your staff call it, for example “North branch”." },
                { name: "address", label: "Address", optional: true },
              ]}
              submit="Add facility"
              pendingText="Adding…"
            />
          </Card>
        </section>
      )}
    </>
  );
});
