import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { call } from "@/lib/testing/http";
import { makeCaregiver, makePatient, pairDevice } from "@/lib/testing/factories";
import { smallTalk, withFakeAnthropic } from "@/lib/testing/fake-anthropic";
import * as interact from "./interact/route";
import * as consents from "../patients/[id]/consents/route";
import * as revoke from "../consents/[id]/revoke/route";

/**
 * SPEC §8: with `ai_companion` refused or revoked, the phone's voice messages keep no conversation and no
 * ask-back state and reach no model (the fake Anthropic server, configured and ready, receives nothing); the
 * phone hears that the companion is off; an emergency said anyway still raises its alert, with the sentence
 * as the evidence (decision 023).
 */
const fake = withFakeAnthropic(() => ({ json: smallTalk() }));

async function phone(consent: "refused" | "revoked" | "granted" | "none", patientOver: Record<string, unknown> = {}) {
  const owner = await makeCaregiver();
  const patient = await makePatient(owner, { first_name: "Betty", last_name: "Johnson", preferred_name: "Betty", ...patientOver });
  const { credential } = await pairDevice(patient.id);
  if (consent !== "none") {
    const r = await call(consents.POST, {
      token: owner.token,
      params: { id: patient.id },
      body: { kind: "ai_companion", granted: consent !== "refused", given_by: "patient" },
    });
    expect(r.status).toBe(201);
    if (consent === "revoked") expect((await call(revoke.POST, { token: owner.token, params: { id: r.body.id } })).status).toBe(200);
  }
  return { patient, credential };
}
const say = (credential: string, patientId: string, message: unknown, extra: Record<string, unknown> = {}) =>
  call(interact.POST, { token: credential, body: { patient_id: patientId, message, conversation_type: "spontaneous", ...extra } });
const kept = async (patientId: string) => ({
  conversations: await db.conversation.count({ where: { patientId } }),
  turns: await db.conversationTurn.count({ where: { patientId } }),
});

describe("voice/interact with the companion switched off (ai_companion refused or revoked)", () => {
  it("refused: keeps nothing, sends nothing to the model, and tells the patient the companion is off and the button still works", async () => {
    const { patient, credential } = await phone("refused");
    const r = await say(credential, patient.id, "Sarah is visiting on Sunday, I made a cake!");
    expect(r.status).toBe(200);
    expect(r.body).toEqual({
      ai_response: expect.stringMatching(/companion is switched off.*emergency button/),
      conversation_id: null,
      sentiment: expect.any(String),
      urgency_level: "none",
      alert_created: false,
      continue_conversation: false,
      health_mentions: [],
      topics: [],
      reminder_completed: false,
    });
    expect(await kept(patient.id)).toEqual({ conversations: 0, turns: 0 });
    expect(fake.requests).toHaveLength(0);
    // the person spoke: a sign of life, recorded without a word of what was said
    const activity = await db.activityLog.findMany({ where: { patientId: patient.id, activityType: "conversation" } });
    expect(activity).toHaveLength(1);
    expect(JSON.stringify(activity[0].details)).not.toMatch(/Sarah|cake/);
    expect((await db.patient.findUniqueOrThrow({ where: { id: patient.id } })).lastActiveAt).not.toBeNull();
  });

  it("an emergency said anyway raises a critical alert with the sentence as its evidence, still with no conversation and no model call", async () => {
    const { patient, credential } = await phone("revoked");
    const r = await say(credential, patient.id, "I fell in the bathroom and I can't get up");
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ urgency_level: "critical", alert_created: true, conversation_id: null });
    expect(r.body.ai_response).toMatch(/letting your caregiver know/);
    expect(r.body.ai_response).toMatch(/emergency button/);
    const alert = await db.alert.findFirstOrThrow({ where: { patientId: patient.id } });
    expect(alert).toMatchObject({ type: "emergency", severity: "critical", source: "companion_off:critical" });
    expect(alert.evidence).toEqual([expect.objectContaining({ kind: "spoken_while_companion_off", excerpt: "I fell in the bathroom and I can't get up" })]);
    expect(await kept(patient.id)).toEqual({ conversations: 0, turns: 0 });
    expect(fake.requests).toHaveLength(0);
  });

  it("distress it cannot place goes straight to high: no safety question is asked back (no state may be kept)", async () => {
    const { patient, credential } = await phone("refused");
    const r = await say(credential, patient.id, "I don't feel right");
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ urgency_level: "high", alert_created: true });
    expect(r.body.ai_response).not.toMatch(/Are you hurt/);
    expect(await db.alert.findFirstOrThrow({ where: { patientId: patient.id } })).toMatchObject({ severity: "high", type: "health_concern" });
    expect(await kept(patient.id)).toEqual({ conversations: 0, turns: 0 });
  });

  it("the emergency conversation type is critical even in words the analyzer would not flag", async () => {
    const { patient, credential } = await phone("refused");
    const r = await say(credential, patient.id, "hello", { conversation_type: "emergency" });
    expect(r.body).toMatchObject({ urgency_level: "critical", alert_created: true });
  });

  it("a reminder said to be done is not marked done; the patient is told to tap it", async () => {
    const { patient, credential } = await phone("refused");
    const r = await say(credential, patient.id, "I took my pills", { context: { potential_reminder_acknowledgment: true } });
    expect(r.body.reminder_completed).toBe(false);
    expect(r.body.ai_response).toMatch(/tap it on the screen/);
  });

  it("speaks the patient's language and style (Spanish, usted)", async () => {
    const { patient, credential } = await phone("refused", { language: "es", communication_style: "formal" });
    const r = await say(credential, patient.id, "Buenos días");
    expect(r.body.ai_response).toMatch(/acompañante de voz está apagado/);
    expect(r.body.ai_response).toMatch(/pulse su botón de emergencia/);
  });

  it("bad input is refused (422) and changes nothing", async () => {
    const { patient, credential } = await phone("refused");
    for (const message of [123, "", null]) expect((await say(credential, patient.id, message)).status).toBe(422);
    expect(await db.activityLog.count({ where: { patientId: patient.id } })).toBe(0);
  });

  it("granted, or not recorded (counts as given): the conversation is kept and the model is asked", async () => {
    for (const consent of ["granted", "none"] as const) {
      const { patient, credential } = await phone(consent);
      const r = await say(credential, patient.id, "Sarah is visiting on Sunday!");
      expect(r.body.ai_response).toBe("Model reply.");
      expect(r.body.conversation_id).toEqual(expect.any(String));
      expect(await kept(patient.id)).toEqual({ conversations: 1, turns: 1 });
    }
    expect(fake.requests).toHaveLength(2);
  });
});
