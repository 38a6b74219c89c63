import type { ScheduleType } from "@/lib/db/generated/client";
import { aLas } from "./format";
import type { Catalogue, Style, StarterTopic } from "./types";

/** Tú (friendly, casual) or usted (formal): SPEC §6. */
const tu = (s: Style, tuteo: string, usted: string) => (s === "formal" ? usted : tuteo);

const KIND: Record<ScheduleType, [tuteo: string, usted: string]> = {
  medication: ["Es hora de tu medicina.", "Es hora de su medicina."],
  meal: ["Es hora de comer.", "Es hora de comer."],
  exercise: ["Es hora de moverte un poco.", "Es hora de moverse un poco."],
  appointment: ["Tienes una cita pronto.", "Tiene una cita pronto."],
  hydration: ["Es hora de beber algo.", "Es hora de beber algo."],
  other: ["Tienes un recordatorio.", "Tiene un recordatorio."],
};

const TOPICS: Record<StarterTopic, [tuteo: string, usted: string]> = {
  family: ["¿Cómo está la familia?", "¿Cómo está la familia?"],
  garden: ["¿Cómo va el jardín? ¿Ha florecido algo?", "¿Cómo va el jardín? ¿Ha florecido algo?"],
  food: ["¿Qué piensas cocinar hoy?", "¿Qué piensa cocinar hoy?"],
  weather: ["¿Qué tiempo hace hoy por allí?", "¿Qué tiempo hace hoy por allí?"],
  pets: ["¿Cómo está hoy tu mascota?", "¿Cómo está hoy su mascota?"],
  music: ["¿Has escuchado buena música últimamente?", "¿Ha escuchado buena música últimamente?"],
  faith: ["¿Irás a la iglesia esta semana?", "¿Irá a la iglesia esta semana?"],
  tv: ["¿Has visto algo bueno en la tele últimamente?", "¿Ha visto algo bueno en la tele últimamente?"],
  friends: ["¿Has visto a algún amigo o vecino últimamente?", "¿Ha visto a algún amigo o vecino últimamente?"],
  reading: ["¿Estás leyendo algo bonito estos días?", "¿Está leyendo algo bonito estos días?"],
  exercise: ["¿Has salido a caminar últimamente?", "¿Ha salido a caminar últimamente?"],
};

function reminderLead(type: ScheduleType, title: string, s: Style): string {
  if (type === "medication") return tu(s, `Es hora de tu medicamento: ${title}`, `Es hora de su medicamento: ${title}`);
  if (type === "appointment") return tu(s, `Te recuerdo tu cita: ${title}`, `Le recuerdo su cita: ${title}`);
  return tu(s, `Es hora de: ${title}`, `Es hora de: ${title}`);
}

