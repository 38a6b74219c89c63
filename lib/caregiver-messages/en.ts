import type { CaregiverMessages } from "./types";

const s = (n: number, one: string, many: string) => (n === 1 ? one : many);
const URGENCY = { critical: "an urgent alert", high: "an important alert", medium: "an alert", low: "an alert" } as const;
const CALL_NOW = "Call them now. If they do not answer, call their emergency contact or emergency services.";

/** English: what caregivers receive outside the dashboard (docs/decisions/031). */
export const en: CaregiverMessages = {
  intlLocale: "en-US",
  voice: { voice: "alice", language: "en-US" },
  ackWords: ["ACK", "OK"],
  severity: { low: "low", medium: "medium", high: "high", critical: "critical" },
  mood: { positive: "positive", neutral: "neutral", concerned: "concerned", distressed: "distressed", unknown: "unknown" },
  kinds: {
    emergency_button: () => "the emergency button was pressed",
    danger_said: () => "they may be in danger, from what they said to the phone",
    concern_said: () => "they mentioned something worrying to the phone",
    safety_question_unanswered: () => "no answer to the companion's safety question",
    missed_medication: () => "a medication was not confirmed",
    missed_reminder: () => "a reminder was not confirmed",
    inactivity: (d) => (d.hours ? `no sign of activity for ${d.hours} ${s(d.hours, "hour", "hours")}` : "no sign of activity"),
    phone_offline: (d) => (d.hours ? `the phone has not been heard from for ${d.hours} ${s(d.hours, "hour", "hours")}` : "the phone has not been heard from"),
    battery_low: (d) => (d.battery ? `the phone's battery is low (${d.battery})` : "the phone's battery is low"),
    emergency: () => "an emergency",
    health_concern: () => "a health concern",
    unusual_pattern: () => "an unusual pattern in their day",
    device: () => "a problem with the phone",
  },
  actions: {
    emergency_button: () => CALL_NOW,
    danger_said: () => CALL_NOW,
    concern_said: (first) => `Call ${first} today to check how they are.`,
    safety_question_unanswered: () => "Call them now to check they are safe. If they do not answer, call their emergency contact.",
    missed_medication: (first) => `Call ${first} to check whether it was done and that they are all right.`,
    missed_reminder: (first) => `Call ${first} to check whether it was done and that they are all right.`,
    inactivity: (first) => `Call ${first} or ask someone nearby to check on them.`,
    phone_offline: (first) => `Check that ${first}'s phone is on and charged.`,
    battery_low: (first) => `Remind ${first} to charge the phone.`,
    emergency: () => CALL_NOW,
    health_concern: (first) => `Call ${first} today to check how they are.`,
    unusual_pattern: (first) => `Check in with ${first} when you can.`,
    device: (first) => `Check ${first}'s phone.`,
  },
  alertSms: (p) => `Elda ${p.severity.toUpperCase()} alert for ${p.who}: ${p.what}. ${p.code ? `Reply ACK ${p.code} to acknowledge. ` : ""}${p.link}`,
  alertEmail: {
    subject: (severity) => `Elda: a ${severity} alert needs your attention`,
    heading: (who, what) => `${who}: ${what}`,
    severityLine: (severity, when) => `A ${severity} alert, raised ${when}.`,
    reminderLine: (title, due) => `Reminder: "${title}", due ${due}.`,
    saidLine: (excerpt) => `What they said: "${excerpt}"`,
    open: "Open the alert",
    orReply: (code) => `Or reply to the SMS with ACK ${code}.`,
  },
  call: {
    intro: (who, what) => `This is Elda, with an urgent alert for ${who}: ${what}.`,
    prompt: "Press 1 to acknowledge.",
    noKey: "We did not hear a key. We will keep trying your care team.",
    acknowledged: "Thank you. The alert is acknowledged. Please check on them now.",
    notAcknowledged: "The alert was not acknowledged. We will keep trying your care team.",
  },
  smsReply: {
    help: "Reply ACK followed by the 4-digit code in the alert to acknowledge it.",
    notOnTeam: "This number is not on an Elda care team.",
    noAlert: (code) => `No open alert with code ${code} for you.`,
    acknowledged: (first, who) => `Thanks ${first}. You have the alert for ${who}.`,
  },
  digest: {
    subject: "Elda: alerts you have not been sent yet",
    text: (count, lines) => `Elda digest: ${count} alert ${s(count, "message", "messages")} held back for you.\n${lines.join("\n")}\nOpen Elda to review them.`,
    item: (what, severity) => `${what} (${severity})`,
  },
  push: {
    alertTitle: (severity, first) => `Elda: ${URGENCY[severity]} about ${first}`,
    alertBody: "Open Elda to see it.",
    summaryTitle: (first) => `${first}'s daily summary is ready`,
    summaryBody: "Open Elda to read it.",
    digestTitle: (count, about) => `Elda: ${count} ${s(count, "alert", "alerts")} about ${about} waited for you`,
    digestBody: "They were held back to keep you from too many messages. Open Elda to see them.",
    yourPatients: "your patients",
    testTitle: "Elda: test notification",
    testBody: "Notifications are on for this browser. Alerts will look like this, without health details.",
  },
  summary: {
    emailSubject: "Elda: your daily summary",
    heading: (who, day) => `${who}, ${day}`,
    open: "Open in Elda",
    sms: (who, day, narrative) => `Elda summary for ${who} (${day}): ${narrative}`,
  },
  narrative: {
    reminders: (name, done, total, missed) => `${name} completed ${done} of ${total} reminders${missed ? ` and missed ${missed}` : ""}.`,
    noReminders: (name) => `${name} had no reminders due.`,
    medications: (done, total) => `Medications: ${done} of ${total} taken.`,
    conversations: (count, mood) => `${count} ${s(count, "conversation", "conversations")} with the companion; mood ${mood}.`,
    noConversations: "No conversations with the companion.",
    companionOff: "The voice companion is switched off (no consent).",
    health: (list) => `Health mentioned: ${list}.`,
    active: (hours) => `Active during ${hours} ${s(hours, "hour", "hours")} of the day.`,
    noActivity: "No activity from the phone.",
    alerts: (count) => `${count} ${s(count, "alert", "alerts")} raised.`,
  },
  invitation: {
    subject: (inviter, org) => `${inviter} invited you to ${org} on Elda`,
    email: (inviter, org, until, link) =>
      `${inviter} invited you to join ${org} on Elda, to help care for someone together.\n\nAccept the invitation (the link works once, until ${until}):\n${link}\n\nIf you did not expect this, ignore this email.`,
    sms: (inviter, org, until, link) => `${inviter} invited you to ${org} on Elda. Accept (until ${until}): ${link}`,
  },
  smsCap: {
    subject: (org, percent) => `Elda: ${org} has used ${percent} of its monthly SMS cap`,
    text: (org, sent, cap, link) =>
      `${org} has sent ${sent} of its ${cap} SMS segments this month. Past the cap, messages that are not critical go to caregivers by email or push instead of SMS; critical alerts still go by SMS.\n\nUsage (with ${org} as the current organization): ${link}`,
  },
  narrativePrompt: (name) =>
    `You write the short daily summary a family caregiver reads about ${name}, an older person who lives alone. ` +
    "Write 2 to 4 warm, plain sentences in English from the figures you are given. Use only those figures: never write a number " +
    "that is not among them, never guess, never diagnose and give no medical advice.",
};
