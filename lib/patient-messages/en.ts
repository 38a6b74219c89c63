import type { ScheduleType } from "@/lib/db/generated/client";
import { clockTime } from "./format";
import type { Catalogue, Style, StarterTopic } from "./types";

/** One wording per tone: friendly (the default), formal, casual. */
const tone = (s: Style, friendly: string, formal: string, casual: string) => (s === "formal" ? formal : s === "casual" ? casual : friendly);

const KIND: Record<ScheduleType, [friendly: string, formal: string, casual: string]> = {
  medication: ["It's time for your medicine.", "It is time for your medicine.", "Medicine time!"],
  meal: ["It's time to eat.", "It is time to eat.", "Time to eat!"],
  exercise: ["It's time to move a little.", "It is time to move a little.", "Time to move a little!"],
  appointment: ["You have an appointment coming up.", "You have an appointment coming up.", "Appointment coming up!"],
  hydration: ["It's time for a drink.", "It is time for a drink.", "Time for a drink!"],
  other: ["You have a reminder.", "You have a reminder.", "Got a reminder for you!"],
};

const TOPICS: Record<StarterTopic, string> = {
  family: "How is the family doing?",
  garden: "How is the garden doing? Is anything blooming?",
  food: "What are you thinking of cooking today?",
  weather: "What is the weather like where you are today?",
  pets: "How is your little companion doing today?",
  music: "Have you listened to any good music lately?",
  faith: "Will you be going to church this week?",
  tv: "Have you watched anything good lately?",
  friends: "Have you seen any friends or neighbors lately?",
  reading: "Are you reading anything nice at the moment?",
  exercise: "Have you been out for a walk lately?",
};

function reminderLead(type: ScheduleType, title: string, s: Style): string {
  if (type === "medication")
    return tone(s, `It's time for your medication: ${title}`, `It is time for your medication: ${title}`, `Time for your medication: ${title}`);
  if (type === "appointment")
    return tone(
      s,
      `Reminder about your appointment: ${title}`,
      `This is a reminder about your appointment: ${title}`,
      `Don't forget your appointment: ${title}`,
    );
  return tone(s, `It's time for ${title}`, `It is time for ${title}`, `Time for ${title}`);
}

