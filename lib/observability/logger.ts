import "server-only";
import pino from "pino";
import { config } from "@/lib/config";

/**
 * Structured JSON logs. Log ids, never names, phone numbers, messages or transcripts: the redaction list
 * below is a safety net, not a licence.
 */
export const logger = pino({
  level: config().logLevel,
  base: { service: "elda" },
  redact: {
    paths: [
      ...["password", "email", "phone_number", "transcript", "token", "authorization", "cookie"].flatMap((k) => [k, `*.${k}`, `*.*.${k}`]),
      "req.headers.authorization",
      "req.headers.cookie",
    ],
    censor: "[redacted]",
  },
});
