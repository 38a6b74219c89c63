import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { call } from "@/lib/testing/http";
import { makeCaregiver, makePatient, makeReminder, pairDevice } from "@/lib/testing/factories";
import * as interact from "./interact/route";
import * as inbox from "../alerts/route";

async function phone(fields: Parameters<typeof makePatient>[1] = {}) {
  const owner = await makeCaregiver();
  const patient = await makePatient(owner, { preferred_name: "Betty", ...fields });
  const { credential } = await pairDevice(patient.id);
  return { owner, patient, credential };
}
const say = (credential: string, patientId: string, message: string, extra: Record<string, unknown> = {}) =>
  call(interact.POST, { token: credential, body: { patient_id: patientId, message, conversation_type: "spontaneous", ...extra } });

describe("POST /api/v1/voice/interact (offline analyzer)", () => {
  it("answers the app's contract for everyday chat, and keeps one conversation across close turns", async () => {
    const { patient, credential } = await phone();
    const a = await say(credential, patient.id, "Good morning! Sarah is visiting on Sunday, I'm so happy.");
    expect(a.status).toBe(200);
    expect(a.body).toMatchObject({ urgency_level: "none", alert_created: false, continue_conversation: true, reminder_completed: false });
    expect(typeof a.body.ai_response).toBe("string");
    expect(a.body.ai_response.length).toBeGreaterThan(0);
    const b = await say(credential, patient.id, "The roses in my garden are blooming.");
    expect(b.body.conversation_id).toBe(a.body.conversation_id);
    const conv = await db.conversation.findUniqueOrThrow({ where: { id: a.body.conversation_id }, include: { turns: true } });
    expect(conv.turnCount).toBe(2);
    expect(conv.turns.map((t) => t.provider)).toEqual(["offline", "offline"]);
    expect((await db.patient.findUniqueOrThrow({ where: { id: patient.id } })).lastActiveAt).not.toBeNull();
  });

  it("a fall is critical: an emergency alert with the excerpt, and the reply says the caregiver is being told", async () => {
    const { owner, patient, credential } = await phone();
    const r = await say(credential, patient.id, "I fell in the kitchen and I can't get up");
    expect(r.body).toMatchObject({ urgency_level: "critical", sentiment: "distressed", alert_created: true });
    expect(r.body.ai_response.toLowerCase()).toContain("caregiver");
    const alerts = await call(inbox.GET, { token: owner.token, path: "/api/v1/alerts" });
    expect(alerts.body.items[0]).toMatchObject({ type: "emergency", severity: "critical" });
    expect(alerts.body.items[0].evidence[0]).toMatchObject({ kind: "conversation", excerpt: "I fell in the kitchen and I can't get up" });
  });

  it("'I did not fall' raises nothing; Spanish emergencies are caught; conversation_type emergency is always critical", async () => {
    const { patient, credential } = await phone();
    const calm = await say(credential, patient.id, "I did not fall, I just sat down on the sofa.");
    expect(calm.body.alert_created).toBe(false);
    expect(["none", "low"]).toContain(calm.body.urgency_level);
    const es = await say(credential, patient.id, "me caí en el baño y no puedo levantarme");
    expect(es.body.urgency_level).toBe("critical");
    const button = await say(credential, patient.id, "hello", { conversation_type: "emergency" });
    expect(button.body).toMatchObject({ urgency_level: "critical", alert_created: true });
    expect(await db.alert.count({ where: { patientId: patient.id, type: "emergency" } })).toBe(1); // joined
  });

  it("'I took my pills' marks the reminder done by voice", async () => {
    const { patient, credential } = await phone();
    const r = await makeReminder(patient.id, { dueAt: new Date(Date.now() - 10 * 60_000) });
    const res = await say(credential, patient.id, "I took my pills", {
      context: { potential_reminder_acknowledgment: true, patient_message: "I took my pills" },
    });
    expect(res.body.reminder_completed).toBe(true);
    expect(await db.reminder.findUniqueOrThrow({ where: { id: r.id } })).toMatchObject({ status: "completed", completedVia: "voice" });
  });

  it("refuses other patients, caregivers, malformed bodies, and too many messages", async () => {
    const { owner, patient, credential } = await phone();
    const other = await makePatient(owner);
    expect((await say(credential, other.id, "hello")).status).toBe(404);
    expect((await say(owner.token, patient.id, "hello")).status).toBe(404);
    for (const body of [
      { patient_id: patient.id, message: "" },
      { patient_id: patient.id, message: "hi", conversation_type: "chat" },
      { patient_id: patient.id, message: "hi", mood: 1 },
    ]) {
      expect((await call(interact.POST, { token: credential, body })).status).toBe(422);
    }
    let last = 0;
    for (let i = 0; i < 31; i++) last = (await say(credential, patient.id, "hello there")).status;
    expect(last).toBe(429);
  });
});
