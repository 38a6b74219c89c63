/**
 * The companion's templated replies (SPEC §6): used without a model, when the model fails, and whenever safety
 * needs a fixed wording (the caregiver is being told; the safety question of ask-back.ts). In the patient's
 * language; in Spanish `formal` is usted, `friendly` and `casual` are tú. Never a diagnosis.
 */
import type { OfflineAnalysis } from "./offline-analyzer";

type Style = "friendly" | "formal" | "casual";

function pickLanguage(analysis: OfflineAnalysis, hint?: string): "en" | "es" {
  if (analysis.language) return analysis.language;
  return hint?.toLowerCase().startsWith("es") ? "es" : "en";
}

function replyEn(a: OfflineAnalysis, name: string, style: Style): string {
  const hi = style === "formal" ? `Hello, ${name}.` : style === "casual" ? `Hey ${name}!` : `Hello ${name}!`;
  if (a.urgency === "critical") {
    const extra = a.emergency_reasons.includes("self_harm")
      ? "You matter very much, and you are not alone."
      : "If you can, stay where you are and press your emergency button or call 911.";
    return `${name}, I'm here with you. I'm letting your caregiver know right away. ${extra}`;
  }
  if (a.urgency === "high") {
    return `I'm sorry you're going through this, ${name}. I'm letting your caregiver know right away. Please sit down and rest somewhere safe.`;
  }
  if (a.reminder_completed) {
    return style === "formal" ? `Thank you for letting me know, ${name}. Well done.` : `Thank you for letting me know, ${name}! Well done.`;
  }
  if (a.health_mentions.includes("missed medication")) {
    return `Thank you for telling me, ${name}. Please check your pill organizer, and if you're not sure what to do, ask your caregiver or pharmacist.`;
  }
  if (a.urgency === "medium" && a.topics.includes("loneliness")) {
    return `I'm sorry you're feeling this way, ${name}. I'm right here and I'd love to keep you company. Would you like to tell me about your day?`;
  }
  if (a.urgency === "medium" || a.urgency === "low") {
    return `I'm sorry to hear that, ${name}. Please take it easy and rest a little. Let me know if it gets worse.`;
  }
  if (a.intent === "greeting") return `${hi} It's lovely to hear from you. How are you feeling today?`;
  if (a.intent === "farewell") return `Goodbye, ${name}, take care. I'm here whenever you want to talk.`;
  if (a.sentiment === "positive")
    return style === "formal" ? `That sounds lovely, ${name}. Please tell me more.` : `That sounds lovely, ${name}! Tell me more.`;
  if (a.intent === "question") return `That's a good question, ${name}. Let's think about it together.`;
  return `Thank you for sharing that with me, ${name}. Tell me more.`;
}

