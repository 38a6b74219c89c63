import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { call } from "@/lib/testing/http";
import { makeCaregiver, makePatient, makeReminder, makeSchedule, pairDevice } from "@/lib/testing/factories";
import { raiseAlert } from "@/lib/alerts/raise-alert";
import { registerPushToken } from "@/lib/devices/devices";
import * as patientRoute from "@/app/api/v1/patients/[id]/route";

/**
 * GDPR erasure is the patient's deletion: every row that names the patient goes with it (foreign keys
 * cascade), in every table that has a patient column, found from the database's own catalogue so a new
 * table cannot be forgotten. Only the audit trail keeps the bare ids (who accessed which record, no PHI
 * values), as HIPAA requires, until the organization's audit retention deletes it.
 */
describe("erasure", () => {
  it("deleting a patient leaves nothing that names them but the audit trail's ids", async () => {
    const owner = await makeCaregiver();
    const patient = await makePatient(owner, { first_name: "Erin", last_name: "Erasable", medications: ["Aspirin"] });
    const device = await pairDevice(patient.id);
    await registerPushToken(
      { kind: "device", deviceId: device.deviceId, patientId: patient.id },
      { patient_id: patient.id, device_token: "erase-me", platform: "ios" },
      new Date(),
    );
    await makeSchedule(patient.id, { title: "Aspirin" });
    await makeReminder(patient.id, { dueAt: new Date(), title: "Aspirin" });
    await db.activityLog.create({ data: { patientId: patient.id, deviceId: device.deviceId, activityType: "heartbeat", details: {} } });
    const c = await db.conversation.create({ data: { patientId: patient.id, conversationType: "spontaneous", turnCount: 1 } });
    await db.conversationTurn.create({
      data: { conversationId: c.id, patientId: patient.id, sequence: 1, patientMessage: "hello", aiResponse: "hi", provider: "test" },
    });
    await raiseAlert(
      db,
      {
        patientId: patient.id,
        type: "emergency",
        severity: "critical",
        dedupKey: "e",
        title: "Erin needs help",
        description: "d",
        source: "test",
        evidence: { kind: "rule", at: "now" },
      },
      new Date(),
    );
    await db.caregiverNote.create({ data: { patientId: patient.id, authorId: owner.id, title: "t", content: "c", category: "other" } });
    await db.consent.create({ data: { patientId: patient.id, kind: "data_processing", granted: true, givenBy: "patient" } });

    const tables = await db.$queryRaw<{ table_name: string }[]>`
      SELECT table_name FROM information_schema.columns WHERE table_schema = 'public' AND column_name = 'patient_id' ORDER BY table_name`;
    const rowsNaming = async () => {
      const out: Record<string, number> = {};
      for (const { table_name } of tables) {
        const [{ n }] = await db.$queryRawUnsafe<{ n: number }[]>(`SELECT count(*)::int AS n FROM "${table_name}" WHERE patient_id = $1::uuid`, patient.id);
        if (n > 0) out[table_name] = n;
      }
      const [{ named }] = await db.$queryRaw<{ named: number }[]>`SELECT count(*)::int AS named FROM patients WHERE id = ${patient.id}::uuid`;
      if (named) out.patients = named;
      return out;
    };
    expect(Object.keys(await rowsNaming()).length).toBeGreaterThan(8);

    expect((await call(patientRoute.DELETE, { method: "DELETE", token: owner.token, params: { id: patient.id } })).status).toBe(204);
    expect(await rowsNaming()).toEqual({ audit_events: expect.any(Number) });
    expect(await db.pushToken.count({ where: { token: "erase-me" } })).toBe(0);
    // what the audit trail keeps is ids and actions, never the patient's name or data
    const trail = JSON.stringify(await db.auditEvent.findMany({ where: { patientId: patient.id } }));
    for (const phi of ["Erin", "Erasable", "Aspirin", "hello"]) expect(trail).not.toContain(phi);
  });
});
