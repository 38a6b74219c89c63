import type { Gender } from "@/lib/db/generated/enums";
import type { PatientData } from "./collect-patient-data";

/**
 * The patient's record as a FHIR R4 Bundle (type `collection`) for another system to import: the Patient,
 * their conditions, allergies and medications as recorded by the care team, medication doses from the
 * reminders (MedicationAdministration: completed, or not-done when missed or skipped), each exchange with
 * the companion (Communication), and alerts (Flag). Resources refer to each other by `urn:uuid:` full URLs
 * inside the bundle; ids are Elda's, or derived from them for list entries that have no row of their own.
 */
type Resource = { resourceType: string; id: string; [k: string]: unknown };

const urn = (id: string) => `urn:uuid:${id}`;
const text = (t: string) => ({ text: t });
/** a stable uuid-shaped id for an item of a list on the patient row (conditions, allergies, medications) */
function derivedId(patientId: string, kind: string, i: number): string {
  const tail = `${kind.length.toString(16)}${i.toString(16)}`.padStart(12, "0").slice(-12);
  return `${patientId.slice(0, 24)}${tail}`;
}
const GENDER: Record<Gender, string> = { female: "female", male: "male", other: "other", prefer_not_to_say: "unknown" };

function patientResource(p: PatientData["patient"]): Resource {
  return {
    resourceType: "Patient",
    id: p.id,
    active: p.isActive,
    name: [
      { use: "official", family: p.lastName, given: [p.firstName], text: `${p.firstName} ${p.lastName}` },
      ...(p.preferredName ? [{ use: "usual", given: [p.preferredName] }] : []),
    ],
    birthDate: p.dateOfBirth.toISOString().slice(0, 10),
    ...(p.gender ? { gender: GENDER[p.gender] ?? "unknown" } : {}),
    ...(p.phoneNumber ? { telecom: [{ system: "phone", value: p.phoneNumber, use: "mobile" }] } : {}),
    ...(p.address ? { address: [{ text: p.address }] } : {}),
    communication: [{ language: { coding: [{ system: "urn:ietf:bcp:47", code: p.language }] }, preferred: true }],
    ...(p.emergencyContactName || p.emergencyContactPhone
      ? {
          contact: [
            {
              relationship: [{ coding: [{ system: "http://terminology.hl7.org/CodeSystem/v2-0131", code: "C", display: "Emergency Contact" }] }],
              ...(p.emergencyContactName ? { name: { text: p.emergencyContactName } } : {}),
              ...(p.emergencyContactPhone ? { telecom: [{ system: "phone", value: p.emergencyContactPhone }] } : {}),
            },
          ],
        }
      : {}),
  };
}

export function fhirBundle(d: PatientData, now: Date) {
  const p = d.patient;
  const subject = { reference: urn(p.id) };
  const resources: Resource[] = [patientResource(p)];
  p.medicalConditions.forEach((c, i) =>
    resources.push({
      resourceType: "Condition",
      id: derivedId(p.id, "condition", i),
      clinicalStatus: { coding: [{ system: "http://terminology.hl7.org/CodeSystem/condition-clinical", code: "active" }] },
      code: text(c),
      subject,
    }),
  );
  p.allergies.forEach((a, i) =>
    resources.push({
      resourceType: "AllergyIntolerance",
      id: derivedId(p.id, "allergy", i),
      clinicalStatus: { coding: [{ system: "http://terminology.hl7.org/CodeSystem/allergyintolerance-clinical", code: "active" }] },
      code: text(a),
      patient: subject,
    }),
  );
  p.medications.forEach((m, i) =>
    resources.push({
      resourceType: "MedicationStatement",
      id: derivedId(p.id, "medication", i),
      status: "active",
      medicationCodeableConcept: text(m),
      subject,
    }),
  );
  for (const r of d.reminders) {
    if (r.type !== "medication" || !["completed", "missed", "skipped"].includes(r.status)) continue;
    const done = r.status === "completed";
    resources.push({
      resourceType: "MedicationAdministration",
      id: r.id,
      status: done ? "completed" : "not-done",
      ...(done ? {} : { statusReason: [text(r.status === "missed" ? "Missed: not confirmed in time" : "Skipped by the care team")] }),
      medicationCodeableConcept: text(r.title),
      subject,
      effectiveDateTime: (r.completedAt ?? r.dueAt).toISOString(),
    });
  }
  for (const c of d.conversations) {
    for (const t of c.turns) {
      resources.push({
        resourceType: "Communication",
        id: t.id,
        status: "completed",
        subject,
        sender: subject,
        sent: t.createdAt.toISOString(),
        payload: [{ contentString: t.patientMessage }, { contentString: `Companion: ${t.aiResponse}` }],
        ...(t.sentiment || t.urgencyLevel !== "none" ? { note: [{ text: `Sentiment: ${t.sentiment ?? "unknown"}; urgency: ${t.urgencyLevel}` }] } : {}),
      });
    }
  }
  for (const a of d.alerts) {
    resources.push({
      resourceType: "Flag",
      id: a.id,
      status: a.status === "open" || a.status === "acknowledged" ? "active" : "inactive",
      code: text(a.title),
      subject,
      period: { start: a.createdAt.toISOString(), ...(a.resolvedAt ? { end: a.resolvedAt.toISOString() } : {}) },
    });
  }
  return {
    resourceType: "Bundle",
    type: "collection",
    timestamp: now.toISOString(),
    entry: resources.map((resource) => ({ fullUrl: urn(resource.id), resource })),
  };
}
