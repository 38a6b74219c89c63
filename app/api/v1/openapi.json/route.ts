import { route } from "@/lib/api/route";
import { buildOpenApiDocument, openApiDocumentOutput } from "@/lib/api/openapi";
import * as register from "../auth/register/route";
import * as login from "../auth/login/route";
import * as refresh from "../auth/refresh/route";
import * as logout from "../auth/logout/route";
import * as me from "../auth/me/route";
import * as preferences from "../auth/me/preferences/route";
import * as pushSubscriptions from "../auth/me/push-subscriptions/route";
import * as pushSubscription from "../auth/me/push-subscriptions/[id]/route";
import * as pushSubscriptionTest from "../auth/me/push-subscriptions/[id]/test/route";
import * as changePassword from "../auth/change-password/route";
import * as apiKeys from "../auth/api-keys/route";
import * as apiKey from "../auth/api-keys/[id]/route";
import * as apiKeyRotate from "../auth/api-keys/[id]/rotate/route";
import * as organizations from "../organizations/route";
import * as organization from "../organizations/[id]/route";
import * as members from "../organizations/[id]/members/route";
import * as member from "../organizations/[id]/members/[caregiverId]/route";
import * as memberResetTwoFactor from "../organizations/[id]/members/[caregiverId]/reset-two-factor/route";
import * as settings from "../organizations/[id]/settings/route";
import * as facilities from "../organizations/[id]/facilities/route";
import * as facility from "../organizations/[id]/facilities/[facilityId]/route";
import * as invitations from "../organizations/[id]/invitations/route";
import * as invitationRevoke from "../invitations/[id]/revoke/route";
import * as invitationResend from "../invitations/[id]/resend/route";
import * as invitationAccept from "../invitations/accept/route";
import * as usage from "../organizations/[id]/usage/route";
import * as transferOwnership from "../organizations/[id]/transfer-ownership/route";
import * as leaveOrganization from "../organizations/[id]/leave/route";
import * as patientTransfers from "../patients/[id]/transfers/route";
import * as orgTransfers from "../organizations/[id]/transfers/route";
import * as transferAccept from "../transfers/[id]/accept/route";
import * as transferDecline from "../transfers/[id]/decline/route";
import * as transferWithdraw from "../transfers/[id]/withdraw/route";
import * as patients from "../patients/route";
import * as patient from "../patients/[id]/route";
import * as careTeam from "../patients/[id]/care-team/route";
import * as careTeamMember from "../patients/[id]/care-team/[caregiverId]/route";
import * as patientAlerts from "../patients/[id]/alerts/route";
import * as alerts from "../alerts/route";
import * as alert from "../alerts/[id]/route";
import * as mobileSetup from "../mobile/setup/route";
import * as mobileDeviceToken from "../mobile/device-token/route";
import * as mobileSchedules from "../mobile/patients/[id]/schedules/route";
import * as mobileReminders from "../mobile/patients/[id]/reminders/route";
import * as mobileAcknowledge from "../mobile/reminders/[id]/acknowledge/route";
import * as heartbeat from "../patients/[id]/heartbeat/route";
import * as activity from "../patients/[id]/activity/route";
import * as devices from "../patients/[id]/devices/route";
import * as pairingCode from "../patients/[id]/pairing-code/route";
import * as revokeDevice from "../devices/[id]/revoke/route";
import * as patientSchedules from "../patients/[id]/schedules/route";
import * as schedule from "../schedules/[id]/route";
import * as scheduleDeactivate from "../schedules/[id]/deactivate/route";
import * as scheduleActivate from "../schedules/[id]/activate/route";
import * as patientReminders from "../patients/[id]/reminders/route";
import * as reminder from "../reminders/[id]/route";
import * as reminderComplete from "../reminders/[id]/complete/route";
import * as reminderSkip from "../reminders/[id]/skip/route";
import * as patientSummaries from "../patients/[id]/summaries/route";
import * as summary from "../summaries/[id]/route";
import * as patientInsights from "../patients/[id]/insights/route";
import * as alertAcknowledge from "../alerts/[id]/acknowledge/route";
import * as alertResolve from "../alerts/[id]/resolve/route";
import * as alertNotes from "../alerts/[id]/notes/route";
import * as alertsBulkAcknowledge from "../alerts/acknowledge/route";
import * as twilioSms from "../webhooks/twilio/sms/route";
import * as twilioVoice from "../webhooks/twilio/voice/route";
import * as twilioStatus from "../webhooks/twilio/status/route";
import * as patientNotes from "../patients/[id]/notes/route";
import * as note from "../notes/[id]/route";
import * as patientConversations from "../patients/[id]/conversations/route";
import * as conversation from "../conversations/[id]/route";
import * as moodTrend from "../patients/[id]/conversations/mood/route";
import * as trendingTopics from "../patients/[id]/conversations/topics/route";
import * as conversationStarters from "../patients/[id]/conversation-starters/route";
import * as patientExport from "../patients/[id]/export/route";
import * as anonymizedExport from "../analytics/export/route";
import * as voiceInteract from "../voice/interact/route";
import * as patientAnalytics from "../patients/[id]/analytics/route";
import * as patientAnalyticsExport from "../patients/[id]/analytics/export/route";
import * as analytics from "../analytics/route";
import * as overview from "../overview/route";
import * as auditEvents from "../organizations/[id]/audit-events/route";
import * as auditVerify from "../organizations/[id]/audit-events/verify/route";
import * as patientConsents from "../patients/[id]/consents/route";
import * as consentRevoke from "../consents/[id]/revoke/route";
import * as monitoringPause from "../patients/[id]/monitoring-pause/route";
import * as spokeWith from "../patients/[id]/spoke-with/route";
import * as health from "../../health/route";
import * as ready from "../../health/ready/route";
import * as systemStatus from "../../health/status/route";

