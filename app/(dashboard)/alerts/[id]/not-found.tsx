import { ButtonLink } from "@/components/ui/button";

export default function AlertNotFound() {
  return (
    <div className="mx-auto max-w-2xl space-y-4 py-8 text-center">
      <h1 className="text-3xl font-bold tracking-tight sm:text-4xl">We couldn’t find that alert</h1>
      <p className="text-stone-700">The link may be out of date, or the alert may be about a patient who is not shared with you.</p>
      <p className="pt-4">
        <ButtonLink href="/alerts">Back to your alerts</ButtonLink>
      </p>
    </div>
  );
}
