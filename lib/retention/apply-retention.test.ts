import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { makeCaregiver, makePatient } from "@/lib/testing/factories";
import { applyRetention } from "./apply-retention";

const NOW = new Date("2027-06-01T03:30:00Z");
const daysAgo = (n: number) => new Date(NOW.getTime() - n * 86_400_000);

async function patientWithHistory(retention?: Record<string, number>) {
  const owner = await makeCaregiver();
  if (retention) await db.organization.update({ where: { id: owner.organizationId }, data: { settings: { retention } } });
  const patient = await makePatient(owner);
  for (const age of [10, 40, 400]) {
    await db.activityLog.create({ data: { patientId: patient.id, activityType: "heartbeat", details: {}, occurredAt: daysAgo(age) } });
    const c = await db.conversation.create({
      data: { patientId: patient.id, conversationType: "spontaneous", startedAt: daysAgo(age), lastTurnAt: daysAgo(age), turnCount: 1 },
    });
    await db.conversationTurn.create({
      data: {
        conversationId: c.id,
        patientId: patient.id,
        sequence: 1,
        patientMessage: `said ${age} days ago`,
        aiResponse: "ok",
        provider: "test",
        createdAt: daysAgo(age),
      },
    });
    await db.auditEvent.create({
      data: {
        actorType: "caregiver",
        actorId: owner.id,
        action: "patient.read",
        targetType: "patient",
        targetId: patient.id,
        patientId: patient.id,
        organizationId: owner.organizationId,
        createdAt: daysAgo(age * 6),
      },
    });
  }
  const ages = async () => ({
    activity: (await db.activityLog.findMany({ where: { patientId: patient.id }, orderBy: { occurredAt: "desc" } })).map((a) =>
      Math.round((NOW.getTime() - a.occurredAt.getTime()) / 86_400_000),
    ),
    conversations: (await db.conversationTurn.findMany({ where: { patientId: patient.id }, orderBy: { createdAt: "desc" } })).map((t) => t.patientMessage),
    audit: (
      await db.auditEvent.findMany({
        where: { organizationId: owner.organizationId, action: "patient.read", targetId: patient.id },
        orderBy: { createdAt: "desc" },
      })
    ).map((e) => Math.round((NOW.getTime() - e.createdAt.getTime()) / 86_400_000)),
  });
  return { ages, organizationId: owner.organizationId };
}

describe("data retention", () => {
  it("deletes what is older than each organization keeps, and nothing newer", async () => {
    const strict = await patientWithHistory({ activity_days: 30, conversation_days: 30, audit_days: 365 });
    const defaults = await patientWithHistory();
    const orgs = [strict.organizationId, defaults.organizationId];
    await applyRetention(NOW, orgs);
    expect(await strict.ages()).toEqual({ activity: [10], conversations: ["said 10 days ago"], audit: [60, 240] });
    // the defaults: activity 365 days, conversations 730, audit 2,190 (the 400-day audit row is 2,400 days old)
    expect(await defaults.ages()).toEqual({
      activity: [10, 40],
      conversations: ["said 10 days ago", "said 40 days ago", "said 400 days ago"],
      audit: [60, 240],
    });
    // a second run finds nothing more to delete
    const again = await applyRetention(NOW, orgs);
    expect(again).toEqual({ activity: 0, conversations: 0, audit: 0 });
  });
});
