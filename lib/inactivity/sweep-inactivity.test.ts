import { afterEach, describe, expect, it } from "vitest";
import type { BatchResponse, Message } from "firebase-admin/messaging";
import { db } from "@/lib/db/client";
import { clock } from "@/lib/clock";
import { call } from "@/lib/testing/http";
import { makeCaregiver, makePatient } from "@/lib/testing/factories";
import { appOpen, backgroundPing, foregroundPing, localAt, pairPhoneAt, receivesNothing, type TestPhone } from "@/lib/testing/patient-phone";
import { setPushTransport } from "@/lib/notifications/channels/push";
import { resolveAlert } from "@/lib/alerts/alert-actions";
import type { CreatePatientInput } from "@/lib/patients/schemas";
import * as voice from "@/app/api/v1/voice/interact/route";
import { sweepInactivity } from "./sweep-inactivity";

/**
 * The inactivity ladder and the phone-offline alert on a set clock (America/Chicago, January: UTC-6), with the
 * phone doing what the real app does: a heartbeat about every 15 minutes in the background, `last_interaction:
 * null`, whether or not anyone touches it (SPEC §5; docs/decisions/014).
 */
afterEach(() => {
  clock.set(null);
  setPushTransport(undefined);
});

const DAY = "2026-01-15";
const at = (hhmm: string, day = DAY) => localAt(day, hhmm);
const hhmm = (d: Date) => new Intl.DateTimeFormat("en-GB", { hour: "2-digit", minute: "2-digit", timeZone: "America/Chicago" }).format(d);

const inactivity = (patientId: string) =>
  db.alert.findFirst({ where: { patientId, type: "inactivity" }, orderBy: { createdAt: "desc" }, include: { events: { orderBy: { createdAt: "asc" } } } });
const phoneOffline = (patientId: string) =>
  db.alert.findFirst({ where: { patientId, type: "device", dedupKey: "phone_offline" }, orderBy: { createdAt: "desc" } });
const checkIns = (patientId: string) => db.notificationAttempt.findMany({ where: { patientId, purpose: "check_in" } });

/** Betty in Chicago with her phone paired (and registered for pushes) at 07:00 on `day`. */
async function betty(opts: { day?: string; pushToken?: boolean; settings?: CreatePatientInput["settings"] } = {}) {
  const owner = await makeCaregiver();
  await receivesNothing(owner.id);
  const patient = await makePatient(owner, { timezone: "America/Chicago", preferred_name: "Betty", ...(opts.settings ? { settings: opts.settings } : {}) });
  const phone = await pairPhoneAt(patient.id, at("07:00", opts.day), { pushToken: opts.pushToken });
  return { owner, patient, phone };
}

/**
 * The real phone's day from `from` to `to`: a background ping every 15 minutes, the sweep every 5 (as the job
 * runs). Returns what a caregiver would have seen change, in order: "13:00 medium", "15:00 check-in"...
 */
async function day(patientId: string, phone: TestPhone | null, from: Date, to: Date) {
  const seen: string[] = [];
  const open = (a: { status: string; severity: string } | null) => (a && (a.status === "open" || a.status === "acknowledged") ? a.severity : null);
  let severity = open(await inactivity(patientId));
  let offline = open(await phoneOffline(patientId));
  let asked = (await checkIns(patientId)).length;
  for (let t = from.getTime(); t <= to.getTime(); t += 5 * 60_000) {
    const now = new Date(t);
    if (phone && now.getUTCMinutes() % 15 === 0) await phone.ping(now);
    clock.set(now);
    await sweepInactivity(now);
    const s = open(await inactivity(patientId));
    if (s !== severity) seen.push(`${hhmm(now)} ${s ?? "ended"}`);
    severity = s;
    const n = (await checkIns(patientId)).length;
    if (n > asked) seen.push(`${hhmm(now)} check-in`);
    asked = n;
    const os = open(await phoneOffline(patientId));
    if (os !== offline) seen.push(`${hhmm(now)} phone offline ${os ?? "ended"}`);
    offline = os;
  }
  return seen;
}

/** Fast-forward: the phone's background pings from `from` to `to`, no sweeps (nothing to see yet). */
async function pings(phone: TestPhone, from: Date, to: Date) {
  for (let t = from.getTime(); t <= to.getTime(); t += 15 * 60_000) await phone.ping(new Date(t));
}

