/**
 * Demo household (reference §8, mobile_test_seed): Betty Johnson, who lives alone in Springfield, watched over
 * by her daughter Sarah Miller (primary) and her son Tom Johnson (secondary). Times are relative to now; Betty's
 * wall-clock times are computed in America/Chicago with luxon. Idempotent: does nothing once Sarah exists.
 * Run: npx tsx --conditions=react-server prisma/seed.ts (scripts/local.mjs runs it on every local start).
 */
import { randomInt, randomUUID } from "node:crypto";
import { DateTime } from "luxon";
import { db, type Prisma, type ScheduleType, type Sentiment, type Tx, type Urgency } from "@/lib/db/client";
import { hashPassword } from "@/lib/auth/password";
import { DEVICE_CREDENTIAL_PREFIX } from "@/lib/auth/device-credentials";
import { hashSecret, newSecret } from "@/lib/auth/secrets";
import { clock } from "@/lib/clock";

const TZ = "America/Chicago";
const SARAH = { email: "sarah.miller@example.com", password: "Elda-demo-Sarah-2026!" };
const TOM = { email: "tom.johnson@example.com", password: "Elda-demo-Tom-2026!" };
const MINUTE = 60_000;

const now = clock.now();
const today = DateTime.fromJSDate(now, { zone: TZ }).startOf("day");

/** Betty's wall-clock "HH:MM" on the day `offset` days from today, as an instant */
function local(offset: number, hhmm: string): Date {
  const [hour, minute] = hhmm.split(":").map(Number);
  return today.plus({ days: offset }).set({ hour, minute }).toJSDate();
}
/** Betty's calendar day `offset` days from today, for `date` columns */
const calendarDay = (offset: number) => new Date(`${today.plus({ days: offset }).toISODate()}T00:00:00Z`);
const addMinutes = (d: Date, m: number) => new Date(d.getTime() + m * MINUTE);
const latest = (dates: Date[]) => new Date(Math.max(...dates.map((d) => d.getTime())));
const localDayOffset = (d: Date) => Math.round(DateTime.fromJSDate(d, { zone: TZ }).startOf("day").diff(today, "days").days);
const since = local(-30, "09:00");

const PREFERENCES = {
  notifications: { email: true, sms: true, push: false },
  alert_threshold: "medium",
  quiet_hours: { enabled: true, start: "22:00", end: "07:00" },
  daily_summary_time: "20:00",
};

const PERSONAL_CONTEXT = {
  family: {
    children: ["Sarah (daughter, lives nearby)", "Tom (son, lives in New York)"],
    grandchildren: ["Emma", "Jake", "Lily"],
    late_spouse: "Robert, married 52 years, passed away in 2018",
  },
  hobbies: ["gardening", "crossword puzzles", "baking"],
  favorite_foods: ["apple pie", "chicken noodle soup", "tomatoes from her garden"],
  important_dates: { birthday: "May 15", anniversary: "June 20" },
  personality: "Warm and chatty with a dry sense of humor; proud of staying independent",
  communication_preferences: "Speak slowly and clearly; she loves talking about her garden and grandchildren",
};

interface ScheduleSeed {
  type: ScheduleType;
  title: string;
  times: string[];
  alertOnMiss: boolean;
  isCritical?: boolean;
  medicationName?: string;
  dosage?: string;
  instructions?: string;
  advanceNoticeMinutes?: number;
}
const meal = (title: string, time: string): ScheduleSeed => ({ type: "meal", title, times: [time], alertOnMiss: false, advanceNoticeMinutes: 15 });
const SCHEDULES: ScheduleSeed[] = [
  {
    type: "medication",
    title: "Metformin 500mg",
    medicationName: "Metformin",
    dosage: "500mg",
    times: ["08:00", "18:00"],
    instructions: "Take with breakfast / dinner",
    alertOnMiss: true,
  },
  {
    type: "medication",
    title: "Lisinopril 10mg",
    medicationName: "Lisinopril",
    dosage: "10mg",
    times: ["08:30"],
    instructions: "Take in the morning with water",
    alertOnMiss: true,
    isCritical: true,
  },
  {
    type: "medication",
    title: "Aspirin 81mg",
    medicationName: "Aspirin",
    dosage: "81mg",
    times: ["20:00"],
    instructions: "Take with a glass of water",
    alertOnMiss: true,
  },
  meal("Breakfast", "07:30"),
  meal("Lunch", "12:30"),
  meal("Dinner", "17:30"),
  { type: "hydration", title: "Glass of water", times: ["10:00", "15:00"], alertOnMiss: false },
];
/** "<day offset> <title> <time>" of the occurrences Betty missed; the medication one raised alert (1) */
const MISSED_MEDICATION = "-2 Metformin 500mg 18:00";
const MISSED = new Set(["-3 Lunch 12:30", MISSED_MEDICATION, "-1 Glass of water 10:00", "-1 Lunch 12:30"]);

