import "server-only";
import { createECDH, randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { Cron } from "croner";
import { z } from "zod";

/**
 * The environment, parsed once with zod. Local mode (no DATABASE_URL, the embedded database, or any
 * non-production run) generates missing secrets on first use and keeps them in .data/secrets.json; a
 * deployment (DATABASE_URL set, NODE_ENV=production, not the embedded database) refuses to start without
 * them and names each missing one.
 */
const envSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  DATABASE_URL: z.string().url().optional(),
  ELDA_EMBEDDED_DB: z.enum(["0", "1"]).optional(),
  DATABASE_POOL_MAX: z.coerce.number().int().min(1).max(100).optional(),
  AUTH_SECRET: z.string().min(32).optional(),
  APP_URL: z.string().url().optional(),
  CORS_ORIGINS: z.string().optional(),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).optional(),
  MAX_JSON_BODY_BYTES: z.coerce.number().int().min(1024).optional(),
  ELDA_DATA_DIR: z.string().optional(),
  METRICS_TOKEN: z.string().min(16).optional(),
  /** error tracking (lib/observability/sentry.ts): off unless set */
  SENTRY_DSN: z.string().url().optional(),
  SENTRY_ENVIRONMENT: z.string().min(1).max(64).optional(),
  /** traces over OTLP/HTTP (lib/observability/tracing.ts): off unless set, e.g. http://collector:4318 */
  OTEL_EXPORTER_OTLP_ENDPOINT: z.string().url().optional(),
  OTEL_SERVICE_NAME: z.string().min(1).max(100).optional(),
  /** a database query slower than this many milliseconds is logged (lib/observability/query-timing.ts) */
  SLOW_QUERY_MS: z.coerce.number().int().min(0).optional(),
  /** how many proxies of ours stand in front of the app, each appending to X-Forwarded-For (0: none) */
  TRUSTED_PROXY_HOPS: z.coerce.number().int().min(0).max(10).optional(),
  /** set by Vercel on its own platform */
  VERCEL: z.string().optional(),
  TWILIO_ACCOUNT_SID: z.string().optional(),
  TWILIO_AUTH_TOKEN: z.string().optional(),
  TWILIO_FROM_NUMBER: z.string().optional(),
  /** tests only: send Twilio REST calls to this base URL (a local fake) */
  TWILIO_API_BASE_URL: z.string().url().optional(),
  SMTP_URL: z.string().optional(),
  EMAIL_FROM: z.string().optional(),
  FIREBASE_SERVICE_ACCOUNT: z.string().optional(),
  ANTHROPIC_API_KEY: z.string().optional(),
  /** tests only: an Anthropic Messages API stand-in */
  ANTHROPIC_BASE_URL: z.string().url().optional(),
  /** Web Push (VAPID): the P-256 key pair, base64url (65-byte uncompressed public point, 32-byte private key) */
  VAPID_PUBLIC_KEY: base64url(65, "a 65-byte uncompressed P-256 public key").optional(),
  VAPID_PRIVATE_KEY: base64url(32, "a 32-byte P-256 private key").optional(),
  VAPID_SUBJECT: z
    .string()
    .regex(/^(mailto:\S+@\S+|https:\/\/\S+)$/, "a mailto: address or an https: URL")
    .optional(),
  /** hosts a browser's push endpoint may be on (comma-separated; ".example.com" covers its subdomains) */
  WEB_PUSH_ALLOWED_HOSTS: z.string().optional(),
  /** operations and browser tests: run a job on another schedule, e.g. `inactivity-sweep=* * * * *` (`;` between jobs) */
  JOB_SCHEDULES: z
    .string()
    .optional()
    .refine((v) => {
      try {
        parseJobSchedules(v);
        return true;
      } catch {
        return false;
      }
    }, "must be `job-id=cron` pairs separated by `;`, each cron valid (5 fields, UTC)"),
});

/** JOB_SCHEDULES as job id -> cron; throws on a malformed pair or cron (lib/jobs/jobs.ts applies it). */
export function parseJobSchedules(value: string | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const pair of (value ?? "")
    .split(";")
    .map((p) => p.trim())
    .filter(Boolean)) {
    const m = /^([a-z0-9-]+)\s*=\s*(\S+(?:\s+\S+){4})$/.exec(pair);
    if (!m) throw new ConfigError(`JOB_SCHEDULES: "${pair}" is not job-id=cron (5 fields)`);
    new Cron(m[2], { timezone: "UTC", paused: true });
    out[m[1]] = m[2];
  }
  return out;
}

