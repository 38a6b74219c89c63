import { clock } from "@/lib/clock";
import { PatientHeader } from "@/components/patients/patient-header";
import { PatientTabs } from "@/components/patients/patient-tabs";
import { signedInPage } from "@/app/_server/page";
import { findPagePatient } from "./load-patient";

/**
 * Around every tab of one patient: who they are, their local time, and the tabs. For a patient that is not
 * theirs to see, only the page renders (it calls notFound(), and this folder's not-found.tsx answers 404):
 * a layout's own notFound() would skip that boundary.
 * The patient's name is the h1 here; each tab's page starts at h2 (its own title) and goes on with h3.
 */
export default signedInPage(async function PatientLayout({ params, children }: { params: Promise<{ id: string }>; children: React.ReactNode }) {
  const { id } = await params;
  const p = await findPagePatient(id);
  if (!p) return children;
  return (
    <div className="space-y-8">
      <PatientHeader patient={p} now={clock.now()} />
      <PatientTabs patientId={p.id} />
      <div>{children}</div>
    </div>
  );
});