interface ConversationSeed {
  offset: number;
  at: string;
  type: "spontaneous" | "check_in";
  said: string;
  reply: string;
  sentiment: Sentiment;
  urgency: Urgency;
  intent: string;
  topics: string[];
  health: string[];
  note: string;
}
const CONVERSATIONS: ConversationSeed[] = [
  {
    offset: -5,
    at: "08:40",
    type: "spontaneous",
    sentiment: "positive",
    urgency: "none",
    intent: "medication_taken",
    topics: ["medication", "breakfast"],
    health: [],
    said: "Good morning! I took my morning pills with my oatmeal, just like you reminded me.",
    reply: "Good morning, Betty! Well done. Do you have anything nice planned for today?",
    note: "Took her morning medication.",
  },
  {
    offset: -4,
    at: "15:30",
    type: "spontaneous",
    sentiment: "positive",
    urgency: "none",
    intent: "share_news",
    topics: ["family", "visit"],
    health: [],
    said: "Sarah called. She's coming to visit on Sunday and bringing the kids!",
    reply: "How lovely! Maybe you could bake something together when they come.",
    note: "Looking forward to Sarah's visit on Sunday.",
  },
  {
    offset: -3,
    at: "10:15",
    type: "spontaneous",
    sentiment: "positive",
    urgency: "none",
    intent: "chit_chat",
    topics: ["crossword", "humor"],
    health: [],
    said: "Seven letters for a forgetful old lady? I wrote Grandma in today's crossword. It fit!",
    reply: "Ha! Forgetful or not, you finished it before lunch. That's impressive.",
    note: "In good spirits, joking about her crossword.",
  },
  {
    offset: -2,
    at: "18:50",
    type: "spontaneous",
    sentiment: "concerned",
    urgency: "medium",
    intent: "medication_missed",
    topics: ["medication", "garden"],
    health: ["missed medication"],
    said: "Oh dear, I forgot my afternoon pills. I was out in the garden and lost track of time.",
    reply: "That happens, Betty. You can take your Metformin now with dinner. I'll let Sarah know so she isn't worried.",
    note: "Forgot her Metformin while gardening.",
  },
  {
    offset: -1,
    at: "16:10",
    type: "check_in",
    sentiment: "concerned",
    urgency: "low",
    intent: "symptom_report",
    topics: ["health", "mobility"],
    health: ["knee pain"],
    said: "My knee has been aching since this morning. It's hard to get up from my chair.",
    reply: "I'm sorry your knee hurts. Take your time getting up and rest it for a while. I'll let Sarah know.",
    note: "Mentions knee pain when getting up; worth a call.",
  },
];

type ReminderRow = Prisma.ReminderCreateManyInput & { id: string; dueAt: Date; offset: number; key: string };

/** The reminder instances of the last 3 days and of today, with believable outcomes. */
function reminderRows(patientId: string, schedules: { id: string; seed: ScheduleSeed }[]): ReminderRow[] {
  const rows: ReminderRow[] = [];
  for (let offset = -3; offset <= 0; offset++) {
    for (const { id: scheduleId, seed } of schedules) {
      for (const time of seed.times) {
        const dueAt = local(offset, time);
        const firstPush = addMinutes(dueAt, -(seed.advanceNoticeMinutes ?? 0));
        const key = `${offset} ${seed.title} ${time}`;
        const base = {
          id: randomUUID(),
          offset,
          key,
          patientId,
          scheduleId,
          type: seed.type,
          title: seed.title,
          occurrenceAt: dueAt,
          dueAt,
          createdAt: addMinutes(dueAt, -60),
        };
        if (dueAt > now) rows.push({ ...base, status: "pending", nextActionAt: firstPush });
        else if (MISSED.has(key))
          rows.push({ ...base, status: "missed", missedAt: addMinutes(dueAt, 30), deliveryCount: 3, lastDeliveredAt: addMinutes(dueAt, 20) });
        else {
          const completedAt = new Date(Math.min(addMinutes(dueAt, 2 + ((rows.length * 7) % 11)).getTime(), now.getTime()));
          rows.push({ ...base, status: "completed", completedAt, completedVia: "patient_app", deliveryCount: 1, lastDeliveredAt: firstPush });
        }
      }
    }
  }
  // today's most recent past occurrence is still waiting for Betty
  const waiting = rows.filter((r) => r.offset === 0 && r.dueAt <= now).sort((a, b) => +b.dueAt - +a.dueAt)[0];
  if (waiting) {
    const advance = schedules.find((s) => s.id === waiting.scheduleId)?.seed.advanceNoticeMinutes ?? 0;
    const steps = [-advance, 10, 20, 30].map((m) => addMinutes(waiting.dueAt, m)); // pushes, then "missed"
    const pushed = steps.slice(0, 3).filter((t) => t <= now);
    Object.assign(waiting, {
      status: "pending",
      completedAt: null,
      completedVia: null,
      deliveryCount: pushed.length,
      lastDeliveredAt: pushed.at(-1) ?? null,
      nextActionAt: steps.find((t) => t > now) ?? now,
    });
  }
  return rows;
}

