import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { clock } from "@/lib/clock";
import { NotFound } from "@/lib/api/errors";
import { getPatient } from "@/lib/patients/get-patient";
import { patientIdParams, type PatientOutput } from "@/lib/patients/schemas";
import { pageActor, withRequestContext } from "@/lib/dashboard/request";
import { formatDate, formatDateTime, localTime, timeAgo } from "@/lib/dashboard/format";
import { Notice } from "@/components/ui/notice";

type Props = { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

// the patient's name stays out of the document title (titles end up in history and shared screens)
export const metadata: Metadata = { title: "Patient" };

async function load(id: string): Promise<PatientOutput> {
  const actor = await pageActor();
  const parsed = patientIdParams.safeParse({ id });
  if (!parsed.success) notFound();
  try {
    return await withRequestContext(() => getPatient(actor, parsed.data.id, clock.now()));
  } catch (err) {
    // someone else's patient answers 404 as well: ids do not leak
    if (err instanceof NotFound) notFound();
    throw err;
  }
}

const languages = new Intl.DisplayNames(["en"], { type: "language" });
function languageName(code: string): string {
  try {
    return languages.of(code) ?? code;
  } catch {
    return code;
  }
}
const capitalize = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

const GENDER: Record<string, string> = { female: "Female", male: "Male", other: "Other", prefer_not_to_say: "Prefers not to say" };
const STANDING: Record<string, string> = {
  primary: "You are their primary caregiver.",
  secondary: "You are on their care team.",
  viewer: "You can view their information.",
};

export default async function PatientPage({ params, searchParams }: Props) {
  const { id } = await params;
  const p = await load(id);
  const sp = await searchParams;
  const now = clock.now();
  const none = <span className="text-stone-600">Not recorded</span>;
  const list = (items: string[]) => (items.length ? items.join(", ") : none);

  return (
    <div className="space-y-8">
      <nav aria-label="Breadcrumb">
        <Link href="/patients" className="font-semibold text-teal-800 underline underline-offset-4 hover:no-underline">
          <span aria-hidden="true">← </span>All patients
        </Link>
      </nav>

      {sp.created !== undefined && (
        <Notice tone="success" role="status" title={`${p.full_name} has been added.`}>
          Next, you will be able to connect their phone and set up reminders.
        </Notice>
      )}

      <div className="flex flex-wrap items-start gap-5">
        <span aria-hidden="true" className="grid size-16 shrink-0 place-items-center rounded-full bg-teal-100 text-2xl font-bold text-teal-900">
          {p.first_name.charAt(0)}
          {p.last_name.charAt(0)}
        </span>
        <div>
          <h1 className="text-3xl font-bold tracking-tight sm:text-4xl">{p.full_name}</h1>
          <p className="mt-1 text-stone-700">
            {p.preferred_name && p.preferred_name !== p.first_name ? <>Goes by {p.preferred_name} · </> : null}
            Age {p.age}
            {!p.is_active && <> · <strong>Inactive</strong></>}
          </p>
          {p.my_standing && <p className="mt-1 text-base text-stone-600">{STANDING[p.my_standing]}</p>}
        </div>
      </div>

      <div className="grid gap-6 md:grid-cols-2">
        <Section title="Profile">
          <Row label="First name">{p.first_name}</Row>
          <Row label="Last name">{p.last_name}</Row>
          <Row label="Preferred name">{p.preferred_name || none}</Row>
          <Row label="Date of birth">
            {formatDate(p.date_of_birth)} (age {p.age})
          </Row>
          <Row label="Gender">{p.gender ? (GENDER[p.gender] ?? p.gender) : none}</Row>
          <Row label="Language">{languageName(p.language)}</Row>
        </Section>

        <Section title="Contact and location">
          <Row label="Phone">{p.phone_number ? <a href={`tel:${p.phone_number}`} className="text-teal-800 underline underline-offset-4">{p.phone_number}</a> : none}</Row>
          <Row label="Address">{p.address || none}</Row>
          <Row label="Time zone">{p.timezone.replaceAll("_", " ")}</Row>
          <Row label="Their local time">{localTime(now, p.timezone)}</Row>
          <Row label="Emergency contact">
            {p.emergency_contact_name || p.emergency_contact_phone ? [p.emergency_contact_name, p.emergency_contact_phone].filter(Boolean).join(", ") : none}
          </Row>
        </Section>

        <Section title="Activity">
          <Row label="Last active">{capitalize(timeAgo(p.last_active_at, now, p.timezone))}</Row>
          <Row label="Phone app">{p.last_heartbeat_at ? `Last heard from ${timeAgo(p.last_heartbeat_at, now, p.timezone)}` : "Not connected yet"}</Row>
          {p.app_version && <Row label="App version">{p.app_version}</Row>}
          <Row label="Added">{formatDateTime(p.created_at, p.timezone)}</Row>
        </Section>

        <Section title="Health">
          <Row label="Conditions">{list(p.medical_conditions)}</Row>
          <Row label="Medications">{list(p.medications)}</Row>
          <Row label="Allergies">{list(p.allergies)}</Row>
          <Row label="Diet">{list(p.dietary_restrictions)}</Row>
        </Section>
      </div>
    </div>
  );
}

function Section({ title, children }: { title: string; children: React.ReactNode }) {
  const id = `section-${title.toLowerCase().replace(/\W+/g, "-")}`;
  return (
    <section aria-labelledby={id} className="rounded-xl border border-stone-200 bg-white p-6 shadow-sm">
      <h2 id={id} className="text-xl font-semibold">
        {title}
      </h2>
      <dl className="mt-4 divide-y divide-stone-100">{children}</dl>
    </section>
  );
}

function Row({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div className="grid grid-cols-1 gap-x-4 py-2.5 sm:grid-cols-[10rem_1fr]">
      <dt className="text-base font-medium text-stone-600">{label}</dt>
      <dd className="text-stone-900">{children}</dd>
    </div>
  );
}
