import { describe, expect, it } from "vitest";
import { alertText, alertTitle, alertTitleFacts, type AlertForText } from "./alert-text";

const at = "2026-01-15T15:00:00.000Z";
const base = { patient_name: "Rosa Johnson", patient_first_name: "Rosa" };

const emergency: AlertForText = {
  ...base,
  type: "emergency",
  severity: "critical",
  source: "emergency_button",
  title: "Rosa Johnson pressed the emergency button",
  description: `Rosa Johnson asked for help from the Elda app at ${at}.`,
  recommended_action: "Call them now. If they do not answer, call their emergency contact or emergency services.",
  evidence: [{ kind: "emergency_button", at, device_id: "d", battery_level: 80, latitude: 40.4168, longitude: -3.7038 }],
};

const missed: AlertForText = {
  ...base,
  type: "missed_medication",
  severity: "high",
  source: "reminder_missed",
  title: "Missed medication: Heart pill",
  description: 'Rosa Johnson has not confirmed "Heart pill" (due 9:00 AM). No confirmation after 3 reminders.',
  recommended_action: "Call Rosa to check whether it was done and that they are all right.",
  evidence: [{ kind: "missed_reminder", at, reminder_id: "r", title: "Heart pill", due_at: at, deliveries: 3, reason: "No confirmation after 3 reminders." }],
};

const inactivity: AlertForText = {
  ...base,
  type: "inactivity",
  severity: "critical",
  source: "inactivity:12h",
  title: "Rosa Johnson has not been heard from for 12 hours",
  description: "No sign of life from Rosa Johnson for 12.4 hours of waking time (08:00-21:00 in their time zone).",
  recommended_action: "Call Rosa now. If there is no answer, call their emergency contact or go to them.",
  evidence: [
    { kind: "rule", at, rule: "inactivity", threshold_hours: 6, silence_hours: 6.2, last_activity_at: at, waking_hours: "08:00-21:00" },
    {
      kind: "rule",
      at,
      rule: "inactivity",
      threshold_hours: 12,
      silence_hours: 12.4,
      last_activity_at: at,
      waking_hours: "08:00-21:00",
      check_in_not_awaited: "no_push_token",
    },
  ],
};

