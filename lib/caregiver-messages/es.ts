import type { CaregiverMessages } from "./types";

const s = (n: number, one: string, many: string) => (n === 1 ? one : many);
const URGENCY = { critical: "una alerta urgente", high: "una alerta importante", medium: "una alerta", low: "una alerta" } as const;
const CALL_NOW = "Llámele ahora. Si no contesta, llame a su contacto de emergencia o a los servicios de emergencia.";

/** Spanish (usted): what caregivers receive outside the dashboard (docs/decisions/031). */
export const es: CaregiverMessages = {
  intlLocale: "es-US",
  voice: { voice: "Polly.Lupe", language: "es-US" },
  ackWords: ["RECIBIDO", "RECIBIDA", "OK"],
  severity: { low: "baja", medium: "media", high: "alta", critical: "crítica" },
  mood: { positive: "bueno", neutral: "tranquilo", concerned: "preocupado", distressed: "angustiado", unknown: "desconocido" },
  kinds: {
    emergency_button: () => "se pulsó el botón de emergencia",
    danger_said: () => "puede estar en peligro, por lo que dijo al teléfono",
    concern_said: () => "dijo al teléfono algo preocupante",
    safety_question_unanswered: () => "no respondió a la pregunta de seguridad del asistente",
    missed_medication: () => "no se confirmó un medicamento",
    missed_reminder: () => "no se confirmó un recordatorio",
    inactivity: (d) => (d.hours ? `sin señales de actividad desde hace ${d.hours} ${s(d.hours, "hora", "horas")}` : "sin señales de actividad"),
    phone_offline: (d) => (d.hours ? `el teléfono no da señales desde hace ${d.hours} ${s(d.hours, "hora", "horas")}` : "el teléfono no da señales"),
    battery_low: (d) => (d.battery ? `la batería del teléfono está baja (${d.battery})` : "la batería del teléfono está baja"),
    emergency: () => "una emergencia",
    health_concern: () => "un problema de salud",
    unusual_pattern: () => "algo inusual en su día",
    device: () => "un problema con el teléfono",
  },
  actions: {
    emergency_button: () => CALL_NOW,
    danger_said: () => CALL_NOW,
    concern_said: (first) => `Llame hoy a ${first} para saber cómo está.`,
    safety_question_unanswered: () => "Llámele ahora para comprobar que está a salvo. Si no contesta, llame a su contacto de emergencia.",
    missed_medication: (first) => `Llame a ${first} para comprobar si lo hizo y si se encuentra bien.`,
    missed_reminder: (first) => `Llame a ${first} para comprobar si lo hizo y si se encuentra bien.`,
    inactivity: (first) => `Llame a ${first} o pida a alguien cercano que vaya a verle.`,
    phone_offline: (first) => `Compruebe que el teléfono de ${first} está encendido y cargado.`,
    battery_low: (first) => `Recuerde a ${first} que cargue el teléfono.`,
    emergency: () => CALL_NOW,
    health_concern: (first) => `Llame hoy a ${first} para saber cómo está.`,
    unusual_pattern: (first) => `Hable con ${first} cuando pueda.`,
    device: (first) => `Revise el teléfono de ${first}.`,
  },
  alertSms: (p) =>
    `Elda: alerta ${p.severity.toUpperCase()} sobre ${p.who}: ${p.what}. ${p.code ? `Responda RECIBIDO ${p.code} para confirmarla. ` : ""}${p.link}`,
  alertEmail: {
    subject: (severity) => `Elda: una alerta ${severity} necesita su atención`,
    heading: (who, what) => `${who}: ${what}`,
    severityLine: (severity, when) => `Alerta ${severity}, del ${when}.`,
    reminderLine: (title, due) => `Recordatorio: «${title}», para las ${due}.`,
    saidLine: (excerpt) => `Lo que dijo: «${excerpt}»`,
    open: "Abrir la alerta",
    orReply: (code) => `O responda al SMS con RECIBIDO ${code}.`,
  },
  call: {
    intro: (who, what) => `Le llama Elda con una alerta urgente sobre ${who}: ${what}.`,
    prompt: "Pulse 1 para confirmar que la ha recibido.",
    noKey: "No hemos oído ninguna tecla. Seguiremos intentándolo con su equipo de cuidado.",
    acknowledged: "Gracias. La alerta queda confirmada. Por favor, compruebe ahora cómo está.",
    notAcknowledged: "La alerta no se ha confirmado. Seguiremos intentándolo con su equipo de cuidado.",
  },
  smsReply: {
    help: "Responda RECIBIDO seguido del código de 4 cifras de la alerta para confirmarla.",
    notOnTeam: "Este número no pertenece a ningún equipo de cuidado de Elda.",
    noAlert: (code) => `No tiene ninguna alerta abierta con el código ${code}.`,
    acknowledged: (first, who) => `Gracias, ${first}. La alerta de ${who} queda a su cargo.`,
  },
  digest: {
    subject: "Elda: alertas que aún no le hemos enviado",
    text: (count, lines) =>
      `Resumen de Elda: ${count} ${s(count, "mensaje de alerta retenido", "mensajes de alerta retenidos")} para usted.\n${lines.join("\n")}\nAbra Elda para revisarlos.`,
    item: (what, severity) => `${what} (${severity})`,
  },
  push: {
    alertTitle: (severity, first) => `Elda: ${URGENCY[severity]} sobre ${first}`,
    alertBody: "Abra Elda para verla.",
    summaryTitle: (first) => `El resumen diario de ${first} está listo`,
    summaryBody: "Abra Elda para leerlo.",
    digestTitle: (count, about) => `Elda: ${count} ${s(count, "alerta", "alertas")} sobre ${about} ${s(count, "le esperaba", "le esperaban")}`,
    digestBody: "Se retuvieron para no enviarle demasiados mensajes. Abra Elda para verlas.",
    yourPatients: "sus pacientes",
    testTitle: "Elda: notificación de prueba",
    testBody: "Las notificaciones están activadas en este navegador. Las alertas se verán así, sin datos de salud.",
  },
  summary: {
    emailSubject: "Elda: su resumen diario",
    heading: (who, day) => `${who}, ${day}`,
    open: "Abrir en Elda",
    sms: (who, day, narrative) => `Resumen de Elda sobre ${who} (${day}): ${narrative}`,
  },
  narrative: {
    reminders: (name, done, total, missed) =>
      `${name} completó ${done} de ${total} ${s(total, "recordatorio", "recordatorios")}${missed ? ` y no hizo ${missed}` : ""}.`,
    noReminders: (name) => `${name} no tenía recordatorios pendientes.`,
    medications: (done, total) => `Medicamentos: ${done} de ${total} ${s(total, "tomado", "tomados")}.`,
    conversations: (count, mood) => `${count} ${s(count, "conversación", "conversaciones")} con el asistente; ánimo ${mood}.`,
    noConversations: "Ninguna conversación con el asistente.",
    companionOff: "El asistente de voz está desactivado (sin consentimiento).",
    health: (list) => `Salud mencionada: ${list}.`,
    active: (hours) => `Actividad durante ${hours} ${s(hours, "hora", "horas")} del día.`,
    noActivity: "Ninguna actividad desde el teléfono.",
    alerts: (count) => `${count} ${s(count, "alerta generada", "alertas generadas")}.`,
  },
  invitation: {
    subject: (inviter, org) => `${inviter} le ha invitado a ${org} en Elda`,
    email: (inviter, org, until, link) =>
      `${inviter} le ha invitado a unirse a ${org} en Elda, para cuidar juntos de una persona.\n\nAcepte la invitación (el enlace funciona una sola vez, hasta el ${until}):\n${link}\n\nSi no esperaba este mensaje, ignórelo.`,
    sms: (inviter, org, until, link) => `${inviter} le ha invitado a ${org} en Elda. Acepte (hasta el ${until}): ${link}`,
  },
  smsCap: {
    subject: (org, percent) => `Elda: ${org} ha usado el ${percent} de su límite mensual de SMS`,
    text: (org, sent, cap, link) =>
      `${org} ha enviado ${sent} de sus ${cap} segmentos de SMS este mes. Pasado el límite, los mensajes que no son críticos llegan a los cuidadores por correo electrónico o notificación en lugar de SMS; las alertas críticas siguen llegando por SMS.\n\nUso (con ${org} como organización actual): ${link}`,
  },
  narrativePrompt: (name) =>
    `Escribe el breve resumen diario que lee un familiar que cuida de ${name}, una persona mayor que vive sola. ` +
    "Escribe de 2 a 4 frases cálidas y sencillas en español, tratando al lector de usted, a partir de las cifras que recibes. Usa solo esas cifras: " +
    "nunca escribas un número que no esté entre ellas, no supongas nada, no diagnostiques y no des consejos médicos.",
};