export const es: Catalogue = {
  "name.fallback": () => "amigo",

  "reminder.lock_title": ({ again }) => (again ? "Elda: un recordatorio, otra vez" : "Elda: un recordatorio"),
  "reminder.lock_body": ({ type }, s) => {
    const [tuteo, usted] = KIND[type];
    return tu(s, `${tuteo} Abre Elda para escucharlo.`, `${usted} Abra Elda para escucharlo.`);
  },
  "reminder.speak": ({ type, title, message, at, timeZone }, s) => {
    const when = aLas(at, timeZone);
    const said = tu(s, `¡Hola! ${reminderLead(type, title, s)}. Te toca ${when}.`, `Hola. ${reminderLead(type, title, s)}. Le toca ${when}.`);
    return message ? `${said} ${message}` : said;
  },

  "check_in.title": (_, s) => tu(s, "¿Estás bien?", "¿Se encuentra bien?"),
  "check_in.body": ({ name, starter }, s) => {
    const ask = tu(
      s,
      `Hola, ${name}, hace un rato que no sabemos de ti. ¿Estás bien?`,
      `Hola, ${name}, hace un rato que no sabemos de usted. ¿Se encuentra bien?`,
    );
    return starter ? `${ask} ${starter}` : ask;
  },
  "starter.topic": ({ topic }, s) => tu(s, ...TOPICS[topic]),
  "starter.interest": ({ interest }, s) => tu(s, `¿Has tenido tiempo para ${interest} últimamente?`, `¿Ha tenido tiempo para ${interest} últimamente?`),
  "starter.relative": ({ name }, s) => tu(s, `¿Has sabido algo de ${name} últimamente?`, `¿Ha sabido algo de ${name} últimamente?`),

  "reply.critical": ({ name, selfHarm }, s) => {
    const extra = selfHarm
      ? tu(s, "Eres muy importante, y hay gente que te quiere ayudar.", "Usted es muy importante, y hay gente que le quiere ayudar.")
      : tu(
          s,
          "Si puedes, quédate donde estás y pulsa tu botón de emergencia o llama al 911.",
          "Si puede, quédese donde está y pulse su botón de emergencia o llame al 911.",
        );
    return tu(
      s,
      `${name}, estoy aquí contigo. Estoy avisando a tu cuidador ahora mismo. ${extra}`,
      `${name}, estoy aquí con usted. Estoy avisando a su cuidador ahora mismo. ${extra}`,
    );
  },
  "reply.high": ({ name }, s) =>
    tu(
      s,
      `Siento mucho lo que estás pasando, ${name}. Estoy avisando a tu cuidador ahora mismo. Siéntate y descansa en un lugar seguro.`,
      `Siento mucho lo que está pasando, ${name}. Estoy avisando a su cuidador ahora mismo. Siéntese y descanse en un lugar seguro.`,
    ),
  "reply.reminder_done": ({ name }, s) => tu(s, `¡Gracias por contármelo, ${name}! Muy bien hecho.`, `Gracias por decírmelo, ${name}. Muy bien hecho.`),
  "reply.missed_medication": ({ name }, s) =>
    tu(
      s,
      `Gracias por contármelo, ${name}. Revisa tu pastillero y, si tienes dudas, pregunta a tu cuidador o farmacéutico.`,
      `Gracias por decírmelo, ${name}. Revise su pastillero y, si tiene dudas, pregunte a su cuidador o farmacéutico.`,
    ),
  "reply.lonely": ({ name }, s) =>
    tu(
      s,
      `Siento que te sientas así, ${name}. Estoy aquí contigo. ¿Me cuentas cómo ha sido tu día?`,
      `Siento que se sienta así, ${name}. Estoy aquí con usted. ¿Me cuenta cómo ha sido su día?`,
    ),
  "reply.unwell": ({ name }, s) =>
    tu(
      s,
      `Siento oír eso, ${name}. Tómatelo con calma y descansa un poco. Avísame si empeora.`,
      `Siento oír eso, ${name}. Tómeselo con calma y descanse un poco. Avíseme si empeora.`,
    ),
  "reply.greeting": ({ name }, s) =>
    s === "casual"
      ? `¡Hola, ${name}! ¡Qué bueno oírte! ¿Cómo te sientes hoy?`
      : tu(s, `¡Hola, ${name}! Qué alegría oírte. ¿Cómo te sientes hoy?`, `Hola, ${name}. Qué alegría saludarle. ¿Cómo se siente hoy?`),
  "reply.farewell": ({ name }, s) =>
    tu(s, `Hasta luego, ${name}, cuídate mucho. Aquí estoy cuando quieras hablar.`, `Hasta luego, ${name}, cuídese mucho. Aquí estoy cuando quiera hablar.`),
  "reply.positive": ({ name }, s) => tu(s, `¡Qué bonito, ${name}! Cuéntame más.`, `Qué bonito, ${name}. Cuénteme más, por favor.`),
  "reply.question": ({ name }, s) => tu(s, `Buena pregunta, ${name}. Pensémoslo juntos.`, `Buena pregunta, ${name}. Pensémoslo juntos.`),
  "reply.default": ({ name }, s) => tu(s, `Gracias por contármelo, ${name}. Cuéntame más.`, `Gracias por decírmelo, ${name}. Cuénteme más.`),

  "safety.ask": ({ name, caregiver }, s) => {
    const tell = caregiver ? `¿Aviso a ${caregiver}?` : tu(s, "¿Aviso a tu cuidador?", "¿Aviso a su cuidador?");
    return tu(s, `${name}, estoy aquí contigo. ¿Te has hecho daño? ${tell}`, `${name}, estoy aquí con usted. ¿Se ha hecho daño? ${tell}`);
  },
  "safety.ask_again": ({ name }, s) =>
    tu(
      s,
      `Quiero asegurarme de que estás bien, ${name}. ¿Necesitas ayuda? Dime sí o no.`,
      `Quiero asegurarme de que está bien, ${name}. ¿Necesita ayuda? Dígame sí o no.`,
    ),
  "safety.all_clear": ({ name }, s) =>
    tu(s, `Me alegro de que estés bien, ${name}. Aquí estoy cuando me necesites.`, `Me alegro de que esté bien, ${name}. Aquí estoy cuando me necesite.`),

  companion_off: ({ name, alerting, reminderHint }, s) =>
    `${name}, el acompañante de voz está apagado, así que no puedo conversar.` +
    (alerting ? tu(s, " Estoy avisando a tu cuidador ahora mismo.", " Estoy avisando a su cuidador ahora mismo.") : "") +
    (reminderHint
      ? tu(s, " Para marcar un recordatorio como hecho, tócalo en la pantalla.", " Para marcar un recordatorio como hecho, tóquelo en la pantalla.")
      : "") +
    tu(s, " Si necesitas ayuda, pulsa tu botón de emergencia o llama al 911.", " Si necesita ayuda, pulse su botón de emergencia o llame al 911."),
};
