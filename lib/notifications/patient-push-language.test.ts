import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { BatchResponse, Message } from "firebase-admin/messaging";
import { db } from "@/lib/db/client";
import { clock } from "@/lib/clock";
import { call } from "@/lib/testing/http";
import { makeCaregiver, makePatient } from "@/lib/testing/factories";
import { pairPhoneAt } from "@/lib/testing/patient-phone";
import { raiseAlert } from "@/lib/alerts/raise-alert";
import { deliverDueReminders } from "@/lib/reminders/deliver-reminders";
import { checkInPush } from "@/lib/inactivity/check-in-push";
import * as schedules from "@/app/api/v1/patients/[id]/schedules/route";
import { setPushTransport } from "./channels/push";
import { pushToPatients, sendPendingPushes } from "./push-to-patient";

/**
 * What the phone hears is in the patient's language and style (issue 15, SPEC §6; docs/decisions/030): the
 * reminder push (lock screen, spoken text with the local time, repeats) and the inactivity check-in, through
 * a stand-in for FCM's sendEach. The data carries `language` for the app's voice; every SPEC §3 field stays.
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
afterEach(() => clock.set(null));

const to = (deviceId: string) => sent.filter((m) => "token" in m && m.token === `fcm-${deviceId}`);

/** A patient in Chicago with a paired phone and an 08:00 medication scheduled by her caregiver over the API. */
async function patientWithDose(day: string, fields: { language: string; communication_style: "friendly" | "formal" | "casual"; preferred_name: string }) {
  const owner = await makeCaregiver();
  const patient = await makePatient(owner, { timezone: "America/Chicago", ...fields });
  const phone = await pairPhoneAt(patient.id, new Date(`${day}T06:00:00Z`));
  const r = await call(schedules.POST, {
    token: owner.token,
    params: { id: patient.id },
    body: { type: "medication", title: "Metformina 500 mg", instructions: "Con el desayuno.", times_of_day: ["08:00"], recurrence: "daily", start_date: day },
  });
  expect(r.status, JSON.stringify(r.body)).toBe(201);
  return { patient, phone };
}

describe("a reminder push in the patient's language", () => {
  it("speaks usted to a formal Spanish speaker, tú to a friendly one and English to a French one, at 8:00 where they live", async () => {
    const day = "2025-02-03";
    const rosa = await patientWithDose(day, { language: "es", communication_style: "formal", preferred_name: "Rosa" });
    const lupe = await patientWithDose(day, { language: "es-MX", communication_style: "friendly", preferred_name: "Lupe" });
    const amelie = await patientWithDose(day, { language: "fr", communication_style: "friendly", preferred_name: "Amélie" });
    await deliverDueReminders(new Date(`${day}T14:00:00Z`)); // 08:00 in Chicago

    const [formal] = to(rosa.phone.deviceId);
    const reminder = await db.reminder.findFirstOrThrow({ where: { patientId: rosa.patient.id, dueAt: new Date(`${day}T14:00:00Z`) } });
    expect(formal.notification).toEqual({ title: "Elda: un recordatorio", body: "Es hora de su medicina. Abra Elda para escucharlo." });
    // every SPEC §3 field as before, plus the language the app's speech engine should use
    expect(formal.data).toEqual({
      type: "reminder",
      reminder_id: reminder.id,
      reminder_type: "medication",
      speak_text: "Hola. Es hora de su medicamento: Metformina 500 mg. Le toca a las 8:00. Con el desayuno.",
      requires_response: "true",
      voice_check_in: "false",
      retry_count: "0",
      notification_type: "medication_reminder",
      priority: "high",
      language: "es",
    });

    const [friendly] = to(lupe.phone.deviceId);
    expect(friendly.notification).toEqual({ title: "Elda: un recordatorio", body: "Es hora de tu medicina. Abre Elda para escucharlo." });
    expect(friendly.data).toMatchObject({
      speak_text: "¡Hola! Es hora de tu medicamento: Metformina 500 mg. Te toca a las 8:00. Con el desayuno.",
      language: "es",
    });

    const [english] = to(amelie.phone.deviceId);
    expect(english.notification).toEqual({ title: "Elda: a reminder", body: "It's time for your medicine. Open Elda to hear it." });
    expect(english.data).toMatchObject({
      speak_text: "Hi! It's time for your medication: Metformina 500 mg. This is scheduled for 8:00 AM. Con el desayuno.",
      language: "en",
    });

    // the repeat at 08:10 is in Spanish too, and the lock screen never names the medication
    await deliverDueReminders(new Date(`${day}T14:10:00Z`));
    const repeat = to(rosa.phone.deviceId)[1];
    expect(repeat.notification).toEqual({ title: "Elda: un recordatorio, otra vez", body: "Es hora de su medicina. Abra Elda para escucharlo." });
    expect(repeat.data).toMatchObject({ retry_count: "1", voice_check_in: "true", language: "es" });
    for (const m of [formal, friendly, english, repeat]) expect(JSON.stringify(m.notification)).not.toMatch(/Metformina|desayuno/);
  });
});

describe("the inactivity check-in in the patient's language", () => {
  async function checkIn(fields: { language: string; communication_style: "friendly" | "formal" | "casual" }) {
    const owner = await makeCaregiver();
    const patient = await makePatient(owner, { preferred_name: "Rosa", personal_context: { hobbies: ["la jardinería"] }, ...fields });
    const t = new Date("2025-02-04T17:00:00Z");
    const phone = await pairPhoneAt(patient.id, t);
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
    await pushToPatients(db, [(await checkInPush(db, patient.id, alert.alertId, t))!], t);
    await sendPendingPushes(t, { patientId: patient.id });
    const mine = to(phone.deviceId);
    expect(mine).toHaveLength(1);
    return mine[0];
  }

  it("asks a friendly Spanish speaker in Spanish only, opener included, with tú", async () => {
    const m = await checkIn({ language: "es", communication_style: "friendly" });
    const said = "Hola, Rosa, hace un rato que no sabemos de ti. ¿Estás bien? ¿Has tenido tiempo para la jardinería últimamente?";
    expect(m.notification).toEqual({ title: "¿Estás bien?", body: said });
    expect(m.data).toMatchObject({
      type: "check_in",
      speak_text: said,
      conversation_starter: "¿Has tenido tiempo para la jardinería últimamente?",
      language: "es",
    });
    expect(m.data).toMatchObject({ requires_response: "true", voice_check_in: "true", retry_count: "0", notification_type: "check_in", priority: "high" });
    expect(said).not.toMatch(/\b(?:Hi|we|you|Are|all right|lately|time)\b/);
  });

  it("asks a formal Spanish speaker with usted, and falls back to English for a language without a catalogue", async () => {
    const formal = await checkIn({ language: "es-MX", communication_style: "formal" });
    expect(formal.notification).toEqual({
      title: "¿Se encuentra bien?",
      body: "Hola, Rosa, hace un rato que no sabemos de usted. ¿Se encuentra bien? ¿Ha tenido tiempo para la jardinería últimamente?",
    });
    const french = await checkIn({ language: "fr", communication_style: "friendly" });
    expect(french.notification).toEqual({
      title: "Are you all right?",
      body: "Hi Rosa, we haven't heard from you in a while. Are you all right? Have you had time for la jardinería lately?",
    });
    expect(french.data).toMatchObject({ language: "en" });
  });
});
