import { afterEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { clock } from "@/lib/clock";
import { call } from "@/lib/testing/http";
import { makeCaregiver, makePatient, pairDevice } from "@/lib/testing/factories";
import { expireUnansweredQuestions } from "@/lib/companion/expire-ask-back";
import { jobs } from "@/lib/jobs/jobs";
import * as interact from "./interact/route";

/**
 * A safety question nobody answers (decision 018): the companion asked "Are you hurt? Shall I tell Sarah?" and no
 * turn came on that phone within the question's 10 minutes. The sweep (a job every minute) raises `high` when the
 * window ends, with the turn as evidence; an answer in time leaves it nothing to do; a second sweep raises nothing
 * more. Over HTTP to the route on a set clock, in a year no other test uses (the sweep reads every patient).
 */
const T0 = new Date("2033-06-01T09:00:00Z");
const minutes = (n: number) => n * 60_000;

async function phone(language: "en" | "es" = "en") {
  const owner = await makeCaregiver({ firstName: "Sarah" });
  const patient = await makePatient(owner, { preferred_name: language === "es" ? "Rosa" : "Betty", language });
  const { credential } = await pairDevice(patient.id);
  return { patient, credential };
}
const say = (credential: string, patientId: string, message: string) => call(interact.POST, { token: credential, body: { patient_id: patientId, message } });
const alertsOf = (patientId: string) => db.alert.findMany({ where: { patientId }, orderBy: { createdAt: "asc" } });
const sweep = () => expireUnansweredQuestions(clock.now());

afterEach(() => clock.set(null));

describe("an unanswered safety question", () => {
  it("is a job that runs every minute", () => {
    expect(jobs.find((j) => j.id === "companion-unanswered-questions")?.trigger).toEqual({ cron: "* * * * *" });
  });

  it("raises nothing while the window is open, then a high alert with the turn as evidence once it ends; a second sweep adds nothing", async () => {
    clock.set(T0);
    const { patient, credential } = await phone();
    const asked = await say(credential, patient.id, "I don't feel right");
    expect(asked.body.ai_response).toContain("Are you hurt? Shall I tell Sarah?");

    clock.advance(minutes(10));
    await sweep();
    expect(await alertsOf(patient.id)).toHaveLength(0);

    clock.advance(minutes(1));
    await sweep();
    const [alert, ...more] = await alertsOf(patient.id);
    expect(more).toHaveLength(0);
    expect(alert).toMatchObject({ type: "health_concern", severity: "high", status: "open", source: "companion:ask_back:no_answer", occurrenceCount: 1 });
    expect(alert.title).toContain("did not answer the companion's safety question");
    expect(alert.description).toContain("I don't feel right");
    expect(alert.description).toContain("did not answer within 10 minutes");
    const turn = await db.conversationTurn.findFirstOrThrow({ where: { patientId: patient.id } });
    const evidence = (
      alert.evidence as { turn_id: string; conversation_id: string; ask_back: { answer: string; turns: { patient: string; companion: string }[] } }[]
    )[0];
    expect(evidence).toMatchObject({ turn_id: turn.id, conversation_id: asked.body.conversation_id, ask_back: { answer: "no_answer" } });
    expect(evidence.ask_back.turns.map((t) => t.patient)).toEqual(["I don't feel right"]);
    expect(evidence.ask_back.turns[0].companion).toContain("Are you hurt?");
    expect((turn.analysis as { ask_back: { state: string } }).ask_back.state).toBe("unanswered");

    clock.advance(minutes(1));
    await sweep();
    await Promise.all([sweep(), sweep()]);
    const after = await alertsOf(patient.id);
    expect(after).toHaveLength(1);
    expect(after[0].occurrenceCount).toBe(1);
    expect(await db.alertEvent.count({ where: { alertId: alert.id, kind: "raised" } })).toBe(1);

    // a "yes" that comes after the window is not the answer, and the question is not raised twice
    const late = await say(credential, patient.id, "yes");
    expect(late.body.alert_created).toBe(false);
    clock.advance(minutes(15));
    await sweep();
    expect(await alertsOf(patient.id)).toHaveLength(1);
  });

  it("answered in time with 'no, I'm fine': nothing, now or after the window", async () => {
    clock.set(new Date(T0.getTime() + minutes(60)));
    const { patient, credential } = await phone();
    await say(credential, patient.id, "I don't feel right");
    clock.advance(minutes(9));
    const no = await say(credential, patient.id, "no, I'm fine");
    expect(no.body.alert_created).toBe(false);
    clock.advance(minutes(30));
    await sweep();
    expect(await alertsOf(patient.id)).toHaveLength(0);
  });

  it("asked once more and then silence: high, with both turns of the exchange (in Spanish too)", async () => {
    clock.set(new Date(T0.getTime() + minutes(120)));
    const { patient, credential } = await phone("es");
    expect((await say(credential, patient.id, "me siento rara")).body.ai_response).toContain("¿Te has hecho daño?");
    clock.advance(minutes(2));
    const again = await say(credential, patient.id, "no sé");
    expect(again.body.alert_created).toBe(false);
    clock.advance(minutes(10) + 1_000);
    await sweep();
    const [alert] = await alertsOf(patient.id);
    expect(alert).toMatchObject({ severity: "high", source: "companion:ask_back:no_answer" });
    const evidence = (alert.evidence as { ask_back: { turns: { patient: string }[] } }[])[0];
    expect(evidence.ask_back.turns.map((t) => t.patient)).toEqual(["me siento rara", "no sé"]);
    expect(alert.description).toContain("me siento rara");
  });

  it("a question on another patient's phone is that patient's alone, and one answered on the same phone is not raised", async () => {
    clock.set(new Date(T0.getTime() + minutes(180)));
    const a = await phone();
    const b = await phone();
    await say(a.credential, a.patient.id, "something's wrong");
    await say(b.credential, b.patient.id, "something's wrong");
    clock.advance(minutes(1));
    await say(b.credential, b.patient.id, "no, I'm fine");
    clock.advance(minutes(11));
    await sweep();
    expect(await alertsOf(a.patient.id)).toHaveLength(1);
    expect(await alertsOf(b.patient.id)).toHaveLength(0);
  });
});
