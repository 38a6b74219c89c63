import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { call } from "@/lib/testing/http";
import { joinCareTeam, makeCaregiver, makePatient, makeReminder, pairDevice } from "@/lib/testing/factories";
import { raiseAlert } from "@/lib/alerts/raise-alert";
import { registerPushToken } from "@/lib/devices/devices";
import * as exporter from "./route";

async function recordedPatient() {
  const owner = await makeCaregiver({ firstName: "Sarah" });
  const patient = await makePatient(owner, {
    first_name: "Betty",
    last_name: "Johnson",
    preferred_name: "Grandma Betty",
    gender: "female",
    date_of_birth: "1945-05-15",
    phone_number: "+15551230000",
    emergency_contact_name: "Sarah Miller",
    emergency_contact_phone: "+15551239999",
    medical_conditions: ["Type 2 diabetes", "Hypertension"],
    allergies: ["Penicillin"],
    medications: ["Metformin 500mg"],
  });
  const device = await pairDevice(patient.id);
  await registerPushToken(
    { kind: "device", deviceId: device.deviceId, patientId: patient.id },
    { patient_id: patient.id, device_token: "fcm-secret-token", platform: "android" },
    new Date(),
  );
  await db.activityLog.create({
    data: {
      patientId: patient.id,
      deviceId: device.deviceId,
      activityType: "heartbeat",
      batteryLevel: 80,
      details: {},
      occurredAt: new Date("2026-03-01T13:00:00Z"),
    },
  });
  await makeReminder(patient.id, { dueAt: new Date("2026-03-01T14:00:00Z"), title: "Metformin 500mg", type: "medication", status: "completed" });
  await makeReminder(patient.id, { dueAt: new Date("2026-03-01T23:00:00Z"), title: "Metformin 500mg", type: "medication", status: "missed" });
  const c = await db.conversation.create({
    data: { patientId: patient.id, conversationType: "spontaneous", startedAt: new Date("2026-03-02T15:00:00Z"), turnCount: 1 },
  });
  await db.conversationTurn.create({
    data: {
      conversationId: c.id,
      patientId: patient.id,
      sequence: 1,
      patientMessage: "My roses are blooming",
      aiResponse: "How lovely!",
      sentiment: "positive",
      provider: "test",
      createdAt: new Date("2026-03-02T15:00:00Z"),
    },
  });
  await raiseAlert(
    db,
    {
      patientId: patient.id,
      type: "emergency",
      severity: "critical",
      dedupKey: "emergency",
      title: "Betty pressed the emergency button",
      description: "d",
      source: "test",
      evidence: { kind: "rule", at: "now" },
    },
    new Date(),
  );
  await db.caregiverNote.create({ data: { patientId: patient.id, authorId: owner.id, title: "Garden", content: "Loves her roses.", category: "preferences" } });
  await db.consent.create({ data: { patientId: patient.id, kind: "ai_companion", granted: true, givenBy: "patient", recordedById: owner.id } });
  return { owner, patient };
}

const get = (token: string, id: string, format?: string) => call(exporter.GET, { token, params: { id }, path: `/x${format ? `?format=${format}` : ""}` });

