import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { currentCaregiver } from "@/app/_server/session";
import { Card } from "@/components/ui/card";
import { Notice } from "@/components/ui/notice";
import { LoginForm } from "@/components/auth/login-form";
import { signInAction } from "../actions";

export const metadata: Metadata = { title: "Sign in" };

export default async function LoginPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  if (await currentCaregiver()) redirect("/patients");
  const sp = await searchParams;
  return (
    <div className="space-y-6">
      <h1 className="text-3xl font-bold tracking-tight text-stone-900 sm:text-4xl">Sign in</h1>
      <p className="text-stone-700">Welcome back. Sign in to see how the people you care for are doing.</p>
      {sp.signed_out !== undefined && <Notice tone="success" role="status" title="You have signed out." />}
      {sp.timed_out !== undefined && (
        <Notice tone="info" role="status" title="You were signed out after a while without activity.">
          This keeps patient information private on a computer left open. Sign in again to continue.
        </Notice>
      )}
      {sp.registered !== undefined && <Notice tone="info" role="status" title="Your account is ready. Sign in to continue." />}
      <Card>
        <LoginForm action={signInAction} />
      </Card>
      <p className="text-center">
        New to Elda?{" "}
        <Link href="/register" className="font-semibold text-teal-800 underline underline-offset-4 hover:no-underline">
          Create a caregiver account
        </Link>
      </p>
    </div>
  );
}