function base64url(bytes: number, what: string) {
  return z.string().refine((v) => /^[A-Za-z0-9_-]+$/.test(v) && Buffer.from(v, "base64url").length === bytes, `must be ${what}, base64url-encoded`);
}

/** The push services of Chrome/Edge/Opera (FCM), Firefox (Mozilla autopush), Edge on Windows (WNS) and Safari (Apple). */
export const DEFAULT_WEB_PUSH_HOSTS = ["fcm.googleapis.com", "android.googleapis.com", ".push.services.mozilla.com", ".notify.windows.com", ".push.apple.com"];

const SECRET_KEYS = ["AUTH_SECRET"] as const;
type SecretKey = (typeof SECRET_KEYS)[number] | "VAPID_PUBLIC_KEY" | "VAPID_PRIVATE_KEY";

export interface Config {
  nodeEnv: "development" | "production" | "test";
  deployment: boolean;
  databaseUrl: string;
  embeddedDatabase: boolean;
  databasePoolMax: number;
  authSecret: string;
  appUrl: string;
  corsOrigins: string[];
  logLevel: string;
  maxJsonBodyBytes: number;
  /** when set, GET /api/metrics needs it in X-Metrics-Token; a deployment without it serves no metrics */
  metricsToken: string | null;
  /** error tracking: null when SENTRY_DSN is unset (nothing is sent) */
  sentry: { dsn: string; environment: string } | null;
  /** traces: null when OTEL_EXPORTER_OTLP_ENDPOINT is unset (no tracer is registered) */
  tracing: { endpoint: string; serviceName: string } | null;
  /** queries at least this slow are logged (name and duration only) */
  slowQueryMs: number;
  /**
   * Where the client's address comes from (lib/observability/request-context.ts): Vercel's own header on
   * Vercel, else the entry this many hops from the right of X-Forwarded-For (0: no trusted proxy, no address).
   */
  clientAddress: { platform: "vercel" } | { trustedProxyHops: number };
  twilio: { accountSid: string; authToken: string; from: string; apiBaseUrl: string | null } | null;
  smtp: { url: string; from: string } | null;
  firebaseServiceAccount: string | null;
  anthropic: { apiKey: string; baseURL: string | null } | null;
  /** null: caregiver pushes are simulated */
  webPush: { publicKey: string; privateKey: string; subject: string } | null;
  webPushAllowedHosts: string[];
}

export class ConfigError extends Error {}

function localSecrets(dataDir: string, missing: SecretKey[]): Partial<Record<SecretKey, string>> {
  const file = path.join(dataDir, "secrets.json");
  const stored: Partial<Record<SecretKey, string>> = existsSync(file) ? JSON.parse(readFileSync(file, "utf8")) : {};
  let changed = false;
  for (const key of missing) {
    if (stored[key]) continue;
    if (key === "VAPID_PUBLIC_KEY" || key === "VAPID_PRIVATE_KEY") {
      // a pair: both made together
      const ecdh = createECDH("prime256v1");
      ecdh.generateKeys();
      stored.VAPID_PUBLIC_KEY = ecdh.getPublicKey().toString("base64url");
      const priv = ecdh.getPrivateKey();
      stored.VAPID_PRIVATE_KEY = Buffer.concat([Buffer.alloc(32 - priv.length), priv]).toString("base64url");
    } else {
      stored[key] = randomBytes(32).toString("base64url");
    }
    changed = true;
  }
  if (changed) {
    mkdirSync(dataDir, { recursive: true });
    writeFileSync(file, JSON.stringify(stored, null, 2), { mode: 0o600 });
  }
  return stored;
}