describe("inactivity is measured from the person, not the phone", () => {
  it("a phone pinging in the background while nobody touches it: medium after 4 waking hours", async () => {
    const { patient, phone } = await betty();
    await phone.ping(at("08:30"), appOpen); // she opened the app at 08:30, then put the phone down
    expect(await day(patient.id, phone, at("08:35"), at("13:30"))).toEqual(["12:30 medium"]);
    const a = (await inactivity(patient.id))!;
    expect(a.description).toContain("Last sign of life: 8:30 AM their time");
    const p = await db.patient.findUniqueOrThrow({ where: { id: patient.id } });
    expect(p.lastActiveAt).toEqual(at("08:30")); // 20 background pings later
    expect(p.lastHeartbeatAt).toEqual(at("13:30"));
    expect(await phoneOffline(patient.id)).toBeNull(); // the phone itself is fine
  });

  it("the same morning with the pings stopped: medium and the phone-offline alert, each within one sweep", async () => {
    const { patient, phone } = await betty();
    await phone.ping(at("08:30"), appOpen);
    expect(await day(patient.id, null, at("08:35"), at("12:35"))).toEqual(["10:30 phone offline low", "12:30 medium"]);
  });

  it("the whole ladder with the app's ping pattern: medium at 4 h, the check-in, high after the window, critical at 8 h, ended by the next foreground use", async () => {
    const sent: Message[] = [];
    setPushTransport({
      async sendEach(messages: Message[]): Promise<BatchResponse> {
        sent.push(...messages);
        return { responses: messages.map(() => ({ success: true as const, messageId: "fcm-1" })), successCount: messages.length, failureCount: 0 };
      },
    });
    const { patient, phone } = await betty();
    await phone.ping(at("09:00"), appOpen);
    expect(await day(patient.id, phone, at("09:05"), at("17:15"))).toEqual(["13:00 medium", "15:00 check-in", "15:15 high", "17:00 critical"]);
    const push = sent.find((m) => "token" in m && m.token === `fcm-${phone.deviceId}` && m.data?.type === "check_in");
    expect(push?.data).toMatchObject({ type: "check_in", requires_response: "true", voice_check_in: "true", notification_type: "check_in" });
    expect(push?.data?.speak_text).toMatch(/^Hi Betty, we haven't heard from you in a while\. Are you all right\?/);
    const a = (await inactivity(patient.id))!;
    expect(a).toMatchObject({ severity: "critical", status: "open", occurrenceCount: 3 });
    expect(a.events.map((e) => e.kind)).toEqual(["raised", "severity_raised", "severity_raised"]);
    expect((a.evidence as { check_in_sent_at?: string }[]).at(-1)?.check_in_sent_at).toBe(at("15:00").toISOString());
    expect(await db.alert.count({ where: { patientId: patient.id, type: "inactivity" } })).toBe(1); // one episode, one alert

    await phone.ping(at("17:20"), foregroundPing); // she picks the phone up
    const ended = (await inactivity(patient.id))!;
    expect(ended).toMatchObject({ status: "auto_resolved", openKey: null });
    expect(ended.resolutionNote).toBe(`Ended by a sign of life (app_in_foreground) at ${at("17:20").toISOString()}.`);
    expect(await day(patient.id, phone, at("17:25"), at("19:55"))).toEqual([]); // a new count from 17:20 reaches nothing before 20:00
  });

  it("an answer to the check-in (the companion's check-in conversation) ends the episode before it rises", async () => {
    const { patient, phone } = await betty();
    await phone.ping(at("09:00"), appOpen);
    expect(await day(patient.id, phone, at("09:05"), at("15:00"))).toEqual(["13:00 medium", "15:00 check-in"]);
    clock.set(at("15:06"));
    const r = await call(voice.POST, {
      token: phone.credential,
      body: { patient_id: patient.id, message: "I'm fine dear, I was out in the garden.", conversation_type: "check_in" },
    });
    expect(r.status).toBe(200);
    expect(await inactivity(patient.id)).toMatchObject({ status: "auto_resolved", severity: "medium" });
    expect(await day(patient.id, phone, at("15:10"), at("16:00"))).toEqual([]);
  });

  it("a phone that cannot receive the check-in (no push token) does not make the family wait: high at 6 h, saying why", async () => {
    const { patient, phone } = await betty({ pushToken: false });
    await phone.ping(at("09:00"), appOpen);
    await pings(phone, at("09:15"), at("12:45"));
    expect(await day(patient.id, phone, at("12:55"), at("15:05"))).toEqual(["13:00 medium", "15:00 high"]);
    const a = (await inactivity(patient.id))!;
    expect(a.description).toContain("Elda could not ask Betty whether they are all right: the phone has not registered for notifications.");
    expect((a.evidence as { check_in_not_awaited?: string }[]).at(-1)?.check_in_not_awaited).toBe("no_push_token");
    expect(await checkIns(patient.id)).toEqual([]);
  });

  it("a check-in FCM refuses does not make the family wait either: high at the next sweep", async () => {
    setPushTransport({
      async sendEach(messages: Message[]): Promise<BatchResponse> {
        return {
          responses: messages.map(() => ({ success: false as const, error: { code: "messaging/internal-error", message: "FCM is down" } as never })),
          successCount: 0,
          failureCount: messages.length,
        };
      },
    });
    const { patient, phone } = await betty();
    await phone.ping(at("09:00"), appOpen);
    await pings(phone, at("09:15"), at("14:45"));
    expect(await day(patient.id, phone, at("14:55"), at("15:10"))).toEqual(["14:55 medium", "15:00 check-in", "15:05 high"]);
    expect((await inactivity(patient.id))!.description).toContain('Elda\'s check-in ("Are you all right?") could not be delivered to the phone.');
  });

  it("while the phone is offline the check-in cannot arrive: high at 6 h at once, naming the last battery level", async () => {
    const { patient, phone } = await betty();
    await phone.ping(at("09:00"), { ...appOpen, battery_level: 9 });
    expect(await day(patient.id, null, at("09:05"), at("15:05"))).toEqual([
      "11:00 phone offline low",
      "13:00 medium",
      "15:00 high",
      "15:00 phone offline medium",
    ]);
    const a = (await inactivity(patient.id))!;
    expect(a.description).toContain(
      "Elda could not ask Betty whether they are all right: the phone has not been heard from since 9:00 AM their time (battery 9%).",
    );
    expect((a.evidence as { check_in_not_awaited?: string }[]).at(-1)?.check_in_not_awaited).toBe("phone_offline");
    expect(await checkIns(patient.id)).toEqual([]);
  });

  it("a quiet night raises nothing: silence counts from the start of waking hours", async () => {
    const { patient, phone } = await betty({ day: "2026-01-16" });
    await phone.ping(localAt("2026-01-16", "19:00"), appOpen);
    const morning = await day(patient.id, phone, localAt("2026-01-17", "06:00"), localAt("2026-01-17", "12:00"));
    expect(morning).toEqual(["12:00 medium"]); // 4 h since 08:00, not 17 h since 19:00
  });

  it("follows the patient's own waking hours and thresholds", async () => {
    const { patient, phone } = await betty({
      settings: { inactivity: { waking_hours_start: "10:00", medium_after_hours: 2, high_after_hours: 3, critical_after_hours: 5 } },
    });
    await phone.ping(at("07:30"), appOpen);
    expect(await day(patient.id, phone, at("11:50"), at("12:00"))).toEqual(["12:00 medium"]);
  });

  it("a caregiver who resolves the episode by hand is not told again five minutes later: silence counts again from then", async () => {
    const { owner, patient, phone } = await betty();
    await phone.ping(at("09:00"), appOpen);
    await pings(phone, at("09:15"), at("12:45"));
    expect(await day(patient.id, phone, at("12:55"), at("13:00"))).toEqual(["13:00 medium"]);
    clock.set(at("13:10"));
    await resolveAlert(owner.actor, (await inactivity(patient.id))!.id, "She is at the hairdresser's, back at four.", at("13:10"));
    expect(await day(patient.id, phone, at("13:15"), at("17:10"))).toEqual(["17:10 medium"]);
  });

  it("never-paired patients are skipped", async () => {
    const owner = await makeCaregiver();
    const unpaired = await makePatient(owner, { timezone: "America/Chicago" });
    await db.patient.update({ where: { id: unpaired.id }, data: { lastActiveAt: at("08:00") } });
    expect(await day(unpaired.id, null, at("17:00"), at("17:00"))).toEqual([]);
  });

  it("an episode whose person was heard from after it rose ends at the next sweep (a sign of life that raced the sweep)", async () => {
    const { patient, phone } = await betty();
    await phone.ping(at("09:00"), appOpen);
    await pings(phone, at("09:15"), at("12:45"));
    expect(await day(patient.id, phone, at("12:55"), at("13:00"))).toEqual(["13:00 medium"]);
    await db.patient.update({ where: { id: patient.id }, data: { lastActiveAt: at("13:01") } }); // committed after the sweep read
    expect(await day(patient.id, phone, at("13:05"), at("13:05"))).toEqual(["13:05 ended"]);
    expect((await inactivity(patient.id))!.resolutionNote).toBe(`Ended by a sign of life at ${at("13:01").toISOString()}.`);
  });
});

describe("phone offline", () => {
  it("low after 2 waking hours without a heartbeat, medium after 6, with the last battery level; the next heartbeat ends it", async () => {
    const { patient, phone } = await betty();
    await phone.ping(at("08:00"), { ...backgroundPing, battery_level: 23 });
    await phone.ping(at("08:10"), appOpen); // the last reading wins: 82%
    // at 14:10 the inactivity episode does not wait for a check-in the offline phone cannot receive
    expect(await day(patient.id, null, at("10:05"), at("14:10"))).toEqual([
      "10:10 phone offline low",
      "12:10 medium",
      "14:10 high",
      "14:10 phone offline medium",
    ]);
    const a = (await phoneOffline(patient.id))!;
    expect(a).toMatchObject({ type: "device", severity: "medium", status: "open", title: "Betty Johnson's phone has not been heard from for 6 hours" });
    expect(a.description).toContain("No heartbeat from Betty Johnson's phone since 8:10 AM their time");
    expect(a.description).toContain("its battery was at 82%");
    expect((a.evidence as Record<string, unknown>[]).at(-1)).toMatchObject({
      kind: "phone_offline",
      battery_level: 82,
      last_seen_at: at("08:10").toISOString(),
      threshold_hours: 6,
    });
    // the phone comes back: a plain background ping is enough for this one (the person is another matter)
    await phone.ping(at("14:20"));
    const back = (await phoneOffline(patient.id))!;
    expect(back).toMatchObject({ status: "auto_resolved", openKey: null });
    expect(back.resolutionNote).toBe(`The phone was heard from again at ${at("14:20").toISOString()} (battery 82%).`);
    expect((await inactivity(patient.id))!.status).toBe("open");
  });

  it("counts waking hours only, and follows the organization's phone-offline thresholds", async () => {
    const { owner, patient, phone } = await betty({ day: "2026-01-19" });
    await phone.ping(localAt("2026-01-19", "19:30"), appOpen);
    expect(await day(patient.id, null, localAt("2026-01-20", "07:00"), localAt("2026-01-20", "09:55"))).toEqual([]); // the night does not count
    await db.organization.update({
      where: { id: owner.organizationId },
      data: { settings: { inactivity: { phone_offline_after_hours: 3, phone_offline_medium_after_hours: 4 } } },
    });
    expect(await day(patient.id, null, localAt("2026-01-20", "10:55"), localAt("2026-01-20", "12:00"))).toEqual([
      "11:00 phone offline low",
      "12:00 medium",
      "12:00 phone offline medium",
    ]);
  });

  it("a revoked phone's alert ends: no phone is paired any more", async () => {
    const { owner, patient, phone } = await betty();
    await phone.ping(at("08:00"), appOpen);
    expect(await day(patient.id, null, at("10:00"), at("10:00"))).toEqual(["10:00 phone offline low"]);
    const { revokeDevice } = await import("@/lib/devices/devices");
    await revokeDevice(owner.actor, phone.deviceId, at("10:02"));
    expect(await day(patient.id, null, at("10:05"), at("10:05"))).toEqual(["10:05 phone offline ended"]);
    expect((await phoneOffline(patient.id))!.resolutionNote).toBe("No phone is paired any more.");
  });
});
