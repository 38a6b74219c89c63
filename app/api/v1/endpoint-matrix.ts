import { createECDH, randomBytes, randomUUID } from "node:crypto";
import { db } from "@/lib/db/client";
import type { call, CallOptions } from "@/lib/testing/http";
import { makeCaregiver, makePatient, type TestCaregiver } from "@/lib/testing/factories";
import { raiseAlert } from "@/lib/alerts/raise-alert";
import * as patient from "./patients/[id]/route";
import * as careTeam from "./patients/[id]/care-team/route";
import * as careTeamMember from "./patients/[id]/care-team/[caregiverId]/route";
import * as patientAlerts from "./patients/[id]/alerts/route";
import * as alert from "./alerts/[id]/route";
import * as org from "./organizations/[id]/route";
import * as orgMembers from "./organizations/[id]/members/route";
import * as orgMember from "./organizations/[id]/members/[caregiverId]/route";
import * as orgMemberResetTwoFactor from "./organizations/[id]/members/[caregiverId]/reset-two-factor/route";
import * as orgSettings from "./organizations/[id]/settings/route";
import * as pairingCode from "./patients/[id]/pairing-code/route";
import * as activity from "./patients/[id]/activity/route";
import * as devices from "./patients/[id]/devices/route";
import * as revokeDevice from "./devices/[id]/revoke/route";
import * as heartbeat from "./patients/[id]/heartbeat/route";
import * as phoneSchedules from "./mobile/patients/[id]/schedules/route";
import * as phoneReminders from "./mobile/patients/[id]/reminders/route";
import * as acknowledge from "./mobile/reminders/[id]/acknowledge/route";
import * as deviceToken from "./mobile/device-token/route";
import * as patientSchedules from "./patients/[id]/schedules/route";
import * as schedule from "./schedules/[id]/route";
import * as scheduleDeactivate from "./schedules/[id]/deactivate/route";
import * as scheduleActivate from "./schedules/[id]/activate/route";
import * as patientReminders from "./patients/[id]/reminders/route";
import * as reminder from "./reminders/[id]/route";
import * as reminderComplete from "./reminders/[id]/complete/route";
import * as reminderSkip from "./reminders/[id]/skip/route";
import * as patientSummaries from "./patients/[id]/summaries/route";
import * as summary from "./summaries/[id]/route";
import * as patientInsights from "./patients/[id]/insights/route";
import * as alertAcknowledge from "./alerts/[id]/acknowledge/route";
import * as alertResolve from "./alerts/[id]/resolve/route";
import * as alertNotes from "./alerts/[id]/notes/route";
import * as patientNotes from "./patients/[id]/notes/route";
import * as note from "./notes/[id]/route";
import * as patientConversations from "./patients/[id]/conversations/route";
import * as conversation from "./conversations/[id]/route";
import * as moodTrend from "./patients/[id]/conversations/mood/route";
import * as trendingTopics from "./patients/[id]/conversations/topics/route";
import * as conversationStarters from "./patients/[id]/conversation-starters/route";
import * as patientExport from "./patients/[id]/export/route";
import * as voiceInteract from "./voice/interact/route";
import * as patientAnalytics from "./patients/[id]/analytics/route";
import * as patientAnalyticsExport from "./patients/[id]/analytics/export/route";
import * as auditEvents from "./organizations/[id]/audit-events/route";
import * as auditVerify from "./organizations/[id]/audit-events/verify/route";
import * as patientConsents from "./patients/[id]/consents/route";
import * as consentRevoke from "./consents/[id]/revoke/route";
import * as pushSubscription from "./auth/me/push-subscriptions/[id]/route";
import * as pushSubscriptionTest from "./auth/me/push-subscriptions/[id]/test/route";
import * as monitoringPause from "./patients/[id]/monitoring-pause/route";
import * as spokeWith from "./patients/[id]/spoke-with/route";
import * as facilities from "./organizations/[id]/facilities/route";
import * as facility from "./organizations/[id]/facilities/[facilityId]/route";
import * as invitations from "./organizations/[id]/invitations/route";
import * as invitationRevoke from "./invitations/[id]/revoke/route";
import * as invitationResend from "./invitations/[id]/resend/route";
import * as usage from "./organizations/[id]/usage/route";
import * as transferOwnership from "./organizations/[id]/transfer-ownership/route";
import * as leaveOrganization from "./organizations/[id]/leave/route";
import * as patientTransfers from "./patients/[id]/transfers/route";
import * as orgTransfers from "./organizations/[id]/transfers/route";
import * as transferAccept from "./transfers/[id]/accept/route";
import * as transferDecline from "./transfers/[id]/decline/route";
import * as transferWithdraw from "./transfers/[id]/withdraw/route";
import { makeReminder, makeSchedule, pairDevice } from "@/lib/testing/factories";
import { computeDailySummary } from "@/lib/summaries/compute-daily-summary";

