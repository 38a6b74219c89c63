import { z } from "zod";

const instant = z.string().nullable();

export const jobReport = z.object({
  id: z.string(),
  cron: z.string().nullable().meta({ description: "the schedule (UTC) of a scheduled job" }),
  event: z.string().nullable().meta({ description: "the event that starts an event job" }),
  late_after_seconds: z
    .number()
    .nullable()
    .meta({ description: "twice the longest gap between runs plus 3 minutes (300 for a minute job); null for event jobs" }),
  late: z.boolean(),
  last_started_at: instant,
  last_success_at: instant,
  last_failure_at: instant,
  last_error: z.object({ class: z.string(), message: z.string() }).nullable().meta({ description: "no PHI: a class and a message Elda wrote" }),
  consecutive_failures: z.number().int(),
  last_engine: z.string().nullable(),
});

export const providerReport = z.object({
  id: z.enum(["twilio_sms", "twilio_voice", "smtp", "fcm", "web_push", "model"]),
  state: z.enum(["configured", "simulated", "failing"]).meta({
    description:
      "simulated: no credentials (recorded, nothing sent); failing: sends to at least 2 recipients failed in the last 15 minutes with no success since; configured otherwise",
  }),
  failures_since_success: z.number().int().meta({ description: "failed sends in the last 15 minutes after the provider's last success" }),
  last_failure_at: instant.meta({ description: "within the last 15 minutes" }),
  last_success_at: instant.meta({ description: "within the last 15 minutes" }),
});
export type ProviderReport = z.infer<typeof providerReport>;

export const systemStatusOutput = z
  .object({
    status: z.enum(["ok", "failing"]),
    checked_at: z.string(),
    problems: z.array(z.string()).optional().meta({ description: "why it is failing, one sentence each" }),
    warnings: z
      .array(z.string())
      .optional()
      .meta({ description: "worth a look, not failing: the model falling back to the offline analyzer, a deployment with no caregiver channel" }),
    database: z.enum(["ok", "unreachable"]).optional(),
    jobs: z
      .object({
        engine: z.enum(["inngest", "embedded", "off"]),
        deployment: z.boolean(),
        booted_at: z.string().meta({ description: "when this deployment (or process) first started the job engine" }),
        grace_until: z.string().meta({ description: "no job counts as late before this" }),
        items: z.array(jobReport),
      })
      .nullable()
      .optional(),
    providers: z.array(providerReport).nullable().optional().meta({ description: "the notification providers and the model" }),
  })
  .meta({
    description:
      "200 when jobs can run, none is late and no delivery provider is failing, 503 otherwise (same body). With METRICS_TOKEN set, only `status` and `checked_at` unless X-Metrics-Token is sent.",
  });
export type SystemStatus = z.infer<typeof systemStatusOutput>;

export const livenessOutput = z.object({ status: z.literal("ok") });
export const readinessOutput = z
  .object({ ready: z.boolean(), database: z.enum(["ok", "unreachable"]), migrations: z.string() })
  .meta({ description: "200 when the database answers and every migration is applied, 503 otherwise (same body)." });
