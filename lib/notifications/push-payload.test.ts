import { readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { BatchResponse, Message } from "firebase-admin/messaging";
import { db } from "@/lib/db/client";
import { makeCaregiver, makePatient, makeReminder, pairDevice } from "@/lib/testing/factories";
import { registerPushToken } from "@/lib/devices/devices";
import { raiseAlert } from "@/lib/alerts/raise-alert";
import { reminderPush } from "@/lib/reminders/deliver-reminders";
import { checkInPush } from "@/lib/inactivity/check-in-push";
import { setPushTransport } from "./channels/push";
import { pushToPatients, sendPendingPushes } from "./push-to-patient";

/**
 * A patient push is rendered once, when its attempt is recorded (by the reminder sweep or the inactivity
 * check-in), and stored on the attempt; the sender sends exactly what is stored and renders nothing.
 */
const sent: Message[] = [];
beforeAll(() =>
  setPushTransport({
    async sendEach(messages: Message[]): Promise<BatchResponse> {
      sent.push(...messages);
      return { responses: messages.map((_, i) => ({ success: true, messageId: `m${i}` })), successCount: messages.length, failureCount: 0 };
    },
  }),
);
afterAll(() => setPushTransport(undefined));

async function phoneFor(timezone = "America/Chicago") {
  const owner = await makeCaregiver();
  const patient = await makePatient(owner, { timezone, preferred_name: "Bets" });
  const device = await pairDevice(patient.id);
  await registerPushToken(
    { kind: "device", deviceId: device.deviceId, patientId: patient.id },
    { patient_id: patient.id, device_token: `fcm-${patient.id}`, platform: "android" },
    new Date(),
  );
  return patient;
}

/** The reminder as the delivery sweep reads it. */
async function dueRow(reminderId: string) {
  const r = await db.reminder.findUniqueOrThrow({
    where: { id: reminderId },
    include: { patient: { select: { timezone: true, language: true, communicationStyle: true } } },
  });
  return {
    id: r.id,
    patient_id: r.patientId,
    type: r.type,
    title: r.title,
    message: r.message,
    status: r.status,
    due_at: r.dueAt,
    delivery_count: r.deliveryCount,
    repeat_until_acknowledged: null,
    repeat_interval_minutes: null,
    max_repeats: null,
    missed_after_minutes: null,
    org_settings: {},
    timezone: r.patient.timezone,
    language: r.patient.language,
    communication_style: r.patient.communicationStyle,
  };
}

describe("patient pushes", () => {
  it("go out as they were rendered when recorded: a reminder renamed afterwards changes nothing already recorded", async () => {
    const t = new Date("2032-01-05T14:00:00Z");
    const patient = await phoneFor();
    const reminder = await makeReminder(patient.id, { dueAt: t, title: "Metformin 500mg" });
    const push = reminderPush(await dueRow(reminder.id), 1);
    await pushToPatients(db, [push], t);
    await db.reminder.update({ where: { id: reminder.id }, data: { title: "Something else" } });
    await sendPendingPushes(t, { patientId: patient.id });
    const mine = sent.filter((m) => "token" in m && m.token === `fcm-${patient.id}`);
    expect(mine).toHaveLength(1);
    expect(mine[0].notification).toEqual({ title: "Elda: a reminder", body: "It's time for your medicine. Open Elda to hear it." });
    expect(mine[0].data?.speak_text).toBe("Hi! It's time for your medication: Metformin 500mg. This is scheduled for 8:00 AM. Take with breakfast");
    expect(mine[0].data).toEqual(push.data);
    const attempt = await db.notificationAttempt.findFirstOrThrow({ where: { reminderId: reminder.id } });
    expect(attempt).toMatchObject({ status: "sent", payload: { title: push.title, body: push.body, data: push.data } });
  });
});

describe("the migration that stores push payloads", () => {
  /** Its backfill statements, run as the deploy runs them. */
  const backfill = readFileSync(path.resolve(import.meta.dirname, "../../prisma/migrations/20261201030000_push_payload_on_attempts/migration.sql"), "utf8")
    .split(/;\s*\n/)
    .map((s) => s.replace(/^\s*--.*$/gm, "").trim())
    .filter((s) => s.startsWith("UPDATE"));

  it("renders the pushes recorded before it, and not sent yet, as the code renders them", async () => {
    expect(backfill).toHaveLength(2);
    const t = new Date("2032-01-07T23:30:00Z");
    const patient = await phoneFor("America/New_York");
    const reminder = await makeReminder(patient.id, { dueAt: t, title: "Lisinopril" });
    // the second push of the instance: "a reminder, again" and a voice check-in
    await db.reminder.update({ where: { id: reminder.id }, data: { deliveryCount: 2 } });
    const alert = await raiseAlert(
      db,
      {
        patientId: patient.id,
        type: "inactivity",
        severity: "medium",
        dedupKey: "inactivity",
        title: "No activity",
        description: "d",
        source: "inactivity:4h",
        evidence: { kind: "rule", at: t.toISOString() },
      },
      t,
    );
    const reminderMessage = reminderPush(await dueRow(reminder.id), 2);
    const checkIn = (await checkInPush(db, patient.id, alert.alertId, t))!;
    expect(checkIn.data.conversation_starter).toBeUndefined();
    await pushToPatients(db, [reminderMessage, checkIn], t);
    // as they were before the migration: nothing stored
    await db.$executeRaw`UPDATE notification_attempts SET payload = NULL WHERE patient_id = ${patient.id}::uuid`;
    for (const statement of backfill) await db.$executeRawUnsafe(statement);
    const payloadOf = async (purpose: "reminder" | "check_in") =>
      (await db.notificationAttempt.findFirstOrThrow({ where: { patientId: patient.id, purpose, status: "pending" } })).payload;
    // pushes recorded before the migration were English, and before the data carried `language` (decision 030)
    const withoutLanguage = (data: Record<string, string>) => ({ ...data, language: undefined });
    expect(await payloadOf("reminder")).toEqual({ title: reminderMessage.title, body: reminderMessage.body, data: withoutLanguage(reminderMessage.data) });
    expect([reminderMessage.title, reminderMessage.body]).toEqual(["Elda: a reminder, again", "It's time for your medicine. Open Elda to hear it."]);
    expect(reminderMessage.data.speak_text).toContain("Lisinopril. This is scheduled for 6:30 PM");
    expect(await payloadOf("check_in")).toEqual({ title: checkIn.title, body: checkIn.body, data: withoutLanguage(checkIn.data) });
    expect(checkIn.body).toMatch(/^Hi Bets, /);
    // left pending, they would go out with other files' global sweeps
    await db.notificationAttempt.deleteMany({ where: { patientId: patient.id } });
  });
});