interface AlertSeed {
  type: Prisma.AlertCreateInput["type"];
  severity: Prisma.AlertCreateInput["severity"];
  title: string;
  description: string;
  recommendedAction: string;
  source: string;
  dedupKey: string;
  evidence: Prisma.InputJsonObject[];
  raisedAt: Date;
  acknowledgedAt?: Date;
  resolved?: { at: Date; note: string };
}

/** An alert as the alert domain function leaves it, plus Sarah's acknowledgement and resolution, with its timeline. */
async function createAlert(tx: Tx, patientId: string, sarahId: string, a: AlertSeed): Promise<string> {
  const status = a.resolved ? "resolved" : a.acknowledgedAt ? "acknowledged" : "open";
  const alert = await tx.alert.create({
    data: {
      patientId,
      type: a.type,
      severity: a.severity,
      status,
      title: a.title,
      description: a.description,
      recommendedAction: a.recommendedAction,
      source: a.source,
      dedupKey: a.dedupKey,
      evidence: a.evidence,
      openKey: a.resolved ? null : `${patientId}:${a.type}:${a.dedupKey}`,
      firstOccurredAt: a.raisedAt,
      lastOccurredAt: a.raisedAt,
      ackCode: String(randomInt(1000, 10000)),
      acknowledgedAt: a.acknowledgedAt ?? null,
      acknowledgedById: a.acknowledgedAt ? sarahId : null,
      acknowledgedVia: a.acknowledgedAt ? "dashboard" : null,
      resolvedAt: a.resolved?.at ?? null,
      resolvedById: a.resolved ? sarahId : null,
      resolutionNote: a.resolved?.note ?? null,
      escalationState: a.acknowledgedAt ? "acknowledged" : "none",
      createdAt: a.raisedAt,
      updatedAt: a.resolved?.at ?? a.acknowledgedAt ?? a.raisedAt,
    },
  });
  const events: Prisma.AlertEventCreateManyInput[] = [
    { alertId: alert.id, kind: "raised", actorType: "system", data: { severity: a.severity, source: a.source }, createdAt: a.raisedAt },
  ];
  if (a.acknowledgedAt)
    events.push({ alertId: alert.id, kind: "acknowledged", actorType: "caregiver", actorId: sarahId, data: { via: "dashboard" }, createdAt: a.acknowledgedAt });
  if (a.resolved)
    events.push({ alertId: alert.id, kind: "resolved", actorType: "caregiver", actorId: sarahId, note: a.resolved.note, createdAt: a.resolved.at });
  await tx.alertEvent.createMany({ data: events });
  return alert.id;
}

