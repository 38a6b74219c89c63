import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { makeCaregiver, makePatient } from "@/lib/testing/factories";
import { sealAuditEvents } from "@/lib/audit/seal-audit-events";
import { applyRetention, RETENTION_COVERAGE } from "./apply-retention";

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
    await sealAuditEvents(NOW, { chains: orgs });
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
    expect(Object.values(again).every((n) => n === 0)).toBe(true);
  });
});

/** One row of each kind at each age, for the tables with a retention rule of their own. */
async function everyKindAt(ages: number[], retention?: Record<string, number>) {
  const owner = await makeCaregiver();
  if (retention) await db.organization.update({ where: { id: owner.organizationId }, data: { settings: { retention } } });
  const patient = await makePatient(owner);
  for (const age of ages) {
    const at = daysAgo(age);
    const alert = await db.alert.create({
      data: {
        patientId: patient.id,
        type: "health_concern",
        severity: "high",
        status: "resolved",
        title: `alert ${age}`,
        description: 'said "my knee hurts"',
        source: "test",
        dedupKey: `r${age}`,
        evidence: [{ kind: "conversation", excerpt: "my knee hurts", at: at.toISOString() }],
        firstOccurredAt: at,
        lastOccurredAt: at,
        resolvedAt: at,
        createdAt: at,
      },
    });
    await db.alertEvent.create({ data: { alertId: alert.id, kind: "raised", actorType: "system", createdAt: at } });
    // an alert still open is never deleted, however old
    await db.alert.create({
      data: {
        patientId: patient.id,
        type: "inactivity",
        severity: "medium",
        title: `open ${age}`,
        description: "d",
        source: "test",
        dedupKey: `o${age}`,
        createdAt: at,
        lastOccurredAt: at,
      },
    });
    await db.notificationAttempt.create({
      data: {
        idempotencyKey: `ret-${patient.id}-${age}`,
        patientId: patient.id,
        caregiverId: owner.id,
        channel: "sms",
        purpose: "alert",
        recipient: "+15550001111",
        status: "sent",
        createdAt: at,
      },
    });
    await db.notificationAttempt.create({
      data: {
        idempotencyKey: `ret-pending-${patient.id}-${age}`,
        patientId: patient.id,
        caregiverId: owner.id,
        channel: "email",
        purpose: "alert",
        recipient: "x@example.test",
        status: "pending",
        createdAt: at,
      },
    });
    await db.reminder.create({ data: { patientId: patient.id, type: "medication", title: `dose ${age}`, dueAt: at, status: "completed" } });
    await db.dailySummary.create({
      data: { patientId: patient.id, summaryDate: new Date(at.toISOString().slice(0, 10)), narrative: `day ${age}`, narrativeSource: "template" },
    });
    await db.insight.create({
      data: {
        patientId: patient.id,
        insightType: "pattern",
        category: "mood",
        title: `insight ${age}`,
        description: "d",
        confidence: 0.5,
        periodStart: at,
        periodEnd: at,
        generatedBy: "test",
        createdAt: at,
      },
    });
    await db.pairingCode.create({ data: { patientId: patient.id, tokenHash: randomBytes(32).toString("hex"), createdAt: at, expiresAt: at } });
    await db.session.create({ data: { caregiverId: owner.id, kind: "web", ip: "10.0.0.1", createdAt: at, lastSeenAt: at, expiresAt: at } });
    const live = await db.session.create({ data: { caregiverId: owner.id, kind: "api", expiresAt: new Date(NOW.getTime() + 86_400_000) } });
    await db.refreshToken.create({ data: { sessionId: live.id, tokenHash: randomBytes(32).toString("hex"), createdAt: at, expiresAt: at } });
    await db.webPushSubscription.create({
      data: {
        caregiverId: owner.id,
        endpoint: `https://fcm.googleapis.com/fcm/send/ret-${randomBytes(8).toString("hex")}`,
        p256dh: "k",
        auth: "a",
        createdAt: at,
        lastUsedAt: at,
      },
    });
  }
  const kept = async () => ({
    alerts: (await db.alert.findMany({ where: { patientId: patient.id, status: "resolved" }, orderBy: { createdAt: "desc" } })).map((a) => a.title),
    open_alerts: await db.alert.count({ where: { patientId: patient.id, status: "open" } }),
    alert_events: await db.alertEvent.count({ where: { alert: { patientId: patient.id } } }),
    sent_attempts: await db.notificationAttempt.count({ where: { patientId: patient.id, status: "sent" } }),
    pending_attempts: await db.notificationAttempt.count({ where: { patientId: patient.id, status: "pending" } }),
    reminders: await db.reminder.count({ where: { patientId: patient.id } }),
    summaries: await db.dailySummary.count({ where: { patientId: patient.id } }),
    insights: await db.insight.count({ where: { patientId: patient.id } }),
    pairing_codes: await db.pairingCode.count({ where: { patientId: patient.id } }),
    ended_sessions: await db.session.count({ where: { caregiverId: owner.id, kind: "web" } }),
    refresh_tokens: await db.refreshToken.count({ where: { session: { caregiverId: owner.id, expiresAt: { gt: NOW } } } }),
    web_push: await db.webPushSubscription.count({ where: { caregiverId: owner.id } }),
  });
  return { kept, organizationId: owner.organizationId };
}

