import { describe, expect, it } from "vitest";
import type { ErrorEvent } from "@sentry/nextjs";
import { scrubBreadcrumb, scrubEvent } from "./scrub";

// what a careless error report could carry about Betty: none of it may leave
const PHI = ["Betty Example", "+44 7700 900123", "betty@example.com", "chest pain since lunch", "session=abc123", "Bearer eyJsecret", "q=Betty"];

const event = (): ErrorEvent => ({
  type: undefined,
  event_id: "e1",
  level: "error",
  environment: "production",
  transaction: "GET /api/v1/patients/{id}",
  message: "Patient Betty Example called +44 7700 900123",
  exception: {
    values: [
      {
        type: "TypeError",
        value: "Cannot read name of Betty Example (betty@example.com)",
        stacktrace: { frames: [{ filename: "lib/patients/x.ts", function: "load", lineno: 3, vars: { note: "chest pain since lunch" }, context_line: "const note = \"chest pain since lunch\";" }] },
      },
    ],
  },
  request: {
    method: "POST",
    url: "https://elda.example/api/v1/patients?q=Betty",
    data: { note: "chest pain since lunch" },
    cookies: { session: "abc123" },
    headers: { authorization: "Bearer eyJsecret", cookie: "session=abc123" },
    query_string: "q=Betty",
  },
  user: { email: "betty@example.com", username: "Betty Example" },
  extra: { body: "chest pain since lunch" },
  tags: { route: "POST /api/v1/patients", request_id: "req-1", job: "reminder-sweep", attempt: "2", patient_name: "Betty Example", phone: "+44 7700 900123", trace_id: "call +44 7700 900123" },
  contexts: { runtime: { name: "node", version: "v20" }, patient: { name: "Betty Example" }, trace: { trace_id: "0af7651916cd43dd8448eb211c80319c", span_id: "b7ad6b7169203331" } },
  breadcrumbs: [
    { category: "console", message: "Betty Example says chest pain since lunch", level: "log" },
    { type: "http", category: "http", data: { method: "POST", status_code: 201, url: "https://api.twilio.com/send?To=+44 7700 900123", body: "chest pain since lunch" } },
    { category: "query", message: "SELECT * FROM patients WHERE name = 'Betty Example'" },
  ],
});

describe("the Sentry scrubber", () => {
  it("lets no name, phone number, email, free text, body, cookie, credential or query string through", () => {
    const text = JSON.stringify(scrubEvent(event()));
    for (const value of PHI) expect(text).not.toContain(value);
  });

  it("keeps what finds the fault: the error's class and stack, the route, our tags and the trace", () => {
    const out = scrubEvent(event());
    expect(out.exception?.values?.[0]).toMatchObject({ type: "TypeError", value: "[redacted]" });
    expect(out.exception?.values?.[0]?.stacktrace?.frames?.[0]).toEqual({ filename: "lib/patients/x.ts", function: "load", lineno: 3 });
    expect(out.tags).toEqual({ route: "POST /api/v1/patients", request_id: "req-1", job: "reminder-sweep", attempt: "2" });
    expect(out.request).toEqual({ method: "POST", url: "https://elda.example/api/v1/patients" });
    expect(out.transaction).toBe("GET /api/v1/patients/{id}");
    expect(Object.keys(out.contexts ?? {}).sort()).toEqual(["runtime", "trace"]);
    expect(out.user).toBeUndefined();
    expect(out.extra).toBeUndefined();
  });

  it("drops console breadcrumbs and keeps an HTTP call's method, status and address without its query", () => {
    expect(scrubBreadcrumb({ category: "console", message: "Betty Example" })).toBeNull();
    expect(scrubBreadcrumb(event().breadcrumbs![1])).toEqual({
      type: "http",
      category: "http",
      data: { method: "POST", status_code: 201, url: "https://api.twilio.com/send" },
    });
    expect(scrubBreadcrumb(event().breadcrumbs![2])).toEqual({ category: "query" });
  });
});
