import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { makeCaregiver, makePatient } from "@/lib/testing/factories";
import { raiseAlert } from "@/lib/alerts/raise-alert";
import { escalateAlerts } from "@/lib/alerts/escalate-alerts";
import { smsSegments } from "./meter";

describe("usage metering", () => {
  it("counts SMS segments as the carriers do: GSM-7 160/153 (extension characters twice), else UCS-2 70/67", () => {
    expect(smsSegments("")).toBe(0);
    expect(smsSegments("a".repeat(160))).toBe(1);
    expect(smsSegments("a".repeat(161))).toBe(2);
    expect(smsSegments("a".repeat(306))).toBe(2);
    expect(smsSegments("a".repeat(307))).toBe(3);
    expect(smsSegments(`${"a".repeat(159)}€`)).toBe(2); // € takes two septets
    expect(smsSegments("Grüße, Zoë")).toBe(1); // ü, ë... ë is not GSM-7: UCS-2, still short
    expect(smsSegments("ë".repeat(70))).toBe(1);
    expect(smsSegments("ë".repeat(71))).toBe(2);
    expect(smsSegments("ë".repeat(135))).toBe(3);
  });

  it("does not count simulated sends (no provider credentials): only what reached a provider is usage", async () => {
    const owner = await makeCaregiver();
    await db.caregiver.update({ where: { id: owner.id }, data: { phoneNumber: "+15550004001" } });
    const p = await makePatient(owner);
    const now = new Date("2026-01-15T15:00:00Z");
    const a = await raiseAlert(
      db,
      {
        patientId: p.id,
        type: "emergency",
        severity: "critical",
        dedupKey: "simulated",
        title: "Emergency button pressed",
        description: "d",
        source: "test",
        evidence: { kind: "rule", at: now.toISOString() },
      },
      now,
    );
    await escalateAlerts(now, { alertId: a.alertId });
    const attempts = await db.notificationAttempt.findMany({ where: { alertId: a.alertId }, select: { channel: true, status: true } });
    expect(attempts.map((x) => x.channel).sort()).toEqual(["email", "sms", "voice"]);
    expect(attempts.every((x) => x.status === "simulated")).toBe(true);
    expect(await db.organizationUsage.count({ where: { organizationId: owner.organizationId } })).toBe(0);
  });
});
