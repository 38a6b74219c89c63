import "server-only";
import { notFound } from "next/navigation";
import { NotFound } from "@/lib/api/errors";
import { uuid } from "@/lib/validation/common";

/**
 * The thing a page shows, or null: a malformed id, a row that does not exist and one the caregiver may not see
 * all look the same (ids do not leak).
 */
export async function findOrNull<T>(id: string, load: (id: string) => Promise<T>): Promise<T | null> {
  if (!uuid.safeParse(id).success) return null;
  try {
    return await load(id);
  } catch (err) {
    if (err instanceof NotFound) return null;
    throw err;
  }
}

/** The thing a page shows, or the nearest not-found.tsx (a 404). */
export async function loadOr404<T>(id: string, load: (id: string) => Promise<T>): Promise<T> {
  return (await findOrNull(id, load)) ?? notFound();
}

/** A child of the page's patient (a schedule, a note, a conversation...), or 404: also when it belongs to another patient. */
export async function loadPatientChildOr404<T extends { patient_id: string }>(patientId: string, id: string, load: (id: string) => Promise<T>): Promise<T> {
  const child = await loadOr404(id, load);
  if (child.patient_id !== patientId) notFound();
  return child;
}