// Every API route module; a test checks that none is missing.
const modules: Record<string, unknown>[] = [
  register,
  login,
  refresh,
  logout,
  me,
  preferences,
  pushSubscriptions,
  pushSubscription,
  pushSubscriptionTest,
  changePassword,
  apiKeys,
  apiKey,
  apiKeyRotate,
  organizations,
  organization,
  members,
  member,
  memberResetTwoFactor,
  settings,
  facilities,
  facility,
  invitations,
  invitationRevoke,
  invitationResend,
  invitationAccept,
  usage,
  transferOwnership,
  leaveOrganization,
  patientTransfers,
  orgTransfers,
  transferAccept,
  transferDecline,
  transferWithdraw,
  patients,
  patient,
  careTeam,
  careTeamMember,
  patientAlerts,
  alerts,
  alert,
  health,
  ready,
  systemStatus,
  mobileSetup,
  mobileDeviceToken,
  mobileSchedules,
  mobileReminders,
  mobileAcknowledge,
  heartbeat,
  activity,
  devices,
  pairingCode,
  revokeDevice,
  patientSchedules,
  schedule,
  scheduleDeactivate,
  scheduleActivate,
  patientReminders,
  reminder,
  reminderComplete,
  reminderSkip,
  patientSummaries,
  summary,
  patientInsights,
  alertAcknowledge,
  alertResolve,
  alertNotes,
  alertsBulkAcknowledge,
  twilioSms,
  twilioVoice,
  twilioStatus,
  patientNotes,
  note,
  patientConversations,
  conversation,
  moodTrend,
  trendingTopics,
  conversationStarters,
  patientExport,
  anonymizedExport,
  voiceInteract,
  overview,
  patientAnalytics,
  patientAnalyticsExport,
  analytics,
  auditEvents,
  auditVerify,
  patientConsents,
  consentRevoke,
  monitoringPause,
  spokeWith,
];

let cached: ReturnType<typeof buildOpenApiDocument> | undefined;

// built once per process (it changes only with a deployment), and cacheable: it is no patient data
export const GET = route(
  {
    name: "GET /api/v1/openapi.json",
    auth: "public",
    response: openApiDocumentOutput,
    etag: (document: unknown) => document,
    cacheControl: "public, max-age=300",
  },
  async () => {
    cached ??= buildOpenApiDocument(
      modules.flatMap((m) => Object.values(m).flatMap((h) => ((h as { spec?: unknown }).spec ? [(h as { spec: never }).spec] : []))),
    );
    return cached;
  },
);
