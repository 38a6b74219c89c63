import type { Metadata } from "next";
import Link from "next/link";
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
export const metadata: Metadata = { title: "Invitation", referrer: "same-origin" };

const ROLE: Record<string, string> = { owner: "an owner", admin: "an admin", member: "a member" };
const STANDING: Record<string, string> = { primary: "primary caregiver", secondary: "secondary caregiver", viewer: "viewer" };

/** Why a link no longer works, in the invitee's words. */
const GONE: Record<string, { title: string; body: string }> = {
  expired: { title: "This invitation has expired.", body: "Invitations work for a limited time. Ask the person who invited you to send a new one." },
  revoked: { title: "This invitation was withdrawn.", body: "The person who sent it cancelled it. Ask them if you should still join." },
  accepted: { title: "This invitation was used already.", body: "Each link works once. If it was you, sign in; otherwise ask for a new invitation." },
};

/**
 * The page at the link an invitation email or SMS contains (lib/invitations/send-invitation.ts): who invited
 * whom to what, then join as the signed-in caregiver, sign in and join, or sign up and join. Public: the
 * token in the link is the key; every form works without script.
 */
export default async function AcceptInvitationPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const sp = await searchParams;
  const token = typeof sp.token === "string" ? sp.token : "";
  const [inv, actor] = await withRequestContext(() => Promise.all([describeInvitation(token, clock.now()), currentCaregiver()]));
  if (!inv) {
    return (
      <div className="space-y-6">
        <h1 className="text-3xl font-bold tracking-tight text-stone-900 sm:text-4xl">Invitation not found</h1>
        <Notice tone="error" title="This link does not match any invitation.">
          Check that you opened the whole link from the message. If it was sent again, only the newest link works.
        </Notice>
      </div>
    );
  }
  const me = actor ? await withRequestContext(() => getMyProfile(actor)) : null;
  const whom = inv.email ?? inv.phone ?? "you";
  const gone = inv.status === "pending" ? null : GONE[inv.status];
  return (
    <div className="space-y-6">
      <h1 className="text-3xl font-bold tracking-tight text-stone-900 sm:text-4xl">Join {inv.organization_name} on Elda</h1>
      <Card>
        <p className="text-lg">
          <span className="font-semibold">{inv.inviter_name ?? inv.organization_name}</span> invited <span className="font-semibold">{whom}</span> to join{" "}
          <span className="font-semibold">{inv.organization_name}</span> as {ROLE[inv.role]}
          {inv.names_patient && inv.standing ? <>, and to join a patient’s care team as {STANDING[inv.standing]}</> : null}.
        </p>
        {!gone && <p className="mt-2 text-stone-700">The link works once, until {formatDate(inv.expires_at.slice(0, 10))}.</p>}
      </Card>
      {gone ? (
        <Notice tone="error" title={gone.title}>
          {gone.body}
        </Notice>
      ) : me ? (
        <Card className="space-y-4">
          <p>
            You are signed in as{" "}
            <span className="font-semibold">
              {me.first_name} {me.last_name}
            </span>{" "}
            ({me.email}).
          </p>
          <JoinForm action={joinAction} token={token} organizationName={inv.organization_name} />
        </Card>
      ) : (
        <>
          <section aria-labelledby="new-heading" className="space-y-3">
            <h2 id="new-heading" className="text-2xl font-semibold">
              New to Elda? Create your account
            </h2>
            <Card>
              <SignUpJoinForm action={signUpAndJoinAction} token={token} email={inv.email} />
            </Card>
          </section>
          <section aria-labelledby="existing-heading" className="space-y-3">
            <h2 id="existing-heading" className="text-2xl font-semibold">
              Already have an account? Sign in
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
            Sign in to Elda
          </Link>
        </p>
      )}
    </div>
  );
}