/**
 * The endpoints of the access matrices (cross-organization, cross-facility): for every endpoint that names a
 * patient, an alert, a care team or an organization, and every verb, a call that would change or reveal
 * something. Every later issue adds its endpoints here.
 */
export type Handler = Parameters<typeof call>[0];
export interface Ctx {
  owner: TestCaregiver;
  patientId: string;
  alertId: string;
  organizationId: string;
  deviceId: string;
  reminderId: string;
  scheduleId: string;
  summaryId: string;
  noteId: string;
  conversationId: string;
  consentId: string;
  /** the owner's browser subscribed to Web Push */
  pushSubscriptionId: string;
  /** the patient's facility */
  facilityId: string;
  /** the owner's pending invitation naming the patient */
  invitationId: string;
  /** a pending transfer into the organization (of a patient of another organization) */
  transferId: string;
}
export interface Case {
  name: string;
  handler: Handler;
  opts: (c: Ctx) => CallOptions;
  /** org endpoints: a member of the same organization may legitimately see these */
  orgScoped?: boolean;
  /** patient-app endpoints: the outsiders are caregivers and another patient's phone */
  device?: boolean;
}

export const cases: Case[] = [
  { name: "GET patient", handler: patient.GET, opts: (c) => ({ params: { id: c.patientId } }) },
  { name: "PATCH patient", handler: patient.PATCH, opts: (c) => ({ method: "PATCH", params: { id: c.patientId }, body: { preferred_name: "Hacked" } }) },
  { name: "DELETE patient", handler: patient.DELETE, opts: (c) => ({ method: "DELETE", params: { id: c.patientId } }) },
  { name: "GET care team", handler: careTeam.GET, opts: (c) => ({ params: { id: c.patientId } }) },
  { name: "POST care team", handler: careTeam.POST, opts: (c) => ({ params: { id: c.patientId }, body: { email: "x@example.test" } }) },
  {
    name: "PATCH care team member",
    handler: careTeamMember.PATCH,
    opts: (c) => ({ method: "PATCH", params: { id: c.patientId, caregiverId: c.owner.id }, body: { standing: "viewer" } }),
  },
  {
    name: "DELETE care team member",
    handler: careTeamMember.DELETE,
    opts: (c) => ({ method: "DELETE", params: { id: c.patientId, caregiverId: c.owner.id } }),
  },
  { name: "GET patient alerts", handler: patientAlerts.GET, opts: (c) => ({ params: { id: c.patientId } }) },
  { name: "GET alert", handler: alert.GET, opts: (c) => ({ params: { id: c.alertId } }) },
  { name: "POST pairing code", handler: pairingCode.POST, opts: (c) => ({ params: { id: c.patientId } }) },
  { name: "GET activity", handler: activity.GET, opts: (c) => ({ params: { id: c.patientId } }) },
  { name: "GET devices", handler: devices.GET, opts: (c) => ({ params: { id: c.patientId } }) },
  { name: "POST revoke device", handler: revokeDevice.POST, opts: (c) => ({ params: { id: c.deviceId } }) },
  { name: "POST heartbeat", handler: heartbeat.POST, opts: (c) => ({ params: { id: c.patientId }, body: { activity_type: "emergency" } }), device: true },
  { name: "GET phone schedules", handler: phoneSchedules.GET, opts: (c) => ({ params: { id: c.patientId } }), device: true },
  { name: "GET phone reminders", handler: phoneReminders.GET, opts: (c) => ({ params: { id: c.patientId } }), device: true },
  {
    name: "PUT acknowledge reminder",
    handler: acknowledge.PUT,
    opts: (c) => ({ method: "PUT", params: { id: c.reminderId }, body: { status: "completed" } }),
    device: true,
  },
  {
    name: "POST device token",
    handler: deviceToken.POST,
    opts: (c) => ({ body: { patient_id: c.patientId, device_token: "stolen", platform: "ios" } }),
    device: true,
  },
  { name: "GET schedules", handler: patientSchedules.GET, opts: (c) => ({ params: { id: c.patientId } }) },
  {
    name: "POST schedule",
    handler: patientSchedules.POST,
    opts: (c) => ({ params: { id: c.patientId }, body: { type: "meal", title: "x", times_of_day: ["09:00"] } }),
  },
  { name: "GET schedule", handler: schedule.GET, opts: (c) => ({ params: { id: c.scheduleId } }) },
  { name: "PATCH schedule", handler: schedule.PATCH, opts: (c) => ({ method: "PATCH", params: { id: c.scheduleId }, body: { title: "Hacked" } }) },
  { name: "DELETE schedule", handler: schedule.DELETE, opts: (c) => ({ method: "DELETE", params: { id: c.scheduleId } }) },
  { name: "POST schedule deactivate", handler: scheduleDeactivate.POST, opts: (c) => ({ params: { id: c.scheduleId } }) },
  { name: "POST schedule activate", handler: scheduleActivate.POST, opts: (c) => ({ params: { id: c.scheduleId } }) },
  { name: "GET reminders", handler: patientReminders.GET, opts: (c) => ({ params: { id: c.patientId } }) },
  { name: "GET reminder", handler: reminder.GET, opts: (c) => ({ params: { id: c.reminderId } }) },
  { name: "POST reminder complete", handler: reminderComplete.POST, opts: (c) => ({ params: { id: c.reminderId }, body: {} }) },
  { name: "POST reminder skip", handler: reminderSkip.POST, opts: (c) => ({ params: { id: c.reminderId }, body: {} }) },
  { name: "GET summaries", handler: patientSummaries.GET, opts: (c) => ({ params: { id: c.patientId } }) },
  { name: "POST summary", handler: patientSummaries.POST, opts: (c) => ({ params: { id: c.patientId }, body: {} }) },
  { name: "GET summary", handler: summary.GET, opts: (c) => ({ params: { id: c.summaryId } }) },
  { name: "GET insights", handler: patientInsights.GET, opts: (c) => ({ params: { id: c.patientId } }) },
  { name: "POST alert acknowledge", handler: alertAcknowledge.POST, opts: (c) => ({ params: { id: c.alertId }, body: {} }) },
  { name: "POST alert resolve", handler: alertResolve.POST, opts: (c) => ({ params: { id: c.alertId }, body: { note: "x" } }) },
  { name: "POST alert note", handler: alertNotes.POST, opts: (c) => ({ params: { id: c.alertId }, body: { note: "x" } }) },
  { name: "GET notes", handler: patientNotes.GET, opts: (c) => ({ params: { id: c.patientId } }) },
  { name: "POST note", handler: patientNotes.POST, opts: (c) => ({ params: { id: c.patientId }, body: { title: "x", content: "y", category: "other" } }) },
  { name: "GET note", handler: note.GET, opts: (c) => ({ params: { id: c.noteId } }) },
  { name: "PATCH note", handler: note.PATCH, opts: (c) => ({ method: "PATCH", params: { id: c.noteId }, body: { title: "Hacked" } }) },
  { name: "DELETE note", handler: note.DELETE, opts: (c) => ({ method: "DELETE", params: { id: c.noteId } }) },
  { name: "GET conversations", handler: patientConversations.GET, opts: (c) => ({ params: { id: c.patientId } }) },
  { name: "GET mood trend", handler: moodTrend.GET, opts: (c) => ({ params: { id: c.patientId } }) },
  { name: "GET trending topics", handler: trendingTopics.GET, opts: (c) => ({ params: { id: c.patientId } }) },
  { name: "GET conversation starters", handler: conversationStarters.GET, opts: (c) => ({ params: { id: c.patientId } }) },
  { name: "GET patient export", handler: patientExport.GET, opts: (c) => ({ params: { id: c.patientId } }) },
  { name: "GET conversation", handler: conversation.GET, opts: (c) => ({ params: { id: c.conversationId } }) },
  {
    name: "POST voice interact",
    handler: voiceInteract.POST,
    opts: (c) => ({ body: { patient_id: c.patientId, message: "I fell and can't get up" } }),
    device: true,
  },
  { name: "GET patient analytics", handler: patientAnalytics.GET, opts: (c) => ({ params: { id: c.patientId } }) },
  { name: "GET patient analytics export", handler: patientAnalyticsExport.GET, opts: (c) => ({ params: { id: c.patientId }, path: "/x?format=csv" }) },
  { name: "GET consents", handler: patientConsents.GET, opts: (c) => ({ params: { id: c.patientId } }) },
  {
    name: "POST consent",
    handler: patientConsents.POST,
    opts: (c) => ({ params: { id: c.patientId }, body: { kind: "ai_companion", granted: false, given_by: "patient" } }),
  },
  { name: "POST consent revoke", handler: consentRevoke.POST, opts: (c) => ({ params: { id: c.consentId } }) },
  { name: "DELETE push subscription", handler: pushSubscription.DELETE, opts: (c) => ({ method: "DELETE", params: { id: c.pushSubscriptionId } }) },
  { name: "POST push subscription test", handler: pushSubscriptionTest.POST, opts: (c) => ({ params: { id: c.pushSubscriptionId } }) },
  { name: "GET monitoring pause", handler: monitoringPause.GET, opts: (c) => ({ params: { id: c.patientId } }) },
  {
    name: "POST monitoring pause",
    handler: monitoringPause.POST,
    opts: (c) => ({ params: { id: c.patientId }, body: { until: new Date(Date.now() + 86_400_000).toISOString(), reason: "Holiday" } }),
  },
  { name: "DELETE monitoring pause", handler: monitoringPause.DELETE, opts: (c) => ({ method: "DELETE", params: { id: c.patientId } }) },
  { name: "POST spoke with", handler: spokeWith.POST, opts: (c) => ({ params: { id: c.patientId }, body: { note: "Spoke to her" } }) },
  { name: "GET organization", handler: org.GET, opts: (c) => ({ params: { id: c.organizationId } }), orgScoped: true },
  {
    name: "PATCH organization",
    handler: org.PATCH,
    opts: (c) => ({ method: "PATCH", params: { id: c.organizationId }, body: { name: "Hacked" } }),
    orgScoped: true,
  },
  {
    name: "DELETE organization",
    handler: org.DELETE,
    opts: (c) => ({ method: "DELETE", params: { id: c.organizationId }, body: { confirm_name: "x" } }),
    orgScoped: true,
  },
  {
    name: "POST transfer ownership",
    handler: transferOwnership.POST,
    opts: (c) => ({ params: { id: c.organizationId }, body: { caregiver_id: c.owner.id, step_down: true } }),
    orgScoped: true,
  },
  { name: "POST leave organization", handler: leaveOrganization.POST, opts: (c) => ({ method: "POST", params: { id: c.organizationId } }), orgScoped: true },
  { name: "GET members", handler: orgMembers.GET, opts: (c) => ({ params: { id: c.organizationId } }), orgScoped: true },
  { name: "POST member", handler: orgMembers.POST, opts: (c) => ({ params: { id: c.organizationId }, body: { email: "x@example.test" } }), orgScoped: true },
  {
    name: "PATCH member",
    handler: orgMember.PATCH,
    opts: (c) => ({ method: "PATCH", params: { id: c.organizationId, caregiverId: c.owner.id }, body: { role: "member" } }),
    orgScoped: true,
  },
  {
    name: "DELETE member",
    handler: orgMember.DELETE,
    opts: (c) => ({ method: "DELETE", params: { id: c.organizationId, caregiverId: c.owner.id } }),
    orgScoped: true,
  },
  {
    name: "POST member reset two-factor",
    handler: orgMemberResetTwoFactor.POST,
    opts: (c) => ({ params: { id: c.organizationId, caregiverId: c.owner.id } }),
    orgScoped: true,
  },
  { name: "GET settings", handler: orgSettings.GET, opts: (c) => ({ params: { id: c.organizationId } }), orgScoped: true },
  {
    name: "PATCH settings",
    handler: orgSettings.PATCH,
    opts: (c) => ({ method: "PATCH", params: { id: c.organizationId }, body: { pairing: { code_ttl_minutes: 1 } } }),
    orgScoped: true,
  },
  { name: "GET audit events", handler: auditEvents.GET, opts: (c) => ({ params: { id: c.organizationId }, path: "/x?format=csv" }), orgScoped: true },
  { name: "GET audit chain verification", handler: auditVerify.GET, opts: (c) => ({ params: { id: c.organizationId } }), orgScoped: true },
  { name: "GET facilities", handler: facilities.GET, opts: (c) => ({ params: { id: c.organizationId } }), orgScoped: true },
  { name: "POST facility", handler: facilities.POST, opts: (c) => ({ params: { id: c.organizationId }, body: { name: "Hacked" } }), orgScoped: true },
  { name: "GET facility", handler: facility.GET, opts: (c) => ({ params: { id: c.organizationId, facilityId: c.facilityId } }), orgScoped: true },
  {
    name: "PATCH facility",
    handler: facility.PATCH,
    opts: (c) => ({ method: "PATCH", params: { id: c.organizationId, facilityId: c.facilityId }, body: { name: "Hacked" } }),
    orgScoped: true,
  },
  {
    name: "DELETE facility",
    handler: facility.DELETE,
    opts: (c) => ({ method: "DELETE", params: { id: c.organizationId, facilityId: c.facilityId } }),
    orgScoped: true,
  },
  { name: "GET invitations", handler: invitations.GET, opts: (c) => ({ params: { id: c.organizationId } }), orgScoped: true },
  {
    name: "POST invitation",
    handler: invitations.POST,
    opts: (c) => ({ params: { id: c.organizationId }, body: { email: "x@example.test", patient_id: c.patientId } }),
    orgScoped: true,
  },
  { name: "POST invitation revoke", handler: invitationRevoke.POST, opts: (c) => ({ params: { id: c.invitationId } }), orgScoped: true },
  { name: "POST invitation resend", handler: invitationResend.POST, opts: (c) => ({ params: { id: c.invitationId } }), orgScoped: true },
  { name: "GET usage", handler: usage.GET, opts: (c) => ({ params: { id: c.organizationId }, path: "/x?format=csv" }), orgScoped: true },
  {
    name: "POST patient transfer",
    handler: patientTransfers.POST,
    opts: (c) => ({ params: { id: c.patientId }, body: { to_organization_id: c.organizationId, confirm_open_critical: true } }),
  },
  { name: "GET transfers", handler: orgTransfers.GET, opts: (c) => ({ params: { id: c.organizationId } }), orgScoped: true },
  { name: "POST transfer accept", handler: transferAccept.POST, opts: (c) => ({ params: { id: c.transferId }, body: {} }), orgScoped: true },
  { name: "POST transfer decline", handler: transferDecline.POST, opts: (c) => ({ params: { id: c.transferId } }), orgScoped: true },
  { name: "POST transfer withdraw", handler: transferWithdraw.POST, opts: (c) => ({ params: { id: c.transferId } }), orgScoped: true },
];