function replyEs(a: OfflineAnalysis, name: string, style: Style): string {
  const usted = style === "formal";
  const su = usted ? "su" : "tu";
  if (a.urgency === "critical") {
    const extra = a.emergency_reasons.includes("self_harm")
      ? usted
        ? "Usted es muy importante y no está solo."
        : "Eres muy importante y no estás sola."
      : usted
        ? "Si puede, quédese donde está y pulse su botón de emergencia o llame al 911."
        : "Si puedes, quédate donde estás y pulsa tu botón de emergencia o llama al 911.";
    return `${name}, estoy aquí ${usted ? "con usted" : "contigo"}. Estoy avisando a ${su} cuidador ahora mismo. ${extra}`;
  }
  if (a.urgency === "high") {
    return `Siento mucho lo que ${usted ? "está pasando" : "estás pasando"}, ${name}. Estoy avisando a ${su} cuidador ahora mismo. ${usted ? "Siéntese y descanse" : "Siéntate y descansa"} en un lugar seguro.`;
  }
  if (a.reminder_completed) return `¡Gracias por ${usted ? "decírmelo" : "contármelo"}, ${name}! Muy bien hecho.`;
  if (a.health_mentions.includes("missed medication")) {
    return `Gracias por ${usted ? "decírmelo" : "contármelo"}, ${name}. ${usted ? "Revise su pastillero y, si tiene dudas, pregunte a su" : "Revisa tu pastillero y, si tienes dudas, pregunta a tu"} cuidador o farmacéutico.`;
  }
  if (a.urgency === "medium" && a.topics.includes("loneliness")) {
    return `Siento que ${usted ? "se sienta" : "te sientas"} así, ${name}. Estoy aquí ${usted ? "con usted" : "contigo"}. ¿Me ${usted ? "cuenta" : "cuentas"} cómo ha sido ${su} día?`;
  }
  if (a.urgency === "medium" || a.urgency === "low") {
    return `Siento oír eso, ${name}. ${usted ? "Tómeselo con calma y descanse" : "Tómatelo con calma y descansa"} un poco. ${usted ? "Avíseme" : "Avísame"} si empeora.`;
  }
  if (a.intent === "greeting") return `¡Hola, ${name}! Qué alegría ${usted ? "saludarle" : "oírte"}. ¿Cómo ${usted ? "se siente" : "te sientes"} hoy?`;
  if (a.intent === "farewell") return `Hasta luego, ${name}, ${usted ? "cuídese" : "cuídate"} mucho. Aquí estoy cuando ${usted ? "quiera" : "quieras"} hablar.`;
  if (a.sentiment === "positive") return `¡Qué bonito, ${name}! ${usted ? "Cuénteme" : "Cuéntame"} más.`;
  return `Gracias por ${usted ? "decírmelo" : "contármelo"}, ${name}. ${usted ? "Cuénteme" : "Cuéntame"} más.`;
}

export function offlineReply(analysis: OfflineAnalysis, ctx: { name: string; style?: "friendly" | "formal" | "casual"; language?: string }): string {
  const name = ctx.name?.trim() || (pickLanguage(analysis, ctx.language) === "es" ? "amigo" : "friend");
  const style = ctx.style ?? "friendly";
  return pickLanguage(analysis, ctx.language) === "es" ? replyEs(analysis, name, style) : replyEn(analysis, name, style);
}

/** What the ask-back state machine says (ask-back.ts): the safety question, once more, or the all-clear. */
export type SafetyLine = "ask" | "ask_again" | "all_clear";

/**
 * One direct safety question in the patient's language and style, naming the first caregiver on the care team
 * when there is one ("Are you hurt? Shall I tell Sarah?"); asked again as a plain yes-or-no; or the all-clear
 * after a clear "no".
 */
export function safetyReply(
  line: SafetyLine,
  ctx: { name: string; style?: "friendly" | "formal" | "casual"; language: "en" | "es"; caregiver?: string | null },
): string {
  const es = ctx.language === "es";
  const name = ctx.name?.trim() || (es ? "amigo" : "friend");
  const usted = ctx.style === "formal";
  const who = ctx.caregiver?.trim();
  if (!es) {
    if (line === "ask") return `${name}, I'm right here with you. Are you hurt? Shall I tell ${who || "your caregiver"}?`;
    if (line === "ask_again") return `I want to be sure you're safe, ${name}. Do you need help? Please say yes or no.`;
    return `I'm glad you're all right, ${name}. I'm here whenever you need me.`;
  }
  if (line === "ask") {
    const tell = who ? `¿Aviso a ${who}?` : `¿Aviso a ${usted ? "su" : "tu"} cuidador?`;
    return `${name}, estoy aquí ${usted ? "con usted" : "contigo"}. ${usted ? "¿Se ha hecho daño?" : "¿Te has hecho daño?"} ${tell}`;
  }
  if (line === "ask_again")
    return usted
      ? `Quiero asegurarme de que está bien, ${name}. ¿Necesita ayuda? Dígame sí o no.`
      : `Quiero asegurarme de que estás bien, ${name}. ¿Necesitas ayuda? Dime sí o no.`;
  return usted
    ? `Me alegro de que esté bien, ${name}. Aquí estoy cuando me necesite.`
    : `Me alegro de que estés bien, ${name}. Aquí estoy cuando me necesites.`;
}
