import { describe, expect, it } from "vitest";
import { z } from "zod";
import { Conflict, RateLimited, ValidationFailed } from "@/lib/api/errors";
import { failedForm, invalidForm } from "@/app/_server/form-errors";
import { fieldErrorMap, initialFormState, readFields } from "@/lib/dashboard/form-state";
import { formatDate, formatDateTime, localTime, plural, timeAgo } from "@/lib/dashboard/format";

describe("form state", () => {
  it("keeps the first message per field and reads trimmed text fields", () => {
    expect(
      fieldErrorMap([
        { field: "email", message: "a" },
        { field: "email", message: "b" },
        { field: "", message: "c" },
      ]),
    ).toEqual({ email: "a", form: "c" });
    const form = new FormData();
    form.set("first_name", "  Betty ");
    form.set("file", new Blob(["x"]));
    expect(readFields(form, ["first_name", "file", "missing"] as const)).toEqual({ first_name: "Betty", file: "", missing: "" });
  });

  it("turns zod errors and domain errors into what the form shows", () => {
    const r = z.object({ email: z.email() }).safeParse({ email: "x" });
    const invalid = invalidForm(initialFormState, r.error!, { email: "x" });
    expect(invalid).toMatchObject({ attempt: 1, fieldErrors: { email: expect.any(String) }, values: { email: "x" } });
    expect(failedForm(invalid, new ValidationFailed([{ field: "password", message: "Too short." }]), {}).fieldErrors).toEqual({ password: "Too short." });
    expect(failedForm(invalid, new Conflict("Taken."), {}, () => "email")).toMatchObject({ fieldErrors: { email: "Taken." }, attempt: 2 });
    expect(failedForm(invalid, new RateLimited(60, "Slow down."), {}).message).toBe("Slow down.");
    const hidden = failedForm(invalid, new Error("relation patients does not exist"), {});
    expect(hidden.message).toMatch(/Something went wrong on our side/);
    expect(hidden.message).not.toContain("relation");
    const refused = Object.assign(new Error("connect ECONNREFUSED 10.0.0.5:5432"), { code: "ECONNREFUSED", syscall: "connect" });
    expect(failedForm(invalid, refused, { email: "x" })).toMatchObject({
      message: "Elda cannot reach its database right now. Please try again in a few seconds.",
      values: { email: "x" },
      attempt: 2,
    });
  });
});

describe("display formats", () => {
  const now = new Date("2026-01-15T14:00:00Z");
  it.each([
    [null, "never"],
    ["2026-01-15T13:59:30Z", "just now"],
    ["2026-01-15T13:55:00Z", "5 minutes ago"],
    ["2026-01-15T11:00:00Z", "3 hours ago"],
    ["2026-01-14T12:00:00Z", "yesterday"],
    ["2026-01-01T12:00:00Z", "on 1 January 2026"],
  ])("timeAgo(%s)", (iso, text) => {
    expect(timeAgo(iso, now)).toBe(text);
  });

  it("formats calendar dates in UTC and instants in the given zone", () => {
    expect(formatDate("1945-05-15")).toBe("15 May 1945");
    expect(localTime(now, "America/Chicago")).toBe("Thursday 8:00 AM");
    expect(formatDateTime("2026-07-15T13:00:00Z", "America/Chicago")).toBe("Jul 15, 2026, 8:00 AM");
    expect(plural(1, "patient")).toBe("1 patient");
    expect(plural(3, "patient")).toBe("3 patients");
  });
});