describe("GET /api/v1/patients/{id}/export (GDPR access and portability)", () => {
  it("gives everything held about the patient as JSON, without secrets, and audits it", async () => {
    const { owner, patient } = await recordedPatient();
    const r = await get(owner.token, patient.id);
    expect(r.status).toBe(200);
    expect(r.headers.get("content-disposition")).toMatch(
      new RegExp(`attachment; filename="elda-patient-${patient.id.slice(0, 8)}-\\d{4}-\\d{2}-\\d{2}\\.json"`),
    );
    expect(r.headers.get("cache-control")).toContain("no-store");
    const body = r.body;
    expect(body).toMatchObject({
      format: "elda-patient-export",
      version: 1,
      patient: { id: patient.id, first_name: "Betty", allergies: ["Penicillin"], date_of_birth: "1945-05-15T00:00:00.000Z" },
    });
    expect(body.care_team).toEqual([expect.objectContaining({ standing: "primary", caregiver: { id: owner.id, name: expect.stringContaining("Sarah") } })]);
    expect(body.devices).toHaveLength(1);
    expect(body.reminders.map((x: { status: string }) => x.status).sort()).toEqual(["completed", "missed"]);
    expect(body.conversations[0].turns[0].patient_message).toBe("My roses are blooming");
    expect(body.alerts[0]).toMatchObject({ type: "emergency", events: [expect.objectContaining({ kind: "raised" })] });
    expect(body.notes[0].content).toBe("Loves her roses.");
    expect(body.consents[0]).toMatchObject({ kind: "ai_companion", granted: true });
    expect(body.activity).toEqual([expect.objectContaining({ activity_type: "heartbeat", battery_level: 80, occurred_at: "2026-03-01T13:00:00.000Z" })]);
    const text = JSON.stringify(body);
    for (const secret of ["credential_hash", "fcm-secret-token", "token_hash", "password"]) expect(text).not.toContain(secret);
    const audit = await db.auditEvent.findFirst({ where: { action: "patient.exported", patientId: patient.id } });
    expect(audit).toMatchObject({ actorId: owner.id, metadata: { format: "json" } });
  });

  it("gives a FHIR R4 collection Bundle whose references all resolve inside it", async () => {
    const { owner, patient } = await recordedPatient();
    const r = await get(owner.token, patient.id, "fhir");
    expect(r.status).toBe(200);
    expect(r.headers.get("content-type")).toContain("application/fhir+json");
    const bundle = r.body as {
      resourceType: string;
      type: string;
      entry: { fullUrl: string; resource: Record<string, unknown> & { resourceType: string; id: string } }[];
    };
    expect(bundle).toMatchObject({ resourceType: "Bundle", type: "collection" });
    const count = (t: string) => bundle.entry.filter((e) => e.resource.resourceType === t).length;
    expect({
      Patient: count("Patient"),
      Condition: count("Condition"),
      AllergyIntolerance: count("AllergyIntolerance"),
      MedicationStatement: count("MedicationStatement"),
      MedicationAdministration: count("MedicationAdministration"),
      Communication: count("Communication"),
      Flag: count("Flag"),
    }).toEqual({
      Patient: 1,
      Condition: 2,
      AllergyIntolerance: 1,
      MedicationStatement: 1,
      MedicationAdministration: 2,
      Communication: 1,
      Flag: 1,
    });
    const p = bundle.entry.find((e) => e.resource.resourceType === "Patient")!.resource;
    expect(p).toMatchObject({
      id: patient.id,
      birthDate: "1945-05-15",
      gender: "female",
      name: [
        { family: "Johnson", given: ["Betty"] },
        { use: "usual", given: ["Grandma Betty"] },
      ],
    });
    const doses = bundle.entry
      .filter((e) => e.resource.resourceType === "MedicationAdministration")
      .map((e) => e.resource.status)
      .sort();
    expect(doses).toEqual(["completed", "not-done"]);
    // every id unique, every fullUrl the resource's urn, every reference one of the bundle's fullUrls
    const urls = new Set(bundle.entry.map((e) => e.fullUrl));
    expect(urls.size).toBe(bundle.entry.length);
    for (const e of bundle.entry) {
      expect(e.fullUrl).toBe(`urn:uuid:${e.resource.id}`);
      expect(e.resource.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    }
    const refs = JSON.stringify(bundle).match(/"reference":"[^"]+"/g) ?? [];
    expect(refs.length).toBeGreaterThan(0);
    for (const ref of refs) expect(urls.has(ref.slice(13, -1))).toBe(true);
  });

  it("is for a primary caregiver or an organization admin only; others are refused and nothing is recorded", async () => {
    const { owner, patient } = await recordedPatient();
    const secondary = await makeCaregiver({ organizationId: owner.organizationId });
    await joinCareTeam(patient.id, secondary.id, "secondary");
    const admin = await makeCaregiver({ organizationId: owner.organizationId, role: "admin" });
    const stranger = await makeCaregiver();
    expect((await get(secondary.token, patient.id)).status).toBe(403);
    expect((await get(stranger.token, patient.id)).status).toBe(404);
    expect((await get(admin.token, patient.id, "fhir")).status).toBe(200);
    expect((await get(owner.token, patient.id, "xml")).status).toBe(422);
    expect((await call(exporter.GET, { params: { id: patient.id }, path: "/x" })).status).toBe(401);
    expect(await db.auditEvent.count({ where: { action: "patient.exported", patientId: patient.id } })).toBe(1);
  });
});
