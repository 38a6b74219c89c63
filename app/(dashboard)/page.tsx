import type { Metadata } from "next";
import { clock } from "@/lib/clock";
import { getOverview } from "@/lib/overview/at-a-glance";
import { signedInPage } from "@/app/_server/page";
import { ButtonLink } from "@/components/ui/button";
import { HomeLive } from "@/components/home/home-live";

export const metadata: Metadata = { title: "Home" };

/** The caregiver's home: every patient at a glance and the open alerts, kept live in the browser. */
export default signedInPage(async function HomePage(_props: unknown, { actor }) {
  const overview = await getOverview(actor, clock.now());

  return (
    <div className="space-y-8">
      <div>
        <h1 className="text-3xl font-bold tracking-tight sm:text-4xl">At a glance</h1>
        <p className="mt-1 text-stone-700">How everyone you care for is doing right now.</p>
      </div>
      {overview.patients.length === 0 && overview.open_alert_total === 0 ? (
        <div className="rounded-xl border-2 border-dashed border-stone-300 bg-white px-6 py-12 text-center">
          <p className="text-xl font-semibold">You are not looking after anyone in Elda yet.</p>
          <p className="mx-auto mt-2 max-w-prose text-stone-700">
            Add the person you care for. Once their phone is connected, you will see here whether they are online, how their day is going, and any alert as it
            arrives.
          </p>
          <p className="mt-6">
            <ButtonLink href="/patients/new">Add your first patient</ButtonLink>
          </p>
        </div>
      ) : (
        <HomeLive initial={overview} />
      )}
    </div>
  );
});