export const en: Catalogue = {
  "name.fallback": () => "friend",

  "reminder.lock_title": ({ again }) => (again ? "Elda: a reminder, again" : "Elda: a reminder"),
  "reminder.lock_body": ({ type }, s) => {
    const [friendly, formal, casual] = KIND[type];
    return tone(s, `${friendly} Open Elda to hear it.`, `${formal} Please open Elda to hear it.`, `${casual} Open Elda to hear it.`);
  },
  "reminder.speak": ({ type, title, message, at, timeZone }, s) => {
    const time = clockTime("en", at, timeZone);
    const said = tone(
      s,
      `Hi! ${reminderLead(type, title, s)}. This is scheduled for ${time}.`,
      `Hello. ${reminderLead(type, title, s)}. It is scheduled for ${time}.`,
      `Hey! ${reminderLead(type, title, s)}. It's set for ${time}.`,
    );
    return message ? `${said} ${message}` : said;
  },

  "check_in.title": (_, s) => tone(s, "Are you all right?", "Are you all right?", "Are you okay?"),
  "check_in.body": ({ name, starter }, s) => {
    const ask = tone(
      s,
      `Hi ${name}, we haven't heard from you in a while. Are you all right?`,
      `Hello, ${name}. We have not heard from you for a while. Are you all right?`,
      `Hey ${name}, haven't heard from you in a bit. Are you okay?`,
    );
    return starter ? `${ask} ${starter}` : ask;
  },
  "starter.topic": ({ topic }, s) => (s === "casual" && topic === "family" ? "How's the family doing?" : TOPICS[topic]),
  "starter.interest": ({ interest }) => `Have you had time for ${interest} lately?`,
  "starter.relative": ({ name }) => `Have you heard from ${name} lately?`,

  "reply.critical": ({ name, selfHarm }, s) => {
    const extra = selfHarm ? "You matter very much, and you are not alone." : "If you can, stay where you are and press your emergency button or call 911.";
    return tone(
      s,
      `${name}, I'm here with you. I'm letting your caregiver know right away. ${extra}`,
      `${name}, I am here with you. I am letting your caregiver know right away. ${extra}`,
      `${name}, I'm right here with you. I'm letting your caregiver know right away. ${extra}`,
    );
  },
  "reply.high": ({ name }, s) =>
    tone(
      s,
      `I'm sorry you're going through this, ${name}. I'm letting your caregiver know right away. Please sit down and rest somewhere safe.`,
      `I am sorry you are going through this, ${name}. I am letting your caregiver know right away. Please sit down and rest somewhere safe.`,
      `I'm so sorry, ${name}. I'm letting your caregiver know right away. Sit down and rest somewhere safe, okay?`,
    ),
  "reply.reminder_done": ({ name }, s) =>
    tone(
      s,
      `Thank you for letting me know, ${name}! Well done.`,
      `Thank you for letting me know, ${name}. Well done.`,
      `Thanks for letting me know, ${name}! Nice one.`,
    ),
  "reply.missed_medication": ({ name }, s) =>
    tone(
      s,
      `Thank you for telling me, ${name}. Please check your pill organizer, and if you're not sure what to do, ask your caregiver or pharmacist.`,
      `Thank you for telling me, ${name}. Please check your pill organizer, and if you are not sure what to do, ask your caregiver or pharmacist.`,
      `Thanks for telling me, ${name}. Have a look at your pill organizer, and if you're not sure what to do, ask your caregiver or pharmacist.`,
    ),
  "reply.lonely": ({ name }, s) =>
    tone(
      s,
      `I'm sorry you're feeling this way, ${name}. I'm right here and I'd love to keep you company. Would you like to tell me about your day?`,
      `I am sorry you are feeling this way, ${name}. I am right here, and I would be glad to keep you company. Would you like to tell me about your day?`,
      `Aw, I'm sorry you're feeling this way, ${name}. I'm right here to keep you company. Want to tell me about your day?`,
    ),
  "reply.unwell": ({ name }, s) =>
    tone(
      s,
      `I'm sorry to hear that, ${name}. Please take it easy and rest a little. Let me know if it gets worse.`,
      `I am sorry to hear that, ${name}. Please take it easy and rest a little. Do let me know if it gets worse.`,
      `Sorry to hear that, ${name}. Take it easy and rest a bit. Tell me if it gets worse.`,
    ),
  "reply.greeting": ({ name }, s) =>
    tone(
      s,
      `Hello ${name}! It's lovely to hear from you. How are you feeling today?`,
      `Hello, ${name}. It is lovely to hear from you. How are you feeling today?`,
      `Hey ${name}! Great to hear from you. How are you feeling today?`,
    ),
  "reply.farewell": ({ name }, s) =>
    tone(
      s,
      `Goodbye, ${name}, take care. I'm here whenever you want to talk.`,
      `Goodbye, ${name}. Take care. I am here whenever you would like to talk.`,
      `Bye, ${name}, take care! I'm here whenever you want to chat.`,
    ),
  "reply.positive": ({ name }, s) =>
    tone(s, `That sounds lovely, ${name}! Tell me more.`, `That sounds lovely, ${name}. Please tell me more.`, `That sounds great, ${name}! Tell me more.`),
  "reply.question": ({ name }, s) =>
    tone(
      s,
      `That's a good question, ${name}. Let's think about it together.`,
      `That is a good question, ${name}. Let us think about it together.`,
      `Good question, ${name}! Let's think it through together.`,
    ),
  "reply.default": ({ name }, s) =>
    tone(
      s,
      `Thank you for sharing that with me, ${name}. Tell me more.`,
      `Thank you for sharing that with me, ${name}. Please tell me more.`,
      `Thanks for telling me, ${name}. Tell me more.`,
    ),

  // the safety question keeps one plain wording in every tone (decision 018)
  "safety.ask": ({ name, caregiver }) => `${name}, I'm right here with you. Are you hurt? Shall I tell ${caregiver || "your caregiver"}?`,
  "safety.ask_again": ({ name }) => `I want to be sure you're safe, ${name}. Do you need help? Please say yes or no.`,
  "safety.all_clear": ({ name }) => `I'm glad you're all right, ${name}. I'm here whenever you need me.`,

  companion_off: ({ name, alerting, reminderHint }) =>
    `${name}, the voice companion is switched off, so I can't chat.${alerting ? " I'm letting your caregiver know right away." : ""}${
      reminderHint ? " To mark a reminder as done, tap it on the screen." : ""
    } If you need help, press your emergency button or call 911.`,
};
