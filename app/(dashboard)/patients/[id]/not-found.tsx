import { ButtonLink } from "@/components/ui/button";

export default function PatientNotFound() {
  return (
    <div className="mx-auto max-w-2xl space-y-4 py-8 text-center">
      <h1 className="text-3xl font-bold tracking-tight sm:text-4xl">We couldn’t find that patient</h1>
      <p className="text-stone-700">
        The link may be out of date, or the patient may not be shared with you. Ask their primary caregiver to add you to the care team.
      </p>
      <p className="pt-4">
        <ButtonLink href="/patients">Back to your patients</ButtonLink>
      </p>
    </div>
  );
}
