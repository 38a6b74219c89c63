import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { currentCaregiver } from "@/app/_server/session";
import { Card } from "@/components/ui/card";
import { RegisterForm } from "@/components/auth/register-form";
import { registerAction } from "../actions";

export const metadata: Metadata = { title: "Create an account" };

export default async function RegisterPage() {
  if (await currentCaregiver()) redirect("/patients");
  return (
    <div className="space-y-6">
      <h1 className="text-3xl font-bold tracking-tight text-stone-900 sm:text-4xl">Create your caregiver account</h1>
      <p className="text-stone-700">It takes a minute. Then add the first person you look after.</p>
      <Card>
        <RegisterForm action={registerAction} />
      </Card>
      <p className="text-center">
        Already have an account?{" "}
        <Link href="/login" className="font-semibold text-teal-800 underline underline-offset-4 hover:no-underline">
          Sign in
        </Link>
      </p>
    </div>
  );
}
