import type { Metadata } from "next";
import { signedInPage } from "@/app/_server/page";
import { twoFactorStatus } from "@/lib/auth/two-factor/enrolment";
import { formatDate, plural } from "@/lib/dashboard/format";
import { Card } from "@/components/ui/card";
import { ButtonLink } from "@/components/ui/button";
import { SectionHeading } from "@/components/settings/section-heading";
import { DisableTwoFactorForm } from "@/components/settings/two-factor-disable-form";
import { disableTwoFactorAction } from "./actions";

export const metadata: Metadata = { title: "Two-factor sign-in" };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default signedInPage(async function SecuritySettingsPage({ searchParams }: { searchParams: SearchParams }, { actor }) {
  const sp = await searchParams;
  const status = await twoFactorStatus(actor);
  return (
    <>
      <SectionHeading
        title="Two-factor sign-in"
        intro="A code from an authenticator app on your phone, besides your password, keeps patient information safe even if your password leaks."
        saved={sp.off !== undefined ? "Two-factor sign-in is off. Remembered devices have been forgotten." : undefined}
      />
      {status.enabled ? (
        <Card>
          <div className="space-y-6">
            <p className="text-lg">
              <strong>Two-factor sign-in is on</strong>
              {status.enabledAt && <> since {formatDate(status.enabledAt)}</>}. You have {plural(status.recoveryCodesLeft, "unused recovery code")}.
            </p>
            <h2 className="text-xl font-semibold">Turn it off</h2>
            <DisableTwoFactorForm action={disableTwoFactorAction} />
          </div>
        </Card>
      ) : (
        <Card>
          <div className="space-y-4">
            <p className="text-lg">Two-factor sign-in is off.</p>
            <ButtonLink href="/two-factor/setup">Set up two-factor sign-in</ButtonLink>
          </div>
        </Card>
      )}
    </>
  );
});
