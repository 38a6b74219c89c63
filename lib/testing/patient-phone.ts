import { DateTime } from "luxon";
import { expect } from "vitest";
import { clock } from "@/lib/clock";
import { db } from "@/lib/db/client";
import { call } from "./http";
import { pairDevice } from "./factories";
import * as heartbeat from "@/app/api/v1/patients/[id]/heartbeat/route";
import * as deviceToken from "@/app/api/v1/mobile/device-token/route";

/**
 * The patient's phone as the real app drives it, over real HTTP on a set clock: paired, registered for pushes,
 * pinging in the background about every 15 minutes with the bodies it sends today (reference §7.2 row 5:
 * `app_state` and `last_interaction: null` in `details`).
 */
export const APP_VERSION = "1.4.2";
const deviceInfo = { model: "iPhone 12", os_version: "17.1", app_version: APP_VERSION };

/** The background ping: the phone is on; nobody touched it. */
export const backgroundPing = {
  activity_type: "heartbeat",
  device_type: "ios",
  app_version: APP_VERSION,
  battery_level: 82,
  details: { app_state: "background", network_type: "wifi", last_interaction: null, is_charging: false, device_info: deviceInfo },
};
/** The app brought to the foreground (the person opened it). */
export const foregroundPing = { ...backgroundPing, details: { ...backgroundPing.details, app_state: "active" } };
/** The home screen opening. */
export const appOpen = { ...foregroundPing, activity_type: "app_open" };
/** What the app sent before it read its own state: no `app_state`, no `last_interaction` (row 6). */
export const bareHeartbeat = { device_type: "android", app_version: "1.0.0", details: {} };

/** "09:00" on `day` where the patient lives. */
export const localAt = (day: string, hhmm: string, zone = "America/Chicago") => DateTime.fromISO(`${day}T${hhmm}`, { zone }).toJSDate();

export interface TestPhone {
  credential: string;
  deviceId: string;
  /** one heartbeat at `at` (the clock is set there), expecting 200 */
  ping(at: Date, body?: Record<string, unknown>): Promise<{ success: true; pending_actions: unknown[] }>;
}

/** Pair a phone at `at` (and register its push token, as the app does after setup, unless told not to). */
export async function pairPhoneAt(patientId: string, at: Date, opts: { pushToken?: boolean } = {}): Promise<TestPhone> {
  clock.set(at);
  const { credential, deviceId } = await pairDevice(patientId, undefined, at);
  if (opts.pushToken !== false) {
    const r = await call(deviceToken.POST, {
      token: credential,
      body: { patient_id: patientId, device_token: `fcm-${deviceId}`, platform: "ios", app_version: APP_VERSION },
    });
    expect(r.status).toBe(200);
  }
  return {
    credential,
    deviceId,
    async ping(when, body = backgroundPing) {
      clock.set(when);
      const r = await call(heartbeat.POST, { token: credential, params: { id: patientId }, body });
      expect(r.status, JSON.stringify(r.body)).toBe(200);
      return r.body;
    },
  };
}

/**
 * Tests of the sweeps leave alerts open on purpose; the escalation and digest sweeps other test files run are
 * global. Caregivers made for these tests receive nothing, so no other file's messages or digests count theirs.
 */
export async function receivesNothing(caregiverId: string) {
  await db.caregiver.update({ where: { id: caregiverId }, data: { preferences: { notifications: { email: false, sms: false, push: false } } } });
}
