import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { call } from "@/lib/testing/http";
import { makeCaregiver, makePatient, makeReminder, makeSchedule, pairDevice } from "@/lib/testing/factories";
import { raiseAlert } from "@/lib/alerts/raise-alert";
import { registerPushToken } from "@/lib/devices/devices";
import * as patientRoute from "@/app/api/v1/patients/[id]/route";
import * as interact from "@/app/api/v1/voice/interact/route";

/**
 * GDPR erasure is the patient's deletion: every row that names the patient goes with it (foreign keys
 * cascade; rate-limit windows and quarantined job rows are deleted by deletePatient), in every column of
 * every table, found from the database's own catalogue so a new table cannot be forgotten. Only the audit trail keeps the bare ids (who accessed which record, no PHI
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

    // a voice message (its rate-limit window names the phone) and a quarantined job row (it names the patient)
    expect(
      (
        await call(interact.POST, {
          token: device.credential,
          body: { patient_id: patient.id, message: "My knee hurts today", conversation_type: "spontaneous" },
        })
      ).status,
    ).toBe(200);
    await db.jobQuarantine.create({
      data: {
        job: "inactivity",
        rowKind: "patient",
        rowId: patient.id,
        errorClass: "RangeError",
        errorMessage: "x",
        firstSeenAt: new Date(),
        lastSeenAt: new Date(),
        retryAfter: new Date(),
      },
    });
    await db.notificationAttempt.create({
      data: {
        idempotencyKey: `erase-${patient.id}`,
        patientId: patient.id,
        caregiverId: owner.id,
        channel: "sms",
        purpose: "alert",
        recipient: "+15550001234",
      },
    });

    // every column of every table that can hold an id or a text, from the database's own catalogue: a new
    // table or column that names the patient (their id, their phone's id, or their name) cannot be forgotten
    const columns = await db.$queryRaw<{ table_name: string; column_name: string }[]>`
      SELECT table_name, column_name FROM information_schema.columns
       WHERE table_schema = 'public' AND table_name <> '_prisma_migrations'
         AND data_type IN ('uuid', 'character varying', 'text', 'character', 'jsonb', 'json', 'ARRAY')
       ORDER BY table_name, column_name`;
    const needles = [patient.id, device.deviceId, "Erasable"];
    const rowsNaming = async () => {
      const out: Record<string, number> = {};
      for (const { table_name, column_name } of columns) {
        const [{ n }] = await db.$queryRawUnsafe<{ n: number }[]>(
          `SELECT count(*)::int AS n FROM "${table_name}" WHERE ${needles.map((_, i) => `"${column_name}"::text LIKE $${i + 1}`).join(" OR ")}`,
          ...needles.map((x) => `%${x}%`),
        );
        if (n > 0) out[`${table_name}.${column_name}`] = n;
      }
      return out;
    };
    const before = await rowsNaming();
    for (const named of ["rate_limit_buckets.key", "job_quarantine.row_id", "conversations.patient_id", "notification_attempts.patient_id", "patients.id"])
      expect(before).toHaveProperty([named]);
    expect(Object.keys(before).length).toBeGreaterThan(12);

    expect((await call(patientRoute.DELETE, { method: "DELETE", token: owner.token, params: { id: patient.id } })).status).toBe(204);
    const after = await rowsNaming();
    expect(Object.keys(after).every((c) => c.startsWith("audit_events."))).toBe(true);
    expect(after).toHaveProperty(["audit_events.patient_id"]);
    expect(await db.pushToken.count({ where: { token: "erase-me" } })).toBe(0);
    // what the audit trail keeps is ids and actions, never the patient's name or data
    const trail = JSON.stringify(await db.auditEvent.findMany({ where: { patientId: patient.id } }));
    for (const phi of ["Erin", "Erasable", "Aspirin", "hello"]) expect(trail).not.toContain(phi);
  });
});