describe("alertText", () => {
  it("returns the stored English text unchanged in English", () => {
    for (const a of [emergency, missed, inactivity])
      expect(alertText(a, "en")).toEqual({ title: a.title, description: a.description, recommendedAction: a.recommended_action });
    expect(alertTitle(emergency, alertTitleFacts(emergency.evidence), "en")).toBe(emergency.title);
  });

  it("composes Spanish from the kind, the patient's name and the evidence", () => {
    const e = alertText(emergency, "es", "Europe/Madrid");
    expect(e.title).toBe("Rosa Johnson pulsó el botón de emergencia");
    expect(e.description).toMatch(/^Rosa Johnson pidió ayuda desde la aplicación Elda el .*16:00\. Ubicación del teléfono: 40\.41680, -3\.70380\.$/);
    expect(e.recommendedAction).toBe("Llámele ahora. Si no contesta, llame a su contacto de emergencia o a los servicios de emergencia.");

    const m = alertText(missed, "es", "UTC");
    expect(m.title).toBe("Medicamento no confirmado: Heart pill");
    expect(m.description).toMatch(/^Rosa Johnson no ha confirmado «Heart pill» \(para el .*\)\. Sin confirmación después de 3 avisos\.$/);
    expect(m.recommendedAction).toBe("Llame a Rosa para comprobar si lo hizo y si se encuentra bien.");

    const i = alertText(inactivity, "es");
    expect(i.title).toBe("No se sabe nada de Rosa Johnson desde hace 12 horas");
    expect(i.description).toContain("durante 12,4 horas de vigilia (de 08:00 a 21:00 en su zona horaria)");
    expect(i.description).toContain("el teléfono no se ha registrado para recibir notificaciones");
    expect(i.recommendedAction).toBe("Llame a Rosa ahora. Si no contesta, llame a su contacto de emergencia o vaya a verle.");
  });

  it("says what the patient said, battery levels and silent phones in Spanish", () => {
    const said = alertText(
      {
        ...base,
        type: "health_concern",
        severity: "high",
        source: "companion:high",
        title: "Rosa Johnson mentioned a health concern",
        description: 'Rosa Johnson told the companion: "Me duele el pecho" (chest pain).',
        recommended_action: "Call them today to check how they are.",
        evidence: [{ kind: "conversation", at, excerpt: "Me duele el pecho", analysis: { health_mentions: ["dolor de pecho"] } }],
      },
      "es",
    );
    expect(said).toEqual({
      title: "Rosa Johnson mencionó un problema de salud",
      description: "Rosa Johnson le dijo al asistente: «Me duele el pecho» (dolor de pecho).",
      recommendedAction: "Llámele hoy para saber cómo está.",
    });
    const battery = {
      ...base,
      type: "device" as const,
      severity: "low" as const,
      source: "battery_below_15",
      title: "x",
      description: "x",
      recommended_action: "x",
    };
    expect(alertText({ ...battery, evidence: [{ kind: "heartbeat", at, battery_level: 9 }] }, "es").title).toBe(
      "La batería del teléfono de Rosa Johnson está baja (9\u00a0%)",
    );
    const offline = alertText(
      { ...battery, source: "phone_offline:24h", evidence: [{ kind: "phone_offline", at, offline_hours: 25.5, last_seen_at: null, battery_level: null }] },
      "es",
    );
    expect(offline.title).toBe("El teléfono de Rosa Johnson no da señales desde hace 25 horas");
    expect(offline.description).toMatch(/^El teléfono de Rosa Johnson no envía señales desde que se vinculó\. Puede que/);
  });

  it("falls back to a general Spanish sentence for its type when the rule is unknown", () => {
    const unknown: AlertForText = {
      ...base,
      type: "unusual_pattern",
      severity: "medium",
      source: "manual",
      title: "Something odd",
      description: "Written by hand.",
      recommended_action: null,
      evidence: [],
    };
    expect(alertText(unknown, "es")).toEqual({
      title: "Algo inusual en el día de Rosa Johnson",
      description: "Elda generó esta alerta sobre Rosa Johnson. Consulte los detalles y las pruebas más abajo.",
      recommendedAction: null,
    });
    expect(alertText({ ...unknown, type: "device", recommended_action: "Do something" }, "es").recommendedAction).toBe("Revise el teléfono de Rosa.");
    expect(alertText({ ...unknown, type: "inactivity", source: "other" }, "es").title).toBe("Rosa Johnson no da señales de actividad");
    // the demo's alerts: a conversation quoted, a reminder without its due time
    const knee = alertText(
      { ...unknown, type: "health_concern", source: "conversation", evidence: [{ kind: "conversation", at, excerpt: "Me duele la rodilla" }] },
      "es",
    );
    expect(knee.title).toBe("Posible problema de salud de Rosa Johnson");
    expect(knee.description).toBe("Rosa Johnson le dijo al asistente: «Me duele la rodilla».");
    expect(alertText({ ...missed, evidence: [{ kind: "missed_reminder", at, title: "Metformin" }] }, "es").description).toBe(
      "Rosa Johnson no ha confirmado «Metformin».",
    );
  });

  it("gives the home page's list the values its titles need", () => {
    expect(alertTitleFacts(inactivity.evidence)).toEqual({ hours: 12, battery: null, reminder: null });
    expect(alertTitleFacts(missed.evidence)).toEqual({ hours: null, battery: null, reminder: "Heart pill" });
    expect(alertTitle(missed, alertTitleFacts(missed.evidence), "es")).toBe("Medicamento no confirmado: Heart pill");
    expect(alertTitle(inactivity, { hours: null, battery: null, reminder: null }, "es")).toBe("No se sabe nada de Rosa Johnson desde hace 12 horas");
  });
});