describe("retention covers every table with personal data", () => {
  it("alerts (with their evidence and timeline), messages sent, reminders, summaries, insights, pairing codes, ended sessions, refresh tokens and idle browsers", async () => {
    const strict = await everyKindAt([10, 40, 400], { alert_days: 30, notification_days: 30, summary_days: 30, reminder_days: 30, insight_days: 30 });
    const defaults = await everyKindAt([10, 200, 800]);
    await applyRetention(NOW, [strict.organizationId, defaults.organizationId]);
    expect(await strict.kept()).toEqual({
      alerts: ["alert 10"],
      open_alerts: 3,
      alert_events: 1,
      sent_attempts: 1,
      pending_attempts: 3,
      reminders: 1,
      summaries: 1,
      insights: 1,
      // fixed periods: pairing codes 30 days after expiry, ended sessions 90, expired refresh tokens 30, idle browsers 180
      pairing_codes: 1,
      ended_sessions: 2,
      refresh_tokens: 1,
      web_push: 2,
    });
    // the defaults: alerts 730 days, messages 180, reminders 365, summaries 730, insights 730
    expect(await defaults.kept()).toEqual({
      alerts: ["alert 10", "alert 200"],
      open_alerts: 3,
      alert_events: 2,
      sent_attempts: 1,
      pending_attempts: 3,
      reminders: 2,
      summaries: 2,
      insights: 2,
      pairing_codes: 1,
      ended_sessions: 1,
      refresh_tokens: 1,
      web_push: 1,
    });
  });

  it("the daily run also clears old sign-in throttles, rate-limit windows and quarantined job rows", async () => {
    const now = new Date();
    const key = `retention-test-${randomBytes(6).toString("hex")}`;
    const ago = (d: number) => new Date(now.getTime() - d * 86_400_000);
    await db.loginThrottle.createMany({
      data: [
        { key: `${key}:old`, failures: 3, lastFailureAt: ago(40) },
        { key: `${key}:recent`, failures: 3, lastFailureAt: ago(2) },
      ],
    });
    await db.rateLimitBucket.createMany({
      data: [
        { key: `${key}:old`, count: 5, windowEnds: ago(2) },
        { key: `${key}:open`, count: 5, windowEnds: new Date(now.getTime() + 60_000) },
      ],
    });
    const q = (rowId: string, seen: Date) => ({
      job: "inactivity",
      rowKind: "patient",
      rowId,
      errorClass: "E",
      errorMessage: "m",
      firstSeenAt: seen,
      lastSeenAt: seen,
      retryAfter: seen,
    });
    await db.jobQuarantine.createMany({ data: [q(`${key}-old`, ago(40)), q(`${key}-recent`, ago(1))] });
    await applyRetention(now);
    expect((await db.loginThrottle.findMany({ where: { key: { startsWith: key } } })).map((r) => r.key)).toEqual([`${key}:recent`]);
    expect((await db.rateLimitBucket.findMany({ where: { key: { startsWith: key } } })).map((r) => r.key)).toEqual([`${key}:open`]);
    expect((await db.jobQuarantine.findMany({ where: { rowId: { startsWith: key } } })).map((r) => r.rowId)).toEqual([`${key}-recent`]);
  });

  it("invitations go 90 days after they were accepted, revoked or expired; a live one stays", async () => {
    const owner = await makeCaregiver();
    const invite = (email: string, fields: { expiresAt: Date; acceptedAt?: Date; revokedAt?: Date }) =>
      db.invitation.create({
        data: {
          organizationId: owner.organizationId,
          email,
          tokenHash: randomBytes(32).toString("hex"),
          invitedById: owner.id,
          sentAt: daysAgo(200),
          ...fields,
        },
      });
    const old = [
      await invite("accepted@example.com", { expiresAt: daysAgo(100), acceptedAt: daysAgo(95) }),
      await invite("revoked@example.com", { expiresAt: daysAgo(20), revokedAt: daysAgo(91) }),
      await invite("expired@example.com", { expiresAt: daysAgo(91) }),
    ];
    const kept = [
      await invite("recently-accepted@example.com", { expiresAt: daysAgo(100), acceptedAt: daysAgo(30) }),
      await invite("expired-lately@example.com", { expiresAt: daysAgo(89) }),
      await invite("live@example.com", { expiresAt: new Date(NOW.getTime() + 86_400_000) }),
    ];
    const deleted = await applyRetention(NOW, [owner.organizationId]);
    expect(deleted.invitations).toBe(old.length);
    const left = await db.invitation.findMany({ where: { organizationId: owner.organizationId }, select: { id: true } });
    expect(left.map((r) => r.id).sort()).toEqual(kept.map((r) => r.id).sort());
  });

  it("every table of the database is classified: a retention rule, or the row it lives and dies with", async () => {
    const tables = await db.$queryRaw<{ table_name: string }[]>`
      SELECT table_name FROM information_schema.tables
       WHERE table_schema = 'public' AND table_type = 'BASE TABLE' AND table_name <> '_prisma_migrations' ORDER BY table_name`;
    expect(tables.map((t) => t.table_name).sort()).toEqual(Object.keys(RETENTION_COVERAGE).sort());
  });
});