async function seed(tx: Tx, sarahHash: string, tomHash: string) {
  const org = await tx.organization.create({
    data: { name: "Johnson family", settings: {}, createdAt: since },
    include: { facilities: true },
  });
  const person = { passwordChangedAt: since, createdAt: since };
  const sarah = await tx.caregiver.create({
    data: {
      ...person,
      email: SARAH.email,
      passwordHash: sarahHash,
      firstName: "Sarah",
      lastName: "Miller",
      phoneNumber: "+15555550124",
      timezone: "America/Chicago",
      preferences: PREFERENCES,
    },
  });
  const tom = await tx.caregiver.create({
    data: {
      ...person,
      email: TOM.email,
      passwordHash: tomHash,
      firstName: "Tom",
      lastName: "Johnson",
      phoneNumber: "+15555550125",
      timezone: "America/New_York",
      preferences: PREFERENCES,
    },
  });
  await tx.membership.createMany({
    data: [
      { organizationId: org.id, caregiverId: sarah.id, role: "owner", createdAt: since },
      { organizationId: org.id, caregiverId: tom.id, role: "member", createdAt: since },
    ],
  });

  // signs of life: heartbeats 08:00 / 14:00 / 20:00 for a week (battery drains by day, charges overnight)
  const heartbeats = [-6, -5, -4, -3, -2, -1, 0]
    .flatMap((offset) => ["08:00", "14:00", "20:00"].map((time, slot) => ({ at: local(offset, time), battery: [90, 70, 46][slot] + ((offset + 6) % 3) * 2 })))
    .filter((h) => h.at <= now);
  const lastHeartbeat = heartbeats.at(-1)?.at ?? null;

  const patient = await tx.patient.create({
    data: {
      organizationId: org.id,
      facilityId: org.facilities[0].id,
      firstName: "Betty",
      lastName: "Johnson",
      preferredName: "Grandma Betty",
      dateOfBirth: new Date("1945-05-15T00:00:00Z"),
      gender: "female",
      phoneNumber: "+15555550123",
      address: "123 Maple Street, Springfield, IL",
      emergencyContactName: "Sarah Miller (Daughter)",
      emergencyContactPhone: "+15555550124",
      medicalConditions: ["Type 2 Diabetes", "Hypertension", "Mild Arthritis"],
      medications: ["Metformin 500mg - twice daily", "Lisinopril 10mg - once daily", "Aspirin 81mg - once daily"],
      allergies: ["Penicillin"],
      dietaryRestrictions: ["Low sodium", "Diabetic-friendly"],
      personalContext: PERSONAL_CONTEXT,
      timezone: TZ,
      preferredVoice: "female",
      communicationStyle: "friendly",
      language: "en",
      appVersion: "1.0.0",
      lastHeartbeatAt: lastHeartbeat,
      createdAt: since,
    },
  });
  const patientId = patient.id;
  await tx.careTeamMember.createMany({
    data: [
      { patientId, caregiverId: sarah.id, standing: "primary", contactOrder: 1, createdAt: since },
      { patientId, caregiverId: tom.id, standing: "secondary", contactOrder: 2, createdAt: since },
    ],
  });
  const device = await tx.patientDevice.create({
    data: {
      patientId,
      credentialHash: hashSecret(newSecret(DEVICE_CREDENTIAL_PREFIX)),
      platform: "ios",
      appVersion: "1.0.0",
      batteryLevel: 80,
      pairedAt: addMinutes(since, 20),
      lastSeenAt: lastHeartbeat,
    },
  });

  const schedules = [];
  for (const s of SCHEDULES) {
    const { times, ...fields } = s;
    const row = await tx.schedule.create({
      data: {
        ...fields,
        patientId,
        recurrence: "daily",
        timesOfDay: times,
        startDate: calendarDay(-30),
        isActive: true,
        createdById: sarah.id,
        createdAt: since,
      },
    });
    schedules.push({ id: row.id, seed: s });
  }
  const reminders = reminderRows(patientId, schedules);
  await tx.reminder.createMany({ data: reminders.map(({ offset: _offset, key: _key, ...r }) => r) });

  const conversations = CONVERSATIONS.map((c) => ({ ...c, id: randomUUID(), startedAt: local(c.offset, c.at) }));
  await tx.conversation.createMany({
    data: conversations.map((c) => ({
      id: c.id,
      patientId,
      deviceId: device.id,
      conversationType: c.type,
      startedAt: c.startedAt,
      lastTurnAt: c.startedAt,
      turnCount: 1,
      sentiment: c.sentiment,
      urgencyLevel: c.urgency,
      topics: c.topics,
      healthMentions: c.health,
      summary: c.note,
    })),
  });
  await tx.conversationTurn.createMany({
    data: conversations.map((c) => ({
      conversationId: c.id,
      patientId,
      sequence: 1,
      patientMessage: c.said,
      aiResponse: c.reply,
      sentiment: c.sentiment,
      urgencyLevel: c.urgency,
      intent: c.intent,
      healthMentions: c.health,
      topics: c.topics,
      provider: "seed",
      responseTimeMs: 1200 + c.said.length * 5,
      createdAt: c.startedAt,
      analysis: { intent: c.intent, sentiment: c.sentiment, urgency: c.urgency, note_for_caregivers: c.note },
    })),
  });

  const completions = reminders.filter((r) => r.status === "completed");
  const activity: Prisma.ActivityLogCreateManyInput[] = [
    ...heartbeats.map((h) => ({ activityType: "heartbeat" as const, occurredAt: h.at, batteryLevel: h.battery, details: { app_state: "background" } })),
    ...conversations.map((c) => ({ activityType: "app_open" as const, occurredAt: addMinutes(c.startedAt, -1), details: { app_state: "active" } })),
    ...conversations.map((c) => ({ activityType: "conversation" as const, occurredAt: c.startedAt, details: { conversation_id: c.id } })),
    ...completions.map((r) => ({
      activityType: "reminder_response" as const,
      occurredAt: r.completedAt as Date,
      details: { reminder_id: r.id, response: "completed" },
    })),
  ].map((a) => ({ ...a, patientId, deviceId: device.id, deviceType: "ios", appVersion: "1.0.0" }));
  await tx.activityLog.createMany({ data: activity });
  // background pings prove only that the phone is on (SPEC §5): the person's last activity comes from the rest
  const signsOfLife = activity.filter((a) => a.activityType !== "heartbeat").map((a) => a.occurredAt as Date);
  await tx.patient.update({ where: { id: patientId }, data: { lastActiveAt: signsOfLife.length ? latest(signsOfLife) : null } });

  // (1) the evening Metformin missed two days ago: Sarah phoned and closed it
  const missedDose = reminders.find((r) => r.key === MISSED_MEDICATION)!;
  const missedAt = addMinutes(missedDose.dueAt, 30);
  const missedAlert = await createAlert(tx, patientId, sarah.id, {
    type: "missed_medication",
    severity: "medium",
    source: "reminder_missed",
    dedupKey: missedDose.id,
    title: "Missed medication: Metformin 500mg",
    description: "Betty did not confirm her 6:00 pm Metformin within 30 minutes.",
    recommendedAction: "Give Betty a call to check whether she took her evening Metformin.",
    evidence: [{ kind: "missed_reminder", at: missedAt.toISOString(), reminder_id: missedDose.id, title: missedDose.title }],
    raisedAt: missedAt,
    acknowledgedAt: addMinutes(missedAt, 11),
    resolved: { at: addMinutes(missedAt, 50), note: "Called Mom, she took it late" },
  });
  await tx.reminder.update({ where: { id: missedDose.id }, data: { alertId: missedAlert, notes: "Taken late (confirmed by phone)" } });

  // (2) yesterday's quiet late morning: 4 hours without a sign of life inside waking hours
  const lastMorningActivity = latest(signsOfLife.filter((t) => t >= local(-1, "08:00") && t < local(-1, "12:00")));
  const quietRaised = addMinutes(lastMorningActivity, 4 * 60 + 5);
  await createAlert(tx, patientId, sarah.id, {
    type: "inactivity",
    severity: "medium",
    source: "inactivity:4h",
    dedupKey: `episode:${lastMorningActivity.toISOString()}`,
    title: "No activity from Betty for 4 hours",
    description: "Betty's phone has shown no sign of life for 4 hours during her waking hours.",
    recommendedAction: "Call Betty or ask a neighbor to check on her.",
    evidence: [{ kind: "rule", at: quietRaised.toISOString(), rule: "inactivity", threshold_hours: 4, last_activity_at: lastMorningActivity.toISOString() }],
    raisedAt: quietRaised,
    acknowledgedAt: addMinutes(quietRaised, 12),
  });

  // (3) the knee pain Betty mentioned yesterday afternoon
  const knee = conversations.find((c) => c.health.includes("knee pain"))!;
  const kneeRaised = addMinutes(knee.startedAt, 1);
  await createAlert(tx, patientId, sarah.id, {
    type: "health_concern",
    severity: "medium",
    source: "conversation",
    dedupKey: "knee pain",
    title: "Knee pain mentioned",
    description: "Betty told the companion her knee has been aching and it is hard to get up from her chair.",
    recommendedAction: "Check in with Betty about her knee; consider a call to her doctor if it does not improve.",
    evidence: [{ kind: "conversation", at: knee.startedAt.toISOString(), conversation_id: knee.id, excerpt: knee.said }],
    raisedAt: kneeRaised,
  });

  await tx.caregiverNote.createMany({
    data: [
      {
        patientId,
        authorId: sarah.id,
        category: "preferences",
        priority: "important",
        title: "Loves talking about her garden",
        createdAt: local(-20, "19:00"),
        content: "Mom grows tomatoes and roses and is very proud of them. Ask how the tomatoes are coming along; it always cheers her up.",
      },
      {
        patientId,
        authorId: sarah.id,
        category: "safety",
        priority: "important",
        title: "Knee surgery in 2019; avoid suggesting long walks",
        createdAt: local(-20, "19:05"),
        content: "She had knee surgery in 2019. Suggest gentle stretches or a short walk in the garden instead of long walks.",
      },
    ],
  });
  await tx.consent.create({
    data: {
      patientId,
      kind: "data_processing",
      granted: true,
      givenBy: "patient",
      recordedById: sarah.id,
      recordedAt: since,
      note: "Agreed with Mom when setting up the app.",
    },
  });

  // yesterday's summary, counted from the reminders seeded above
  const yesterday = reminders.filter((r) => r.offset === -1);
  const done = (rs: ReminderRow[]) => rs.filter((r) => r.status === "completed").length;
  const rate = (rs: ReminderRow[]) => (rs.length ? done(rs) / rs.length : null);
  const ofType = (t: ScheduleType) => yesterday.filter((r) => r.type === t);
  const missedTitles = yesterday.filter((r) => r.status === "missed").map((r) => r.title);
  const meds = ofType("medication");
  const yesterdayTalks = conversations.filter((c) => c.offset === -1);
  await tx.dailySummary.create({
    data: {
      patientId,
      summaryDate: calendarDay(-1),
      totalReminders: yesterday.length,
      completedReminders: done(yesterday),
      missedReminders: missedTitles.length,
      adherenceOverall: rate(yesterday),
      adherenceMedication: rate(meds),
      adherenceMeal: rate(ofType("meal")),
      conversationCount: yesterdayTalks.length,
      overallSentiment: yesterdayTalks.at(-1)?.sentiment ?? null,
      alertCount: [missedAt, quietRaised, kneeRaised].filter((t) => localDayOffset(t) === -1).length,
      activeHours: [...new Set(signsOfLife.filter((t) => localDayOffset(t) === -1).map((t) => DateTime.fromJSDate(t, { zone: TZ }).hour))].sort(
        (a, b) => a - b,
      ),
      narrativeSource: "template",
      details: { missed: missedTitles },
      narrative:
        `Betty completed ${done(yesterday)} of ${yesterday.length} reminders yesterday` +
        `${done(meds) === meds.length ? ", including all of her medications" : ""}. She missed: ${missedTitles.join(", ") || "nothing"}. ` +
        "The phone was quiet for a few hours in the late morning, and in the afternoon she mentioned her knee was aching. A quick call today would be welcome.",
      generatedAt: new Date(Math.min(local(0, "00:05").getTime(), now.getTime())),
    },
  });
  const forgot = conversations.find((c) => c.health.includes("missed medication"))!;
  await tx.insight.create({
    data: {
      patientId,
      insightType: "pattern",
      category: "medication",
      title: "Evening Metformin is sometimes missed",
      confidence: 0.7,
      description:
        "Betty reliably takes her morning pills, but her 6:00 pm Metformin was missed this week when she was busy in the garden. A call or reminder around dinner time may help.",
      evidence: [
        { kind: "missed_reminder", at: missedAt.toISOString(), reminder_id: missedDose.id, title: missedDose.title },
        { kind: "conversation", at: forgot.startedAt.toISOString(), conversation_id: forgot.id, excerpt: forgot.said },
      ],
      periodStart: calendarDay(-7),
      periodEnd: calendarDay(-1),
      generatedBy: "seed",
      createdAt: now,
    },
  });
}

async function main() {
  if (await db.caregiver.findUnique({ where: { email: SARAH.email }, select: { id: true } })) {
    console.log("[seed] demo household already present");
    return;
  }
  const [sarahHash, tomHash] = await Promise.all([hashPassword(SARAH.password), hashPassword(TOM.password)]);
  await db.$transaction((tx) => seed(tx, sarahHash, tomHash), { maxWait: 30_000, timeout: 120_000 });
  console.log(`[seed] demo household created: sign in as ${SARAH.email} / ${SARAH.password}`);
}

main()
  .then(() => db.$disconnect())
  .catch(async (e: unknown) => {
    console.error(`[seed] failed: ${e instanceof Error ? e.message : String(e)}`);
    await db.$disconnect().catch(() => undefined);
    process.exit(1);
  });
