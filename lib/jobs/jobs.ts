import "server-only";
import { deliverDueReminders } from "@/lib/reminders/deliver-reminders";
import { generateReminderInstances } from "@/lib/reminders/generate-reminders";
import { evaluatePatientInactivity, findSilentPatients } from "@/lib/inactivity/sweep-inactivity";
import { defineJob, type Job } from "./job";

/** Every background job of Elda (docs/decisions/010-jobs-on-inngest-with-an-embedded-runner.md). */
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
        (await findSilentPatients(now)).map((p) => ({ patient_id: p.patient_id, organization_id: p.organization_id })),
      );
      const bucket = now.toISOString().slice(0, 16);
      await step.sendEvent(
        "fan-out",
        silent.map((p) => ({ name: "inactivity/patient.check", id: `inactivity-${p.patient_id}-${bucket}`, data: p })),
      );
      return { silent: silent.length };
    },
  }),
  defineJob({
    id: "inactivity-evaluate",
    trigger: { event: "inactivity/patient.check" },
    concurrency: { key: "organization_id", limit: 5 },
    retries: 5,
    handler: ({ now, step, event }) => step.run("evaluate", () => evaluatePatientInactivity(String(event?.data.patient_id), now)),
  }),
];