export function parseConfig(source: Record<string, string | undefined> = process.env): Config {
  const parsed = envSchema.safeParse(source);
  if (!parsed.success) {
    const fields = parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ");
    throw new ConfigError(`invalid environment: ${fields}`);
  }
  const env = parsed.data;
  const embedded = env.ELDA_EMBEDDED_DB === "1" || !env.DATABASE_URL;
  const deployment = env.NODE_ENV === "production" && !!env.DATABASE_URL && !embedded;
  if (!!env.VAPID_PUBLIC_KEY !== !!env.VAPID_PRIVATE_KEY) {
    throw new ConfigError("invalid environment: VAPID_PUBLIC_KEY and VAPID_PRIVATE_KEY are a pair: set both or neither");
  }
  // Web Push keys are optional (pushes are simulated without them); a local run makes a pair, tests never do
  const generateVapid = !deployment && env.NODE_ENV !== "test" && !env.VAPID_PUBLIC_KEY;
  const missing: SecretKey[] = [...SECRET_KEYS.filter((k) => !env[k]), ...(generateVapid ? (["VAPID_PUBLIC_KEY", "VAPID_PRIVATE_KEY"] as const) : [])];
  let secrets: Partial<Record<SecretKey, string>> = env;
  if (missing.length > 0) {
    if (deployment) {
      throw new ConfigError(
        `missing required secret${missing.length > 1 ? "s" : ""} for a deployment: ${missing.join(", ")} ` +
          `(generate one with: node -e "console.log(require('crypto').randomBytes(32).toString('base64url'))")`,
      );
    }
    secrets = { ...localSecrets(env.ELDA_DATA_DIR ?? path.join(process.cwd(), ".data"), missing), ...stripUndefined(env) };
  }
  // the environment's pair, else the stored one in a local run (a test run never picks one up from .data)
  const vapid = env.VAPID_PUBLIC_KEY ? env : generateVapid ? secrets : {};
  return {
    nodeEnv: env.NODE_ENV,
    deployment,
    databaseUrl: env.DATABASE_URL ?? "postgresql://postgres:postgres@127.0.0.1:5433/postgres?sslmode=disable",
    embeddedDatabase: embedded,
    databasePoolMax: env.DATABASE_POOL_MAX ?? (embedded ? 1 : 10),
    authSecret: secrets.AUTH_SECRET!,
    appUrl: env.APP_URL ?? "http://localhost:3000",
    corsOrigins: (env.CORS_ORIGINS ?? "")
      .split(",")
      .map((s) => s.trim())
      .filter(Boolean),
    logLevel: env.LOG_LEVEL ?? (env.NODE_ENV === "test" ? "silent" : "info"),
    maxJsonBodyBytes: env.MAX_JSON_BODY_BYTES ?? 1024 * 1024,
    metricsToken: env.METRICS_TOKEN ?? null,
    sentry: env.SENTRY_DSN ? { dsn: env.SENTRY_DSN, environment: env.SENTRY_ENVIRONMENT ?? env.NODE_ENV } : null,
    tracing: env.OTEL_EXPORTER_OTLP_ENDPOINT
      ? { endpoint: env.OTEL_EXPORTER_OTLP_ENDPOINT.replace(/\/+$/, ""), serviceName: env.OTEL_SERVICE_NAME ?? "elda" }
      : null,
    slowQueryMs: env.SLOW_QUERY_MS ?? 200,
    clientAddress: env.VERCEL ? { platform: "vercel" } : { trustedProxyHops: env.TRUSTED_PROXY_HOPS ?? 0 },
    twilio:
      env.TWILIO_ACCOUNT_SID && env.TWILIO_AUTH_TOKEN && env.TWILIO_FROM_NUMBER
        ? { accountSid: env.TWILIO_ACCOUNT_SID, authToken: env.TWILIO_AUTH_TOKEN, from: env.TWILIO_FROM_NUMBER, apiBaseUrl: env.TWILIO_API_BASE_URL ?? null }
        : null,
    smtp: env.SMTP_URL ? { url: env.SMTP_URL, from: env.EMAIL_FROM ?? "Elda <alerts@elda.app>" } : null,
    firebaseServiceAccount: env.FIREBASE_SERVICE_ACCOUNT ?? null,
    anthropic: env.ANTHROPIC_API_KEY ? { apiKey: env.ANTHROPIC_API_KEY, baseURL: env.ANTHROPIC_BASE_URL ?? null } : null,
    webPush:
      vapid.VAPID_PUBLIC_KEY && vapid.VAPID_PRIVATE_KEY
        ? { publicKey: vapid.VAPID_PUBLIC_KEY, privateKey: vapid.VAPID_PRIVATE_KEY, subject: env.VAPID_SUBJECT ?? vapidSubjectFrom(env.APP_URL) }
        : null,
    webPushAllowedHosts: env.WEB_PUSH_ALLOWED_HOSTS
      ? env.WEB_PUSH_ALLOWED_HOSTS.split(",")
          .map((h) => h.trim().toLowerCase())
          .filter(Boolean)
      : DEFAULT_WEB_PUSH_HOSTS,
  };
}

/** The contact push services may use about our pushes: the app's https URL, else a local placeholder. */
function vapidSubjectFrom(appUrl: string | undefined) {
  return appUrl?.startsWith("https://") ? new URL(appUrl).origin : "mailto:webpush@localhost";
}

function stripUndefined<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}

let cached: Config | undefined;
export function config(): Config {
  cached ??= parseConfig();
  return cached;
}

/** Tests only: read the environment again (after setting provider credentials for a local fake). */
export function reloadConfig() {
  cached = undefined;
}
