import "server-only";
import { deliverDueReminders } from "@/lib/reminders/deliver-reminders";
import { generateReminderInstances } from "@/lib/reminders/generate-reminders";
import { evaluatePatientInactivity, findSilentPatientsIsolated } from "@/lib/inactivity/sweep-inactivity";
import { findCaregiversDueForSummaryIsolated, sendDailySummariesIsolated } from "@/lib/summaries/deliver-daily-summaries";
import { generateWeeklyInsights, patientsActiveSince } from "@/lib/insights/weekly-insights";
import { escalateAlerts } from "@/lib/alerts/escalate-alerts";
import { dispatchPending, sendDigests } from "@/lib/notifications/dispatch";
import { sendPendingPushes } from "@/lib/notifications/push-to-patient";
import { summarizeEndedConversations } from "@/lib/conversations/summarize-conversations";
import { expireUnansweredQuestions } from "@/lib/companion/expire-ask-back";
import { applyRetention } from "@/lib/retention/apply-retention";
import { sealAuditEvents } from "@/lib/audit/seal-audit-events";
import { ConfigError, parseJobSchedules } from "@/lib/config";
import { defineJob, type Job } from "./job";

/**
 * Every background job of Elda (docs/decisions/010-jobs-on-inngest-with-an-embedded-runner.md). The sweeps
 * isolate failing rows (lib/jobs/isolate-failures.ts): one bad row is quarantined, never the whole run. Event
 * jobs name events of the catalog (lib/jobs/events.ts) and get their payload parsed; `now` is the moment the
 * run stands for (docs/decisions/022-event-catalog-and-layering-rules.md).
 */
