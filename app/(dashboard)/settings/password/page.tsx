import type { Metadata } from "next";
import { MIN_PASSWORD_LENGTH } from "@/lib/auth/password";
import { signedInPage } from "@/app/_server/page";
import { plural } from "@/lib/dashboard/format";
import { Card } from "@/components/ui/card";
import { PasswordForm } from "@/components/settings/password-form";
import { SectionHeading } from "@/components/settings/section-heading";
import { changePasswordAction } from "./actions";

export const metadata: Metadata = { title: "Change password" };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default signedInPage(async function PasswordSettingsPage({ searchParams }: { searchParams: SearchParams }) {
  const sp = await searchParams;
  const ended = Number(sp.changed);
  const saved =
    sp.changed === undefined
      ? undefined
      : `Your password has been changed. ${Number.isInteger(ended) && ended > 0 ? `${plural(ended, "other session")} ${ended === 1 ? "was" : "were"} signed out.` : "You stay signed in here."}`;
  return (
    <>
      <SectionHeading
        title="Password"
        intro="Changing your password signs you out everywhere else: other browsers, phones and API clients. You stay signed in here."
        saved={saved}
      />
      <Card>
        <PasswordForm
          key={String(sp.changed ?? "")}
          action={changePasswordAction}
          minLength={MIN_PASSWORD_LENGTH}
          rule={`At least ${MIN_PASSWORD_LENGTH} characters, not a common password, and not containing your name or email address. A short sentence you will remember works well.`}
        />
      </Card>
    </>
  );
});
