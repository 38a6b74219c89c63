import { afterAll, beforeAll, describe, expect, it } from "vitest";
import twilio from "twilio";
import { db } from "@/lib/db/client";
import { call } from "@/lib/testing/http";
import { FAKE_APP_URL, FAKE_TWILIO_AUTH_TOKEN, readMail, startFakeProviders } from "@/lib/testing/fake-providers";
import { makeCaregiver, makePatient } from "@/lib/testing/factories";
import { raiseAlert } from "@/lib/alerts/raise-alert";
import { escalateAlerts } from "@/lib/alerts/escalate-alerts";
import { dispatchPending, sendDigests } from "./dispatch";
import { sendDailySummaries } from "@/lib/summaries/deliver-daily-summaries";
import * as smsHook from "@/app/api/v1/webhooks/twilio/sms/route";
import * as voiceHook from "@/app/api/v1/webhooks/twilio/voice/route";

/**
 * What a caregiver receives is in their language (issue 15 part 2, docs/decisions/031): the real Twilio
 * client against a local fake and a real SMTP server, asserting what Sofía (Spanish) and Tom (English) read.
 */
let fake: Awaited<ReturnType<typeof startFakeProviders>>;
beforeAll(async () => {
  fake = await startFakeProviders();
});
afterAll(() => fake.stop());

function fromTwilio(path: string, params: Record<string, string>) {
  return {
    method: "POST",
    path,
    rawBody: new URLSearchParams(params).toString(),
    headers: {
      "content-type": "application/x-www-form-urlencoded",
      "x-twilio-signature": twilio.getExpectedTwilioSignature(FAKE_TWILIO_AUTH_TOKEN, `${FAKE_APP_URL}${path}`, params),
    },
  };
}

let n = 0;
/** A caregiver who reads `language`, first on Betty's care team, in Chicago, without quiet hours. */
async function household(language: "en" | "es", firstName: string) {
  const phone = `+1555300${String(++n).padStart(4, "0")}`;
  const cg = await makeCaregiver({ firstName });
  await db.caregiver.update({
    where: { id: cg.id },
    data: { phoneNumber: phone, language, timezone: "America/Chicago", preferences: { quiet_hours: { enabled: false } } },
  });
  const patient = await makePatient(cg, { timezone: "America/Chicago" });
  return { cg, phone, patient };
}
/** Sofía reads Spanish, Tom English: each the first contact of their own Betty. */
async function family() {
  const es = await household("es", "Sofía");
  const en = await household("en", "Tom");
  return { sofia: es.cg, sofiaPhone: es.phone, patient: es.patient, tom: en.cg, tomPhone: en.phone, tomsPatient: en.patient };
}

const pressed = (patientId: string, now: Date) =>
  raiseAlert(
    db,
    {
      patientId,
      type: "emergency",
      severity: "critical",
      dedupKey: "button",
      title: "Betty Johnson pressed the emergency button",
      description: "Betty asked for help.",
      source: "emergency_button",
      evidence: { kind: "rule", at: now.toISOString() },
    },
    now,
  );

