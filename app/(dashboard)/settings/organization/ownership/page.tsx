import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { getOrganization, listMembers } from "@/lib/orgs/organizations";
import { deletionImpact } from "@/lib/orgs/lifecycle";
import { signedInPage } from "@/app/_server/page";
import { currentOrganization } from "@/app/_server/current-organization";
import { buttonClasses } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { ConfirmStep } from "@/components/forms/confirm-step";
import { SectionHeading } from "@/components/settings/section-heading";
import { OrganizationTabs } from "@/components/settings/organization-tabs";
import { NoOrganization } from "@/components/settings/no-organization";
import { DeleteOrganizationForm, TransferOwnershipForm } from "@/components/settings/lifecycle-forms";
import { deleteOrganizationAction, leaveOrganizationAction, transferOwnershipAction } from "./actions";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("organization.ownership"))("metaTitle") };
}

type SearchParams = Promise<Record<string, string | string[] | undefined>>;
const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);
const HERE = "/settings/organization/ownership";

export default signedInPage(async function OwnershipPage({ searchParams }: { searchParams: SearchParams }, { actor, now }) {
  const sp = await searchParams;
  const t = await getTranslations("organization.ownership");
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
        title={t("title")}
        intro={t.rich("intro", { name: org.name, strong: (chunks) => <span className="font-semibold text-stone-900">{chunks}</span> })}
        saved={one(sp.done) === "transferred" ? t("transferred") : undefined}
      />
      <OrganizationTabs current="ownership" />

      <section aria-labelledby="transfer-heading" className="space-y-4">
        <h2 id="transfer-heading" className="text-2xl font-semibold">
          {t("transferHeading")}
        </h2>
        {!owner ? (
          <p className="text-stone-700">{t("transferOwnerOnly")}</p>
        ) : candidates.length === 0 ? (
          <p className="text-stone-700">{t("transferNoCandidate")}</p>
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
          {t("leaveHeading")}
        </h2>
        <p className="max-w-prose text-stone-700">{t("leaveText")}</p>
        {leaving ? (
          <ConfirmStep
            id="leave"
            title={t("leaveTitle", { name: org.name })}
            action={leaveOrganizationAction}
            fields={{ organization_id: org.id }}
            confirmText={t("leaveConfirm", { name: org.name })}
            pendingText={t("leaving")}
            cancelHref={HERE}
          >
            <p>{t("leaveAgain")}</p>
          </ConfirmStep>
        ) : (
          <Link href={`${HERE}?leave=1#leave`} className={buttonClasses("danger-quiet")}>
            {t("leave", { name: org.name })}
          </Link>
        )}
      </section>

      <section aria-labelledby="delete-heading" className="space-y-4">
        <h2 id="delete-heading" className="text-2xl font-semibold">
          {t("deleteHeading")}
        </h2>
        {!impact ? (
          <p className="text-stone-700">{t("deleteOwnerOnly")}</p>
        ) : (
          <div className="space-y-4 rounded-xl border-2 border-red-700 bg-red-50 p-6 text-red-950">
            <p className="font-semibold">{t("deleteWarning", { name: org.name })}</p>
            <ul className="list-disc space-y-1 pl-6">
              <li>{t("deletePatients", { count: impact.patients })}</li>
              <li>{t("deleteMembers", { count: impact.members })}</li>
              <li>{t("deleteAudit")}</li>
            </ul>
            {impact.pendingOut > 0 ? (
              <p role="status" className="font-semibold">
                {t("pendingOut", { count: impact.pendingOut })}
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
