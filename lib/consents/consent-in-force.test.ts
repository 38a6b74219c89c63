import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { makeCaregiver, makePatient } from "@/lib/testing/factories";
import { call } from "@/lib/testing/http";
import type { ConsentKind } from "@/lib/db/generated/enums";
import * as consents from "@/app/api/v1/patients/[id]/consents/route";
import { consentInForce, consentInForceSql, consentsInForce } from "./consent-in-force";

const KINDS: ConsentKind[] = ["data_processing", "ai_companion", "caregiver_sharing", "sms_contact", "analytics_anonymized"];
const at = (minute: number) => new Date(Date.UTC(2026, 10, 1, 9, minute));

async function patient() {
  const owner = await makeCaregiver();
  return { owner, id: (await makePatient(owner)).id };
}

describe("is a consent in force (SPEC §8)", () => {
  it("not recorded: ai_companion, caregiver_sharing and data_processing count as given; sms_contact and analytics_anonymized as refused", async () => {
    const { id } = await patient();
    expect(await consentsInForce(db, id)).toEqual({
      data_processing: true,
      ai_companion: true,
      caregiver_sharing: true,
      sms_contact: false,
      analytics_anonymized: false,
    });
  });

  it("the latest record supersedes; a revoked grant is a refusal; every kind alike", async () => {
    for (const kind of KINDS) {
      const { id } = await patient();
      await db.consent.create({ data: { patientId: id, kind, granted: false, givenBy: "patient", recordedAt: at(1) } });
      expect(await consentInForce(db, id, kind)).toBe(false);
      const yes = await db.consent.create({ data: { patientId: id, kind, granted: true, givenBy: "patient", recordedAt: at(2) } });
      expect(await consentInForce(db, id, kind)).toBe(true);
      await db.consent.update({ where: { id: yes.id }, data: { revokedAt: at(3) } });
      expect(await consentInForce(db, id, kind)).toBe(false);
      // an older grant recorded later in time order does not come back to life
      await db.consent.create({ data: { patientId: id, kind, granted: true, givenBy: "patient", recordedAt: at(0) } });
      expect(await consentInForce(db, id, kind)).toBe(false);
      // another kind is untouched by these records
      const other = KINDS.find((k) => k !== kind)!;
      expect(await consentInForce(db, id, other)).toBe(other === "sms_contact" || other === "analytics_anonymized" ? false : true);
    }
  });

  it("one patient's records never count for another", async () => {
    const a = await patient();
    const b = await patient();
    await db.consent.create({ data: { patientId: a.id, kind: "ai_companion", granted: false, givenBy: "patient" } });
    await db.consent.create({ data: { patientId: a.id, kind: "analytics_anonymized", granted: true, givenBy: "patient" } });
    expect(await consentInForce(db, b.id, "ai_companion")).toBe(true);
    expect(await consentInForce(db, b.id, "analytics_anonymized")).toBe(false);
  });

  it("refuses to build SQL for an unknown kind", () => {
    expect(() => consentInForceSql("x'; DROP TABLE consents; --" as ConsentKind, "p.id")).toThrow(/Unknown consent kind/);
  });

  it("the consents API shows, per kind, whether it is in force and what 'not recorded' means", async () => {
    const { owner, id } = await patient();
    await call(consents.POST, { token: owner.token, params: { id }, body: { kind: "ai_companion", granted: false, given_by: "patient" } });
    const r = await call(consents.GET, { token: owner.token, params: { id } });
    expect(r.status).toBe(200);
    const byKind = Object.fromEntries(
      r.body.current.map((c: { kind: string; status: string; in_force: boolean; not_recorded_means: string }) => [
        c.kind,
        [c.status, c.in_force, c.not_recorded_means],
      ]),
    );
    expect(byKind).toEqual({
      data_processing: ["not_recorded", true, "given"],
      ai_companion: ["refused", false, "given"],
      caregiver_sharing: ["not_recorded", true, "given"],
      sms_contact: ["not_recorded", false, "refused"],
      analytics_anonymized: ["not_recorded", false, "refused"],
    });
  });
});
