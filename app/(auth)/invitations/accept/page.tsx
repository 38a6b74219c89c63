import type { Metadata } from "next";
import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { clock } from "@/lib/clock";
import { describeInvitation } from "@/lib/invitations/describe-invitation";
import { getMyProfile } from "@/lib/caregivers/profile";
import { currentCaregiver } from "@/app/_server/session";
import { withRequestContext } from "@/app/_server/request-context";
import { formatDate } from "@/lib/dashboard/format";
import { Card } from "@/components/ui/card";
import { Notice } from "@/components/ui/notice";
import { JoinForm, SignInJoinForm, SignUpJoinForm } from "@/components/invitations/accept-forms";
import { joinAction, signInAndJoinAction, signUpAndJoinAction } from "./actions";

// the link carries the token: no other site learns it from a Referer (same-site form posts keep their Origin, which server actions check)
export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("auth.invitation"))("title"), referrer: "same-origin" };
}

/** Why a link no longer works, in the invitee's words (`auth.invitation.<status>` and `<status>Body`). */
const GONE = ["expired", "revoked", "accepted"] as const;

/**
 * The page at the link an invitation email or SMS contains (lib/invitations/send-invitation.ts): who invited
 * whom to what, then join as the signed-in caregiver, sign in and join, or sign up and join. Public: the
 * token in the link is the key; every form works without script.
 */
export default async function AcceptInvitationPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const sp = await searchParams;
  const [t, locale] = await Promise.all([getTranslations("auth.invitation"), getLocale()]);
  const token = typeof sp.token === "string" ? sp.token : "";
  const [inv, actor] = await withRequestContext(() => Promise.all([describeInvitation(token, clock.now()), currentCaregiver()]));
  if (!inv) {
    return (
      <div className="space-y-6">
        <h1 className="text-3xl font-bold tracking-tight text-stone-900 sm:text-4xl">{t("notFound")}</h1>
        <Notice tone="error" title={t("noMatch")}>
          {t("noMatchBody")}
        </Notice>
      </div>
    );
  }
  const me = actor ? await withRequestContext(() => getMyProfile(actor)) : null;
  const whom = inv.email ?? inv.phone ?? t("you");
  const status = GONE.find((s) => s === inv.status);
  const gone = inv.status === "pending" || !status ? null : { title: t(status), body: t(`${status}Body`) };
  const invited = { inviter: inv.inviter_name ?? inv.organization_name, whom, organization: inv.organization_name, role: inv.role };
  return (
    <div className="space-y-6">
      <h1 className="text-3xl font-bold tracking-tight text-stone-900 sm:text-4xl">{t("heading", { organization: inv.organization_name })}</h1>
      <Card>
        <p className="text-lg">{inv.names_patient && inv.standing ? t("invitedWithPatient", { ...invited, standing: inv.standing }) : t("invited", invited)}</p>
        {!gone && <p className="mt-2 text-stone-700">{t("worksUntil", { date: formatDate(inv.expires_at.slice(0, 10), "UTC", locale) })}</p>}
      </Card>
      {gone ? (
        <Notice tone="error" title={gone.title}>
          {gone.body}
        </Notice>
      ) : me ? (
        <Card className="space-y-4">
          <p>{t("signedInAs", { name: `${me.first_name} ${me.last_name}`, email: me.email })}</p>
          <JoinForm action={joinAction} token={token} organizationName={inv.organization_name} />
        </Card>
      ) : (
        <>
          <section aria-labelledby="new-heading" className="space-y-3">
            <h2 id="new-heading" className="text-2xl font-semibold">
              {t("newHeading")}
            </h2>
            <Card>
              <SignUpJoinForm action={signUpAndJoinAction} token={token} email={inv.email} />
            </Card>
          </section>
          <section aria-labelledby="existing-heading" className="space-y-3">
            <h2 id="existing-heading" className="text-2xl font-semibold">
              {t("existingHeading")}
            </h2>
            <Card>
              <SignInJoinForm action={signInAndJoinAction} token={token} email={inv.email} />
            </Card>
          </section>
        </>
      )}
      {gone && (
        <p className="text-center">
          <Link href="/login" className="font-semibold text-teal-800 underline underline-offset-4 hover:no-underline">
            {t("signInToElda")}
          </Link>
        </p>
      )}
    </div>
  );
}
