import "server-only";
import { cache } from "react";
import { notFound } from "next/navigation";
import { clock } from "@/lib/clock";
import { getPatient } from "@/lib/patients/get-patient";
import type { PatientOutput } from "@/lib/patients/schemas";
import { signedInCaregiver } from "@/app/_server/session";
import { findOrNull } from "@/app/_server/not-found";

/**
 * The patient of this page, or null when the id is malformed or the patient is not shared with the signed-in
 * caregiver (someone else's patient looks exactly like a missing one). Cached per request: the layout and the
 * page share one read (and one audit row). Called inside signedInPage(), so the read is in the request context.
 */
export const findPagePatient = cache(async (id: string): Promise<PatientOutput | null> => {
  const actor = await signedInCaregiver();
  return findOrNull(id, (id) => getPatient(actor, id, clock.now()));
});

/** The patient of this page; a 404 page (this folder's not-found.tsx) when it is not theirs to see. */
export async function loadPagePatient(id: string): Promise<PatientOutput> {
  const p = await findPagePatient(id);
  if (!p) notFound();
  return p;
}

/**
 * What the page offers to the signed-in caregiver (the domain functions decide again on every change):
 * viewers only read; a null standing means an organization owner/admin, who may do everything.
 */
export const canWrite = (p: PatientOutput) => p.my_standing !== "viewer";
export const canManage = (p: PatientOutput) => p.my_standing === "primary" || p.my_standing === null;
