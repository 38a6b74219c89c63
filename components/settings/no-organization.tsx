import Link from "next/link";
import { Card } from "@/components/ui/card";
import { SectionHeading } from "./section-heading";

/** What the organization pages say to a caregiver in no organization (after leaving or deleting the last one, saying so). */
export function NoOrganization({ saved }: { saved?: string }) {
  return (
    <>
      <SectionHeading title="Organization" intro="Organizations group the caregivers and patients of one household or care service." saved={saved} />
      <Card>
        <p className="text-xl font-semibold">You are not a member of any organization.</p>
        <p className="mt-2 text-stone-700">
          Ask an owner or admin of your family’s or service’s organization to invite you, or{" "}
          <Link href="/settings/organization/new" className="font-semibold text-teal-800 underline underline-offset-4 hover:no-underline">
            create an organization
          </Link>
          .
        </p>
      </Card>
    </>
  );
}
