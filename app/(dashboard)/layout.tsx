import { getTranslations } from "next-intl/server";
import { getMyProfile } from "@/lib/caregivers/profile";
import { signedInPage } from "@/app/_server/page";
import { JobsBanner } from "@/components/layout/jobs-banner";
import { SiteHeader } from "@/components/layout/site-header";
import { QueryProvider } from "@/components/providers/query-provider";
import { IdleLogoff } from "@/components/layout/idle-logoff";
import { currentOrganization } from "@/app/_server/current-organization";
import { signOutAction, switchOrganizationAction } from "./actions";
import { sessionActivityAction, sessionClockAction } from "./session-actions";

export default signedInPage(async function DashboardLayout({ children }: { children: React.ReactNode }, { actor }) {
  const [me, orgs, t] = await Promise.all([getMyProfile(actor), currentOrganization(actor), getTranslations("home")]);
  return (
    <div className="flex min-h-dvh flex-col">
      <SiteHeader
        caregiverName={`${me.first_name} ${me.last_name}`}
        signOutAction={signOutAction}
        organizations={orgs.organizations.map((o) => ({ id: o.id, name: o.name }))}
        currentOrganization={orgs.current && { id: orgs.current.id, name: orgs.current.name }}
        switchAction={switchOrganizationAction}
      />
      <IdleLogoff clockAction={sessionClockAction} activityAction={sessionActivityAction} />
      <main id="main" tabIndex={-1} className="flex-1 px-6 py-8 outline-none sm:py-10">
        <div className="mx-auto max-w-5xl">
          <JobsBanner />
          <QueryProvider>{children}</QueryProvider>
        </div>
      </main>
      <footer className="border-t border-stone-200 px-6 py-6 text-center text-base text-stone-600">{t("footer")}</footer>
    </div>
  );
});
