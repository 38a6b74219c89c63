import "server-only";
import type { z } from "zod";
import { db } from "@/lib/db/client";
import type { Actor } from "@/lib/auth/actor";
import { assertPatientAccess } from "@/lib/auth/policy";
import { recordAudit } from "@/lib/audit/record-audit";
import { asApiJson, collectPatientData } from "./collect-patient-data";
import { fhirBundle } from "./fhir-bundle";
import type { exportPatientQuery } from "./schemas";

/**
 * GDPR access and portability (SPEC §8): all of a patient's data as one download, as Elda's JSON or as a
 * FHIR R4 Bundle. Only a primary caregiver or an organization owner or admin may take it (it is the whole
 * record), and the export itself is on the audit trail. The file name has a short id, never the name.
 */
export async function exportPatientData(actor: Actor, patientId: string, q: z.infer<typeof exportPatientQuery>, now: Date): Promise<Response> {
  const access = await assertPatientAccess(db, actor, patientId, "manage");
  const data = await db.$transaction((tx) => collectPatientData(tx, patientId), { isolationLevel: "RepeatableRead" });
  await recordAudit(db, actor, {
    action: "patient.exported",
    targetType: "patient",
    targetId: patientId,
    patientId,
    organizationId: access.organizationId,
    metadata: { format: q.format },
  });
  const day = now.toISOString().slice(0, 10);
  const body =
    q.format === "fhir"
      ? fhirBundle(data, now)
      : {
          format: "elda-patient-export",
          version: 1,
          exported_at: now.toISOString(),
          ...(asApiJson({
            ...data,
            careTeam: data.careTeam.map((m) => ({ ...m, caregiver: { id: m.caregiver.id, name: `${m.caregiver.firstName} ${m.caregiver.lastName}` } })),
          }) as object),
        };
  const name = `elda-patient-${patientId.slice(0, 8)}-${day}.${q.format === "fhir" ? "fhir.json" : "json"}`;
  return new Response(JSON.stringify(body), {
    status: 200,
    headers: { "content-type": q.format === "fhir" ? "application/fhir+json" : "application/json", "content-disposition": `attachment; filename="${name}"` },
  });
}
