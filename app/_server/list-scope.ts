import "server-only";
import type { CaregiverActor } from "@/lib/auth/actor";
import { listFacilities } from "@/lib/orgs/facilities";
import { currentOrganization } from "./current-organization";

export interface ListScope {
  /** the header's current organization: every list shows its patients only */
  organizationId: string | undefined;
  /** the facility the page is narrowed to (one the caregiver administers), if any */
  facility: { id: string; name: string } | undefined;
  /** the facilities to choose from: those of the current organization the caregiver administers, when more than one */
  facilities: { id: string; name: string }[];
}

/**
 * What the dashboard's lists (home, patients, alerts, reports) show: the current organization's patients, as
 * an office manager working in one agency expects, and for an admin of several of its facilities one
 * facility's when `facilityParam` names one of them (anything else is ignored: the whole view is shown).
 */
export async function listScope(actor: CaregiverActor, facilityParam: string | undefined): Promise<ListScope> {
  const { current } = await currentOrganization(actor);
  if (!current) return { organizationId: undefined, facility: undefined, facilities: [] };
  const administered =
    current.role === "member"
      ? []
      : (await listFacilities(actor, current.id)).items.filter((f) => f.patient_count !== null).map((f) => ({ id: f.id, name: f.name }));
  const facilities = administered.length > 1 ? administered : [];
  return { organizationId: current.id, facility: facilities.find((f) => f.id === facilityParam), facilities };
}

/** The query string that keeps a list's facility choice across its links ("" or "facility=<id>"). */
export const facilityParam = (scope: ListScope) => (scope.facility ? `facility=${scope.facility.id}` : "");
