import "server-only";
import pino from "pino";
import { config } from "@/lib/config";
import { currentTraceId } from "./spans";

/**
 * Structured JSON logs. Log ids, never names, phone numbers, messages or transcripts: the redaction list
 * below is a safety net, not a licence. With tracing on, every line written inside a span carries its
 * `traceId` (the mixin), to go from a log line to its trace and back.
 */
export const logger = pino({
  level: config().logLevel,
  base: { service: "elda" },
  mixin() {
    const traceId = currentTraceId();
    return traceId ? { traceId } : {};
  },
  redact: {
    paths: [
      ...["password", "email", "phone_number", "transcript", "token", "authorization", "cookie"].flatMap((k) => [k, `*.${k}`, `*.*.${k}`]),
      "req.headers.authorization",
      "req.headers.cookie",
    ],
    censor: "[redacted]",
  },
});