/** Everything the matrix's calls could change, as one string to compare before and after. */
export async function matrixState(c: Ctx) {
  const [p, team, alerts, members, o, devs, reminders, activityRows, tokens, schedules, summaries, notes, consents, browsers, attempts, f, inv, transfers] =
    await Promise.all([
      db.patient.findUnique({ where: { id: c.patientId } }),
      db.careTeamMember.findMany({ where: { patientId: c.patientId }, orderBy: { id: "asc" } }),
      db.alert.findMany({ where: { patientId: c.patientId }, orderBy: { id: "asc" } }),
      db.membership.findMany({ where: { organizationId: c.organizationId }, orderBy: { id: "asc" } }),
      db.organization.findUnique({ where: { id: c.organizationId } }),
      db.patientDevice.findMany({ where: { patientId: c.patientId }, orderBy: { id: "asc" } }),
      db.reminder.findMany({ where: { patientId: c.patientId }, orderBy: { id: "asc" } }),
      db.activityLog.count({ where: { patientId: c.patientId } }),
      db.pushToken.count({ where: { device: { patientId: c.patientId } } }),
      db.schedule.findMany({ where: { patientId: c.patientId }, orderBy: { id: "asc" } }),
      db.dailySummary.findMany({ where: { patientId: c.patientId }, orderBy: { id: "asc" } }),
      db.caregiverNote.findMany({ where: { patientId: c.patientId }, orderBy: { id: "asc" } }),
      db.consent.findMany({ where: { patientId: c.patientId }, orderBy: { id: "asc" } }),
      db.webPushSubscription.findMany({ where: { caregiverId: c.owner.id }, orderBy: { id: "asc" } }),
      db.notificationAttempt.count({ where: { caregiverId: c.owner.id } }),
      db.facility.findMany({ where: { organizationId: c.organizationId }, orderBy: { id: "asc" } }),
      db.invitation.findMany({ where: { organizationId: c.organizationId }, orderBy: { id: "asc" } }),
      db.patientTransfer.findMany({ where: { OR: [{ patientId: c.patientId }, { id: c.transferId }] }, orderBy: { id: "asc" } }),
    ]);
  return JSON.stringify({
    p,
    team,
    alerts,
    members,
    o,
    devs,
    reminders,
    activityRows,
    tokens,
    schedules,
    summaries,
    notes,
    consents,
    browsers,
    attempts,
    f,
    inv,
    transfers,
  });
}

