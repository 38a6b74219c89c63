import { describe, expect, it } from "vitest";
import { z } from "zod";
import { Conflict, RateLimited, ValidationFailed } from "@/lib/api/errors";
import { failedForm, invalidForm } from "@/app/_server/form-errors";
import { fieldErrorMap, initialFormState, readFields } from "@/lib/dashboard/form-state";
import { formatDate, formatDateTime, localTime, pauseEnd, plural, timeAgo } from "@/lib/dashboard/format";
import { formParseOptions } from "@/lib/i18n/server-messages";
import { email } from "@/lib/validation/common";

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

describe("form errors in the caregiver's language (decision 029)", () => {
  const schema = z.object({ email, name: z.string().max(3), age: z.number() });
  it("says zod's own messages, the schema's custom ones and the domain's known refusals in Spanish", () => {
    const r = schema.safeParse({ email: "x", name: "Rosa María" }, formParseOptions("es"));
    const state = invalidForm(initialFormState, r.error!, {}, "es");
    expect(state.message).toBe("Algunos campos necesitan su atención.");
    expect(state.fieldErrors.email).toBe("Introduzca un correo electrónico válido.");
    expect(state.fieldErrors.name).toMatch(/^Demasiado grande: se esperaba que texto tuviera <=3 caracteres/);
    expect(state.fieldErrors.age).toBe("Obligatorio.");
    expect(failedForm(state, new Conflict("This alert is already resolved."), {}, undefined, "es").message).toBe("Esta alerta ya está resuelta.");
    expect(failedForm(state, new Error("boom"), {}, undefined, "es").message).toBe("Algo salió mal por nuestra parte. Vuelva a intentarlo en un momento.");
  });
  it("keeps English for an English caregiver (and for a sentence the catalogue does not know)", () => {
    const r = schema.safeParse({ email: "x", name: "Rosa María" }, formParseOptions("en"));
    expect(invalidForm(initialFormState, r.error!, {}, "en").fieldErrors).toMatchObject({ email: "Enter a valid email address.", age: "Required." });
    expect(failedForm(initialFormState, new Conflict("Taken."), {}, undefined, "es").message).toBe("Taken.");
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

  it("says dates and times in Spanish for a Spanish-speaking caregiver", () => {
    expect(timeAgo(null, now, "UTC", "es")).toBe("nunca");
    expect(timeAgo("2026-01-15T13:59:30Z", now, "UTC", "es")).toBe("ahora mismo");
    expect(timeAgo("2026-01-15T11:00:00Z", now, "UTC", "es")).toBe("hace 3 horas");
    expect(timeAgo("2026-01-14T12:00:00Z", now, "UTC", "es")).toBe("ayer");
    expect(timeAgo("2026-01-01T12:00:00Z", now, "UTC", "es")).toBe("el 1 de enero de 2026");
    expect(formatDate("1945-05-15", "UTC", "es")).toBe("15 de mayo de 1945");
    expect(localTime(now, "America/Chicago", "es")).toBe("jueves, 8:00");
    expect(pauseEnd("2026-02-10T06:00:00Z", "America/Chicago", "es")).toBe("mar, 10 feb");
  });
});