export const jobs: Job[] = [
  defineJob({
    id: "reminders-generate",
    trigger: { cron: "*/15 * * * *" },
    retries: 3,
    handler: ({ now, step }) => step.run("generate", () => generateReminderInstances(now)),
  }),
  defineJob({
    id: "reminders-deliver",
    trigger: { cron: "* * * * *" },
    retries: 3,
    handler: ({ now, step }) => step.run("deliver", () => deliverDueReminders(now)),
  }),
  defineJob({
    id: "inactivity-sweep",
    trigger: { cron: "*/5 * * * *" },
    retries: 3,
    handler: async ({ now, step }) => {
      const silent = await step.run("find-silent-patients", async () =>
        (await findSilentPatientsIsolated(now)).map((p) => ({ patient_id: p.patient_id, organization_id: p.organization_id })),
      );
      const bucket = now.toISOString().slice(0, 16);
      await step.sendEvent(
        "fan-out",
        silent.map((p) => ({ name: "inactivity/patient.check", id: `inactivity-${p.patient_id}-${bucket}`, ts: now.getTime(), data: p })),
      );
      return { silent: silent.length };
    },
  }),
  defineJob({
    id: "inactivity-evaluate",
    trigger: { event: "inactivity/patient.check" },
    concurrency: { key: "organization_id", limit: 5 },
    retries: 5,
    handler: ({ now, step, event }) => step.run("evaluate", () => evaluatePatientInactivity(event.data.patient_id, now)),
  }),
  defineJob({
    id: "daily-summaries",
    trigger: { cron: "*/15 * * * *" },
    retries: 3,
    handler: async ({ now, step }) => {
      const due = await step.run("find-caregivers-due", () => findCaregiversDueForSummaryIsolated(now));
      await step.sendEvent(
        "fan-out",
        due.map((c) => ({
          name: "summaries/caregiver.due",
          id: `summary-${c.caregiver_id}-${c.local_date}`,
          ts: now.getTime(),
          data: { caregiver_id: c.caregiver_id },
        })),
      );
      return { caregivers: due.length };
    },
  }),
  defineJob({
    id: "daily-summaries-send",
    trigger: { event: "summaries/caregiver.due" },
    retries: 5,
    handler: ({ now, step, event }) => step.run("send", () => sendDailySummariesIsolated(event.data.caregiver_id, now)),
  }),
  defineJob({
    id: "weekly-insights",
    trigger: { cron: "0 6 * * 1" },
    retries: 3,
    handler: async ({ now, step }) => {
      const patients = await step.run("find-patients", () => patientsActiveSince(new Date(now.getTime() - 7 * 86_400_000)));
      const week = now.toISOString().slice(0, 10);
      await step.sendEvent(
        "fan-out",
        patients.map((p) => ({ name: "insights/patient.weekly", id: `insights-${p.patient_id}-${week}`, ts: now.getTime(), data: p })),
      );
      return { patients: patients.length };
    },
  }),
  defineJob({
    id: "weekly-insights-patient",
    trigger: { event: "insights/patient.weekly" },
    concurrency: { key: "organization_id", limit: 3 },
    retries: 3,
    handler: ({ now, step, event }) => step.run("generate", () => generateWeeklyInsights(event.data.patient_id, now)),
  }),
  defineJob({
    id: "alerts-escalate",
    trigger: { cron: "* * * * *" },
    retries: 3,
    handler: ({ now, step }) => step.run("escalate", () => escalateAlerts(now)),
  }),
  // a new or worse alert is told at once, not at the next minute's sweep
  defineJob({
    id: "alerts-notify-raised",
    trigger: { event: "alert/raised" },
    retries: 5,
    handler: ({ now, step }) => step.run("escalate", () => escalateAlerts(now)),
  }),
  defineJob({
    id: "alerts-notify-severity-raised",
    trigger: { event: "alert/severity-raised" },
    retries: 5,
    handler: ({ now, step }) => step.run("escalate", () => escalateAlerts(now)),
  }),
  defineJob({
    id: "notifications-dispatch",
    trigger: { cron: "* * * * *" },
    retries: 3,
    // every minute: what is due (new, a retry after its backoff, or a claim whose sender died), on every channel
    handler: async ({ now, step }) => ({
      sent: await step.run("dispatch", () => dispatchPending(now)),
      pushes: await step.run("patient-pushes", () => sendPendingPushes(now)),
      digests: await step.run("digests", () => sendDigests(now)),
    }),
  }),
  // a safety question nobody answered within its window is raised as high (decision 018)
  defineJob({
    id: "companion-unanswered-questions",
    trigger: { cron: "* * * * *" },
    retries: 3,
    handler: ({ now, step }) => step.run("expire", () => expireUnansweredQuestions(now)),
  }),
  defineJob({
    id: "conversation-summaries",
    trigger: { cron: "*/10 * * * *" },
    retries: 3,
    handler: ({ now, step }) => step.run("summarize", () => summarizeEndedConversations(now)),
  }),
  defineJob({
    id: "data-retention",
    trigger: { cron: "30 3 * * *" },
    retries: 3,
    handler: ({ now, step }) => step.run("delete-expired", () => applyRetention(now)),
  }),
  // audit rows join their organization's hash chain within a minute of being written (decision 023)
  defineJob({
    id: "audit-seal",
    trigger: { cron: "* * * * *" },
    retries: 3,
    handler: ({ now, step }) => step.run("seal", () => sealAuditEvents(now)),
  }),
];

/**
 * The jobs on the schedules this process runs them: JOB_SCHEDULES may move a cron job to another schedule
 * (operations; the browser tests run the inactivity sweep every minute rather than wait up to five).
 */
export function scheduledJobs(source: string | undefined = process.env.JOB_SCHEDULES): Job[] {
  const schedules = parseJobSchedules(source);
  for (const id of Object.keys(schedules)) {
    const job = jobs.find((j) => j.id === id);
    if (!job || !("cron" in job.trigger))
      throw new ConfigError(
        `JOB_SCHEDULES: "${id}" is not a scheduled job (${jobs
          .filter((j) => "cron" in j.trigger)
          .map((j) => j.id)
          .join(", ")})`,
      );
  }
  return jobs.map((job) => (schedules[job.id] ? { ...job, trigger: { cron: schedules[job.id] } } : job));
}
