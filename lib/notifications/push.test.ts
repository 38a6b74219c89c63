import { afterEach, describe, expect, it } from "vitest";
import type { BatchResponse, Message } from "firebase-admin/messaging";
import { db } from "@/lib/db/client";
import { makeCaregiver, makePatient, pairDevice } from "@/lib/testing/factories";
import { registerPushToken } from "@/lib/devices/devices";
import { createSchedule } from "@/lib/schedules/schedules";
import { deliverDueReminders } from "@/lib/reminders/deliver-reminders";
import { sendDailySummaries } from "@/lib/summaries/deliver-daily-summaries";
import { setPushTransport } from "./channels/push";

afterEach(() => setPushTransport(undefined));

/** A stand-in for FCM's sendEach: records what was sent; one token is dead. */
function fakeFcm(dead: string) {
  const sent: Message[] = [];
  setPushTransport({
    async sendEach(messages: Message[]): Promise<BatchResponse> {
      sent.push(...messages);
      const responses = messages.map((m, i) =>
        "token" in m && m.token === dead
          ? { success: false as const, error: { code: "messaging/registration-token-not-registered", message: "Requested entity was not found." } as never }
          : { success: true as const, messageId: `projects/elda/messages/${i}` },
      );
      return { responses, successCount: responses.filter((r) => r.success).length, failureCount: responses.filter((r) => !r.success).length };
    },
  });
  return sent;
}

describe("reminder pushes through FCM", () => {
  it("sends the SPEC §3 data to every token of the phone and deletes the tokens FCM reports dead", async () => {
    const owner = await makeCaregiver();
    const patient = await makePatient(owner, { timezone: "America/Chicago" });
    const device = await pairDevice(patient.id);
    const actor = { kind: "device" as const, deviceId: device.deviceId, patientId: patient.id };
    await registerPushToken(actor, { patient_id: patient.id, device_token: "live-token", platform: "android" }, new Date());
    await registerPushToken(actor, { patient_id: patient.id, device_token: "dead-token", platform: "android" }, new Date());
    await createSchedule(
      owner.actor,
      patient.id,
      { type: "medication", title: "Metformin", times_of_day: ["08:00"], recurrence: "daily", start_date: "2026-02-10" },
      new Date("2026-02-10T06:00:00Z"),
    );
    const sent = fakeFcm("dead-token");
    await deliverDueReminders(new Date("2026-02-10T14:00:00Z"));
    expect(sent.map((m) => ("token" in m ? m.token : null)).sort()).toEqual(["dead-token", "live-token"]);
    const live = sent.find((m) => "token" in m && m.token === "live-token")!;
    expect(live.data).toMatchObject({
      type: "reminder",
      reminder_type: "medication",
      requires_response: "true",
      voice_check_in: "false",
      retry_count: "0",
      notification_type: "medication_reminder",
      priority: "high",
    });
    expect(live.android?.priority).toBe("high");
    const attempts = await db.notificationAttempt.findMany({ where: { patientId: patient.id, channel: "push" }, orderBy: { status: "asc" } });
    expect(attempts.map((a) => a.status).sort()).toEqual(["failed", "sent"]);
    expect(attempts.find((a) => a.status === "sent")?.providerId).toMatch(/^projects\/elda\/messages\//);
    expect(await db.pushToken.findMany({ where: { device: { patientId: patient.id } }, select: { token: true } })).toEqual([{ token: "live-token" }]);
    // the repeat at 14:10 reaches only the live token, flagged as a voice check-in
    await deliverDueReminders(new Date("2026-02-10T14:10:00Z"));
    expect(sent.at(-1)).toMatchObject({ token: "live-token", data: { voice_check_in: "true", retry_count: "1" } });
  });
});

describe("a caregiver's push in the patient-push batch (issue 11, part 3)", () => {
  it("does not stop the patient's reminder pushes, and nothing that did not reach FCM reads as sent", async () => {
    const owner = await makeCaregiver();
    await db.caregiver.update({ where: { id: owner.id }, data: { preferences: { notifications: { email: false, sms: false, push: true } } } });
    const patient = await makePatient(owner, { timezone: "America/Chicago" });
    const device = await pairDevice(patient.id);
    await registerPushToken(
      { kind: "device", deviceId: device.deviceId, patientId: patient.id },
      { patient_id: patient.id, device_token: "betty-phone", platform: "android" },
      new Date(),
    );
    await createSchedule(
      owner.actor,
      patient.id,
      { type: "medication", title: "Metformin", times_of_day: ["08:00"], recurrence: "daily", start_date: "2026-02-11" },
      new Date("2026-02-11T06:00:00Z"),
    );
    const t = new Date("2026-02-11T14:00:00Z");
    // the caregiver's daily summary is recorded first (push ticked), then the 08:00 reminder is due in the same minute
    await sendDailySummaries(owner.id, t);
    const sent = fakeFcm("none");
    const outcome = await deliverDueReminders(t).then(
      () => "ok",
      (err: Error) => err.message,
    );
    // (other tests' patients may have reminders due in the same minute)
    expect(sent.filter((m) => "token" in m && m.token === "betty-phone")).toHaveLength(1);
    const patientPushes = await db.notificationAttempt.findMany({ where: { patientId: patient.id, channel: "push", purpose: "reminder" } });
    expect(patientPushes.map((a) => a.status)).toEqual(["sent"]);
    expect(patientPushes[0].providerId).toMatch(/^projects\/elda\/messages\//);
    // no attempt of any kind reads "sent" without the provider having taken it
    const all = await db.notificationAttempt.findMany({ where: { patientId: patient.id } });
    expect(all.filter((a) => a.status === "sent" && !a.providerId)).toEqual([]);
    expect(outcome).toBe("ok");
  });
});
