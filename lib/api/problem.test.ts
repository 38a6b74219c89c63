import { describe, expect, it } from "vitest";
import { z } from "zod";
import { Prisma } from "@/lib/db/generated/client";
import { db } from "@/lib/db/client";
import { makeCaregiver, makePatient } from "@/lib/testing/factories";
import { Conflict, RateLimited } from "./errors";
import { toProblem } from "./problem";

const prismaError = (code: string) => new Prisma.PrismaClientKnownRequestError("db said no", { code, clientVersion: "7" });

describe("toProblem", () => {
  it.each([
    ["P2002", 409],
    ["P2025", 404],
    ["P2003", 409],
  ])("maps Prisma %s to %i without leaking the database message", (code, status) => {
    const { problem, internal } = toProblem(prismaError(code), "req-1");
    expect(problem.status).toBe(status);
    expect(problem.detail).not.toContain("db said no");
    expect(problem.instance).toBe("req-1");
    expect(internal).toBe(false);
  });

  it("maps PostgreSQL's refusal of a value it cannot store (NUL in text or jsonb, a year 0 date) to 400: a backstop behind the schemas", async () => {
    const cg = await makeCaregiver();
    const p = await makePatient(cg);
    const refusals = [
      db.caregiver.update({ where: { id: cg.id }, data: { firstName: "Ann\u0000" } }),
      db.patient.update({ where: { id: p.id }, data: { personalContext: { hobby: "knitting\u0000" } } }),
      db.$executeRaw`UPDATE caregivers SET last_name = ${"x\u0000"} WHERE id = ${cg.id}::uuid`,
      db.patient.update({ where: { id: p.id }, data: { dateOfBirth: new Date("0000-01-01T00:00:00Z") } }),
    ];
    for (const attempt of refusals) {
      const err = await attempt.then(
        () => null,
        (e: unknown) => e,
      );
      expect(err, "PostgreSQL refused it").not.toBeNull();
      const { problem, internal } = toProblem(err, "req-nul");
      expect(problem.status).toBe(400);
      expect(internal).toBe(false);
    }
    expect((await db.caregiver.findUniqueOrThrow({ where: { id: cg.id } })).firstName).not.toContain("\u0000");
  });

  it("says nothing about unknown errors, and flags them for the log", () => {
    const { problem, internal } = toProblem(new Error("password=hunter2 at line 3"), "req-2");
    expect(problem.status).toBe(500);
    expect(JSON.stringify(problem)).not.toContain("hunter2");
    expect(internal).toBe(true);
  });

  it("answers 503 with Retry-After, saying nothing about the database, when it cannot be reached", () => {
    const { problem, retryAfter, internal, transient } = toProblem(prismaError("P1001"), "req-3");
    expect(problem).toEqual({
      type: "https://elda.app/problems/service-unavailable",
      title: "Service unavailable",
      status: 503,
      detail: "The database cannot be reached right now. Try again in a few seconds.",
      instance: "req-3",
    });
    expect(retryAfter).toBe(5);
    expect({ internal, transient }).toEqual({ internal: false, transient: true });
  });

  it("turns zod errors into field errors and keeps typed errors' codes and Retry-After", () => {
    const r = z.object({ a: z.string() }).safeParse({ a: 1 });
    expect(toProblem(r.error, "r").problem).toMatchObject({ status: 422, errors: [{ field: "a" }] });
    expect(toProblem(new Conflict("taken", "email_taken"), "r").problem).toMatchObject({ status: 409, code: "email_taken" });
    expect(toProblem(new RateLimited(2.2), "r").retryAfter).toBe(3);
  });
});