/** A patient of `owner`'s organization with one of everything the endpoints name. */
export async function makeMatrixCtx(owner: TestCaregiver): Promise<Ctx> {
  const p = await makePatient(owner);
  const a = await raiseAlert(
    db,
    {
      patientId: p.id,
      type: "emergency",
      severity: "critical",
      dedupKey: "m",
      title: "t",
      description: "d",
      source: "test",
      evidence: { kind: "rule", at: "now" },
    },
    new Date(),
  );
  const device = await pairDevice(p.id);
  const pendingReminder = await makeReminder(p.id, { dueAt: new Date() });
  const sched = await makeSchedule(p.id);
  const sum = await computeDailySummary(db, p.id, "2026-01-15", new Date());
  const n = await db.caregiverNote.create({ data: { patientId: p.id, authorId: owner.id, title: "Garden", content: "Loves roses", category: "preferences" } });
  const conv = await db.conversation.create({ data: { patientId: p.id, conversationType: "spontaneous" } });
  const consent = await db.consent.create({ data: { patientId: p.id, kind: "data_processing", granted: true, givenBy: "patient", recordedById: owner.id } });
  const browserKey = createECDH("prime256v1");
  browserKey.generateKeys();
  const browser = await db.webPushSubscription.create({
    data: {
      caregiverId: owner.id,
      endpoint: `https://fcm.googleapis.com/fcm/send/matrix-${randomUUID()}`,
      p256dh: browserKey.getPublicKey().toString("base64url"),
      auth: randomBytes(16).toString("base64url"),
    },
  });
  return {
    owner,
    patientId: p.id,
    alertId: a.alertId,
    organizationId: owner.organizationId,
    deviceId: device.deviceId,
    reminderId: pendingReminder.id,
    scheduleId: sched.id,
    summaryId: sum.id,
    noteId: n.id,
    conversationId: conv.id,
    consentId: consent.id,
    pushSubscriptionId: browser.id,
    facilityId: p.facility_id,
    invitationId: (
      await db.invitation.create({
        data: {
          organizationId: owner.organizationId,
          email: `invitee-${randomUUID()}@example.test`,
          patientId: p.id,
          standing: "viewer",
          tokenHash: randomBytes(32).toString("hex"),
          invitedById: owner.id,
          expiresAt: new Date(Date.now() + 86_400_000),
          sentAt: new Date(),
        },
      })
    ).id,
    transferId: await incomingTransfer(owner.organizationId),
  };
}

/** A patient of another organization asked to move into `organizationId`, still pending. */
async function incomingTransfer(organizationId: string) {
  const source = await makeCaregiver();
  const p = await makePatient(source);
  const t = await db.patientTransfer.create({
    data: {
      patientId: p.id,
      fromOrganizationId: source.organizationId,
      fromFacilityId: p.facility_id,
      toOrganizationId: organizationId,
      toFacilityId: (await db.facility.findFirstOrThrow({ where: { organizationId, isDefault: true } })).id,
      requestedById: source.id,
      expiresAt: new Date(Date.now() + 86_400_000),
    },
  });
  return t.id;
}