describe("what a caregiver receives is in their language", () => {
  it("a critical alert: Sofía's SMS, call and email are Spanish, Tom's English; RECIBIDO acknowledges, answered in Spanish", async () => {
    const { sofia, sofiaPhone, tom, tomPhone, patient, tomsPatient } = await family();
    const t = new Date("2026-01-15T09:00:00Z"); // 03:00 in Chicago
    const a = await pressed(patient.id, t);
    const b = await pressed(tomsPatient.id, t);
    await escalateAlerts(t, { alertId: a.alertId });
    await escalateAlerts(t, { alertId: b.alertId });
    const alert = await db.alert.findUniqueOrThrow({ where: { id: a.alertId } });

    const sms = fake.sms(sofiaPhone)[0].form.get("Body")!;
    expect(sms).toBe(
      `Elda: alerta CRÍTICA sobre Betty Johnson: se pulsó el botón de emergencia. Responda RECIBIDO ${alert.ackCode} para confirmarla. ${FAKE_APP_URL}/alerts/${alert.id}`,
    );
    const toms = await db.alert.findUniqueOrThrow({ where: { id: b.alertId } });
    expect(fake.sms(tomPhone)[0].form.get("Body")).toContain(
      `Elda CRITICAL alert for Betty Johnson: the emergency button was pressed. Reply ACK ${toms.ackCode}`,
    );

    const twiml = fake.calls(sofiaPhone)[0].form.get("Twiml")!;
    expect(twiml).toContain(
      '<Say voice="Polly.Lupe" language="es-US">Le llama Elda con una alerta urgente sobre Betty Johnson: se pulsó el botón de emergencia. Pulse 1 para confirmar que la ha recibido.</Say>',
    );
    expect(twiml).toContain("No hemos oído ninguna tecla.");
    expect(fake.calls(tomPhone)[0].form.get("Twiml")).toContain('<Say voice="alice" language="en-US">This is Elda, with an urgent alert for Betty Johnson');

    const mail = readMail(fake.mailTo(sofia.email)[0].raw);
    expect(mail.subject).toBe("Elda: una alerta crítica necesita su atención");
    expect(mail.text).toContain("Betty Johnson: se pulsó el botón de emergencia");
    // the moment, in Sofía's zone and language: 03:00 in Chicago on 15 January
    expect(mail.text).toMatch(/Alerta crítica, del 15 ene 2026, 3:00.*(CST|GMT-6)/);
    expect(mail.text).toContain("Llámele ahora.");
    expect(mail.text).toContain(`O responda al SMS con RECIBIDO ${alert.ackCode}.`);
    expect(readMail(fake.mailTo(tom.email)[0].raw).subject).toBe("Elda: a critical alert needs your attention");

    // the Spanish word, lower case and with a stray accent, acknowledges
    const reply = await call(smsHook.POST, fromTwilio("/api/v1/webhooks/twilio/sms", { From: sofiaPhone, Body: `recibído ${alert.ackCode}` }));
    expect(reply.body).toContain("Gracias, Sofía. La alerta de Betty Johnson queda a su cargo.");
    expect(await db.alert.findUniqueOrThrow({ where: { id: a.alertId } })).toMatchObject({
      status: "acknowledged",
      acknowledgedVia: "sms",
      acknowledgedById: sofia.id,
    });
  });

  it("OK and ACK acknowledge too; help and errors come back in the caregiver's language, in both to a stranger", async () => {
    const { sofiaPhone, tomPhone, patient, tomsPatient } = await family();
    const a = await pressed(tomsPatient.id, new Date());
    const alert = await db.alert.findUniqueOrThrow({ where: { id: a.alertId } });
    const sms = (From: string, Body: string) => call(smsHook.POST, fromTwilio("/api/v1/webhooks/twilio/sms", { From, Body }));
    expect((await sms(sofiaPhone, "hola")).body).toContain("Responda RECIBIDO seguido del código de 4 cifras");
    expect((await sms(tomPhone, "hello")).body).toContain("Reply ACK followed by the 4-digit code");
    expect((await sms(sofiaPhone, "RECIBIDO 0000")).body).toContain("No tiene ninguna alerta abierta con el código 0000.");
    const stranger = (await sms("+15550007777", "RECIBIDO 1234")).body as string;
    expect(stranger).toContain("This number is not on an Elda care team.");
    expect(stranger).toContain("Este número no pertenece a ningún equipo de cuidado de Elda.");
    expect((await sms(tomPhone, `Ok ${alert.ackCode}`)).body).toContain("Thanks Tom. You have the alert for Betty Johnson.");
    expect((await db.alert.findUniqueOrThrow({ where: { id: a.alertId } })).acknowledgedVia).toBe("sms");
    const b = await raiseAlert(
      db,
      {
        patientId: patient.id,
        type: "inactivity",
        severity: "high",
        dedupKey: "inactivity",
        title: "t",
        description: "d",
        source: "inactivity:6h",
        evidence: { kind: "rule", at: new Date().toISOString() },
      },
      new Date(),
    );
    const second = await db.alert.findUniqueOrThrow({ where: { id: b.alertId } });
    expect((await sms(sofiaPhone, `ACK ${second.ackCode}`)).body).toContain("Gracias, Sofía.");
  });

  it("the answer to a key pressed during the call is spoken in the caregiver's language", async () => {
    const { sofiaPhone, tomPhone, patient, tomsPatient } = await family();
    const a = await pressed(patient.id, new Date());
    const path = `/api/v1/webhooks/twilio/voice?alert_id=${a.alertId}`;
    const toms = `/api/v1/webhooks/twilio/voice?alert_id=${(await pressed(tomsPatient.id, new Date())).alertId}`;
    expect((await call(voiceHook.POST, fromTwilio(toms, { To: tomPhone, Digits: "2" }))).body).toContain(
      '<Say voice="alice" language="en-US">The alert was not acknowledged.',
    );
    expect((await call(voiceHook.POST, fromTwilio(path, { To: sofiaPhone, Digits: "1" }))).body).toContain(
      '<Say voice="Polly.Lupe" language="es-US">Gracias. La alerta queda confirmada.',
    );
    expect((await db.alert.findUniqueOrThrow({ where: { id: a.alertId } })).acknowledgedVia).toBe("voice");
  });

  it("the digest of held messages and the daily summary reach Sofía in Spanish, Tom in English", async () => {
    const { sofia, sofiaPhone, tom, tomPhone, patient, tomsPatient } = await family();
    const t = new Date("2026-01-20T16:00:00Z");
    const kinds = [
      ["inactivity:4h", "inactivity"],
      ["phone_offline:2h", "device"],
      ["reminder_missed", "missed_reminder"],
      ["x", "unusual_pattern"],
    ] as const;
    // a second apart, so escalation (oldest first) holds the same one back whatever else the database holds
    for (const [i, [source, type]] of kinds.entries())
      for (const p of [patient, tomsPatient]) {
        const at = new Date(t.getTime() + i * 1000);
        await raiseAlert(
          db,
          {
            patientId: p.id,
            type,
            severity: "medium",
            dedupKey: source,
            title: "English title",
            description: "d",
            source,
            evidence: { kind: "rule", at: at.toISOString() },
          },
          at,
        );
      }
    await escalateAlerts(new Date(t.getTime() + kinds.length * 1000));
    await sendDigests(new Date("2026-01-20T17:01:00Z"), { caregiverId: sofia.id });
    await sendDigests(new Date("2026-01-20T17:01:00Z"), { caregiverId: tom.id });
    const digest = fake.sms(sofiaPhone).at(-1)!.form.get("Body")!;
    expect(digest).toContain("Resumen de Elda: 1 mensaje de alerta retenido para usted.");
    expect(digest).toContain("Betty Johnson: algo inusual en su día (media)");
    expect(digest).not.toContain("English title");
    const digestMail = readMail(fake.mailTo(sofia.email).at(-1)!.raw);
    expect(digestMail.subject).toBe("Elda: alertas que aún no le hemos enviado");
    expect(fake.sms(tomPhone).at(-1)!.form.get("Body")).toContain(
      "Elda digest: 1 alert message held back for you.\nBetty Johnson: an unusual pattern in their day (medium)",
    );

    const evening = new Date("2026-01-21T02:00:00Z"); // 20:00 in Chicago
    await sendDailySummaries(sofia.id, evening);
    await sendDailySummaries(tom.id, evening);
    await dispatchPending(evening);
    const summary = readMail(fake.mailTo(sofia.email).at(-1)!.raw);
    expect(summary.subject).toBe("Elda: su resumen diario");
    expect(summary.text).toContain("Betty Johnson, martes, 20 de enero de 2026");
    expect(summary.text).toContain("Betty no tenía recordatorios pendientes.");
    expect(summary.text).toContain("4 alertas generadas.");
    expect(summary.html).toContain("Abrir en Elda");
    const english = readMail(fake.mailTo(tom.email).at(-1)!.raw);
    expect(english.subject).toBe("Elda: your daily summary");
    expect(english.text).toContain("Betty Johnson, Tuesday, January 20, 2026");
    expect(english.text).toContain("Betty had no reminders due.");
    // the narrative in Sofía's language is kept on the summary, for the next reader of that language
    const stored = await db.dailySummary.findFirstOrThrow({ where: { patientId: patient.id } });
    expect(Object.keys(stored.narratives as object)).toEqual(["es"]);
  });
});
