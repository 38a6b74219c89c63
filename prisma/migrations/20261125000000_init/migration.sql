-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "public";

-- CreateEnum
CREATE TYPE "OrgRole" AS ENUM ('owner', 'admin', 'member');

-- CreateEnum
CREATE TYPE "CareStanding" AS ENUM ('primary', 'secondary', 'viewer');

-- CreateEnum
CREATE TYPE "Gender" AS ENUM ('female', 'male', 'other', 'prefer_not_to_say');

-- CreateEnum
CREATE TYPE "PreferredVoice" AS ENUM ('male', 'female', 'neutral');

-- CreateEnum
CREATE TYPE "CommunicationStyle" AS ENUM ('friendly', 'formal', 'casual');

-- CreateEnum
CREATE TYPE "DevicePlatform" AS ENUM ('ios', 'android');

-- CreateEnum
CREATE TYPE "ScheduleType" AS ENUM ('medication', 'meal', 'exercise', 'appointment', 'hydration', 'other');

-- CreateEnum
CREATE TYPE "Recurrence" AS ENUM ('daily', 'weekly', 'interval', 'once');

-- CreateEnum
CREATE TYPE "ReminderStatus" AS ENUM ('pending', 'completed', 'snoozed', 'missed', 'skipped');

-- CreateEnum
CREATE TYPE "CompletedVia" AS ENUM ('patient_app', 'voice', 'caregiver');

-- CreateEnum
CREATE TYPE "ConversationType" AS ENUM ('spontaneous', 'reminder_response', 'check_in', 'emergency');

-- CreateEnum
CREATE TYPE "Sentiment" AS ENUM ('positive', 'neutral', 'concerned', 'distressed');

-- CreateEnum
CREATE TYPE "Urgency" AS ENUM ('none', 'low', 'medium', 'high', 'critical');

-- CreateEnum
CREATE TYPE "AlertType" AS ENUM ('emergency', 'health_concern', 'missed_medication', 'missed_reminder', 'inactivity', 'unusual_pattern', 'device');

-- CreateEnum
CREATE TYPE "Severity" AS ENUM ('low', 'medium', 'high', 'critical');

-- CreateEnum
CREATE TYPE "AlertStatus" AS ENUM ('open', 'acknowledged', 'resolved', 'auto_resolved');

-- CreateEnum
CREATE TYPE "EscalationState" AS ENUM ('none', 'active', 'acknowledged', 'exhausted');

-- CreateEnum
CREATE TYPE "AlertEventKind" AS ENUM ('raised', 'occurrence', 'severity_raised', 'acknowledged', 'resolved', 'auto_resolved', 'note', 'escalated', 'nobody_reached');

-- CreateEnum
CREATE TYPE "NotificationChannel" AS ENUM ('sms', 'voice', 'push', 'email');

-- CreateEnum
CREATE TYPE "NotificationPurpose" AS ENUM ('alert', 'reminder', 'check_in', 'daily_summary', 'digest');

-- CreateEnum
CREATE TYPE "NotificationStatus" AS ENUM ('pending', 'held', 'sent', 'delivered', 'failed', 'simulated', 'skipped');

-- CreateEnum
CREATE TYPE "ActivityType" AS ENUM ('heartbeat', 'app_open', 'app_close', 'emergency', 'reminder_response', 'conversation', 'location_update', 'battery_update');

-- CreateEnum
CREATE TYPE "InsightType" AS ENUM ('pattern', 'preference', 'health_trend', 'behavior', 'communication', 'recommendation');

-- CreateEnum
CREATE TYPE "InsightCategory" AS ENUM ('medication', 'mood', 'activity', 'communication', 'health', 'general');

-- CreateEnum
CREATE TYPE "NoteCategory" AS ENUM ('medical', 'behavioral', 'preferences', 'routine', 'safety', 'family', 'other');

-- CreateEnum
CREATE TYPE "NotePriority" AS ENUM ('normal', 'important');

-- CreateEnum
CREATE TYPE "ActorType" AS ENUM ('caregiver', 'api_key', 'device', 'system');

-- CreateEnum
CREATE TYPE "SessionKind" AS ENUM ('web', 'api');

-- CreateEnum
CREATE TYPE "ConsentKind" AS ENUM ('data_processing', 'ai_companion', 'caregiver_sharing', 'sms_contact', 'analytics_anonymized');

-- CreateTable
CREATE TABLE "organizations" (
    "id" UUID NOT NULL,
    "name" VARCHAR(200) NOT NULL,
    "settings" JSONB NOT NULL DEFAULT '{}',
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "organizations_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "memberships" (
    "id" UUID NOT NULL,
    "organization_id" UUID NOT NULL,
    "caregiver_id" UUID NOT NULL,
    "role" "OrgRole" NOT NULL DEFAULT 'member',
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "memberships_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "caregivers" (
    "id" UUID NOT NULL,
    "email" VARCHAR(254) NOT NULL,
    "password_hash" VARCHAR(255) NOT NULL,
    "first_name" VARCHAR(100) NOT NULL,
    "last_name" VARCHAR(100) NOT NULL,
    "phone_number" VARCHAR(16),
    "timezone" VARCHAR(64) NOT NULL DEFAULT 'UTC',
    "preferences" JSONB NOT NULL DEFAULT '{}',
    "is_active" BOOLEAN NOT NULL DEFAULT true,
    "totp_secret" VARCHAR(64),
    "totp_enabled" BOOLEAN NOT NULL DEFAULT false,
    "last_login_at" TIMESTAMPTZ(3),
    "password_changed_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "caregivers_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "sessions" (
    "id" UUID NOT NULL,
    "caregiver_id" UUID NOT NULL,
    "kind" "SessionKind" NOT NULL,
    "ip" VARCHAR(64),
    "user_agent" VARCHAR(300),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "last_seen_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expires_at" TIMESTAMPTZ(3) NOT NULL,
    "revoked_at" TIMESTAMPTZ(3),
    "revoked_reason" VARCHAR(50),

    CONSTRAINT "sessions_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "refresh_tokens" (
    "id" UUID NOT NULL,
    "session_id" UUID NOT NULL,
    "token_hash" CHAR(64) NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expires_at" TIMESTAMPTZ(3) NOT NULL,
    "used_at" TIMESTAMPTZ(3),

    CONSTRAINT "refresh_tokens_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "login_throttles" (
    "key" VARCHAR(300) NOT NULL,
    "failures" INTEGER NOT NULL DEFAULT 0,
    "last_failure_at" TIMESTAMPTZ(3),
    "locked_until" TIMESTAMPTZ(3),

    CONSTRAINT "login_throttles_pkey" PRIMARY KEY ("key")
);

-- CreateTable
CREATE TABLE "rate_limit_buckets" (
    "key" VARCHAR(300) NOT NULL,
    "count" INTEGER NOT NULL DEFAULT 0,
    "window_ends" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "rate_limit_buckets_pkey" PRIMARY KEY ("key")
);

-- CreateTable
CREATE TABLE "api_keys" (
    "id" UUID NOT NULL,
    "caregiver_id" UUID NOT NULL,
    "name" VARCHAR(100) NOT NULL,
    "prefix" VARCHAR(16) NOT NULL,
    "key_hash" CHAR(64) NOT NULL,
    "scopes" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "last_used_at" TIMESTAMPTZ(3),
    "expires_at" TIMESTAMPTZ(3),
    "revoked_at" TIMESTAMPTZ(3),
    "rotated_from_id" UUID,

    CONSTRAINT "api_keys_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "patients" (
    "id" UUID NOT NULL,
    "organization_id" UUID NOT NULL,
    "first_name" VARCHAR(100) NOT NULL,
    "last_name" VARCHAR(100) NOT NULL,
    "preferred_name" VARCHAR(100),
    "date_of_birth" DATE NOT NULL,
    "gender" "Gender",
    "phone_number" VARCHAR(16),
    "address" VARCHAR(500),
    "emergency_contact_name" VARCHAR(100),
    "emergency_contact_phone" VARCHAR(16),
    "medical_conditions" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "medications" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "allergies" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "dietary_restrictions" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "personal_context" JSONB NOT NULL DEFAULT '{}',
    "profile_photo_url" VARCHAR(500),
    "timezone" VARCHAR(64) NOT NULL DEFAULT 'UTC',
    "preferred_voice" "PreferredVoice" NOT NULL DEFAULT 'neutral',
    "communication_style" "CommunicationStyle" NOT NULL DEFAULT 'friendly',
    "language" VARCHAR(10) NOT NULL DEFAULT 'en',
    "app_version" VARCHAR(20),
    "last_heartbeat_at" TIMESTAMPTZ(3),
    "last_active_at" TIMESTAMPTZ(3),
    "ai_model" VARCHAR(100),
    "ai_system_prompt" VARCHAR(4000),
    "ai_context_window" INTEGER,
    "settings" JSONB NOT NULL DEFAULT '{}',
    "is_active" BOOLEAN NOT NULL DEFAULT true,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "patients_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "care_team_members" (
    "id" UUID NOT NULL,
    "patient_id" UUID NOT NULL,
    "caregiver_id" UUID NOT NULL,
    "standing" "CareStanding" NOT NULL,
    "contact_order" INTEGER NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "care_team_members_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "pairing_codes" (
    "id" UUID NOT NULL,
    "patient_id" UUID NOT NULL,
    "token_hash" CHAR(64) NOT NULL,
    "created_by_id" UUID,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expires_at" TIMESTAMPTZ(3) NOT NULL,
    "used_at" TIMESTAMPTZ(3),
    "voided_at" TIMESTAMPTZ(3),

    CONSTRAINT "pairing_codes_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "patient_devices" (
    "id" UUID NOT NULL,
    "patient_id" UUID NOT NULL,
    "credential_hash" CHAR(64) NOT NULL,
    "platform" "DevicePlatform",
    "app_version" VARCHAR(20),
    "device_model" VARCHAR(100),
    "os_version" VARCHAR(50),
    "battery_level" INTEGER,
    "paired_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "last_seen_at" TIMESTAMPTZ(3),
    "revoked_at" TIMESTAMPTZ(3),

    CONSTRAINT "patient_devices_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "push_tokens" (
    "id" UUID NOT NULL,
    "device_id" UUID NOT NULL,
    "token" VARCHAR(4096) NOT NULL,
    "platform" "DevicePlatform" NOT NULL,
    "app_version" VARCHAR(20),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "push_tokens_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "schedules" (
    "id" UUID NOT NULL,
    "patient_id" UUID NOT NULL,
    "type" "ScheduleType" NOT NULL,
    "title" VARCHAR(200) NOT NULL,
    "instructions" VARCHAR(1000),
    "medication_name" VARCHAR(200),
    "dosage" VARCHAR(100),
    "recurrence" "Recurrence" NOT NULL DEFAULT 'daily',
    "days_of_week" INTEGER[] DEFAULT ARRAY[]::INTEGER[],
    "interval_days" INTEGER,
    "times_of_day" TEXT[],
    "start_date" DATE NOT NULL,
    "end_date" DATE,
    "advance_notice_minutes" INTEGER NOT NULL DEFAULT 0,
    "repeat_until_acknowledged" BOOLEAN NOT NULL DEFAULT true,
    "repeat_interval_minutes" INTEGER,
    "max_repeats" INTEGER,
    "missed_after_minutes" INTEGER,
    "alert_on_miss" BOOLEAN NOT NULL,
    "is_critical" BOOLEAN NOT NULL DEFAULT false,
    "is_active" BOOLEAN NOT NULL DEFAULT true,
    "created_by_id" UUID,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "schedules_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "reminders" (
    "id" UUID NOT NULL,
    "patient_id" UUID NOT NULL,
    "schedule_id" UUID,
    "occurrence_at" TIMESTAMPTZ(3),
    "type" "ScheduleType" NOT NULL,
    "title" VARCHAR(200) NOT NULL,
    "message" VARCHAR(1000),
    "due_at" TIMESTAMPTZ(3) NOT NULL,
    "status" "ReminderStatus" NOT NULL DEFAULT 'pending',
    "next_action_at" TIMESTAMPTZ(3),
    "delivery_count" INTEGER NOT NULL DEFAULT 0,
    "last_delivered_at" TIMESTAMPTZ(3),
    "snoozed_until" TIMESTAMPTZ(3),
    "completed_at" TIMESTAMPTZ(3),
    "completed_via" "CompletedVia",
    "completed_by_id" UUID,
    "missed_at" TIMESTAMPTZ(3),
    "patient_response" VARCHAR(1000),
    "notes" VARCHAR(500),
    "alert_id" UUID,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "reminders_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "conversations" (
    "id" UUID NOT NULL,
    "patient_id" UUID NOT NULL,
    "device_id" UUID,
    "conversation_type" "ConversationType" NOT NULL,
    "started_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "last_turn_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "turn_count" INTEGER NOT NULL DEFAULT 0,
    "sentiment" "Sentiment",
    "urgency_level" "Urgency" NOT NULL DEFAULT 'none',
    "topics" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "health_mentions" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "summary" VARCHAR(2000),

    CONSTRAINT "conversations_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "conversation_turns" (
    "id" UUID NOT NULL,
    "conversation_id" UUID NOT NULL,
    "patient_id" UUID NOT NULL,
    "sequence" INTEGER NOT NULL,
    "patient_message" VARCHAR(5000) NOT NULL,
    "ai_response" VARCHAR(5000) NOT NULL,
    "sentiment" "Sentiment",
    "urgency_level" "Urgency" NOT NULL DEFAULT 'none',
    "intent" VARCHAR(50),
    "health_mentions" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "topics" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "analysis" JSONB NOT NULL DEFAULT '{}',
    "provider" VARCHAR(100) NOT NULL,
    "response_time_ms" INTEGER,
    "reminder_id" UUID,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "conversation_turns_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "daily_summaries" (
    "id" UUID NOT NULL,
    "patient_id" UUID NOT NULL,
    "summary_date" DATE NOT NULL,
    "total_reminders" INTEGER NOT NULL DEFAULT 0,
    "completed_reminders" INTEGER NOT NULL DEFAULT 0,
    "missed_reminders" INTEGER NOT NULL DEFAULT 0,
    "adherence_overall" DOUBLE PRECISION,
    "adherence_medication" DOUBLE PRECISION,
    "adherence_meal" DOUBLE PRECISION,
    "conversation_count" INTEGER NOT NULL DEFAULT 0,
    "overall_sentiment" "Sentiment",
    "active_hours" INTEGER[] DEFAULT ARRAY[]::INTEGER[],
    "alert_count" INTEGER NOT NULL DEFAULT 0,
    "narrative" VARCHAR(4000) NOT NULL,
    "narrative_source" VARCHAR(100) NOT NULL,
    "details" JSONB NOT NULL DEFAULT '{}',
    "generated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "daily_summaries_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "insights" (
    "id" UUID NOT NULL,
    "patient_id" UUID NOT NULL,
    "insight_type" "InsightType" NOT NULL,
    "category" "InsightCategory" NOT NULL,
    "title" VARCHAR(200) NOT NULL,
    "description" VARCHAR(4000) NOT NULL,
    "confidence" DOUBLE PRECISION NOT NULL,
    "evidence" JSONB NOT NULL DEFAULT '[]',
    "period_start" DATE NOT NULL,
    "period_end" DATE NOT NULL,
    "generated_by" VARCHAR(100) NOT NULL,
    "is_active" BOOLEAN NOT NULL DEFAULT true,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "insights_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "caregiver_notes" (
    "id" UUID NOT NULL,
    "patient_id" UUID NOT NULL,
    "author_id" UUID,
    "title" VARCHAR(200) NOT NULL,
    "content" VARCHAR(5000) NOT NULL,
    "category" "NoteCategory" NOT NULL,
    "priority" "NotePriority" NOT NULL DEFAULT 'normal',
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "caregiver_notes_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "activity_logs" (
    "id" UUID NOT NULL,
    "patient_id" UUID NOT NULL,
    "device_id" UUID,
    "activity_type" "ActivityType" NOT NULL,
    "device_type" VARCHAR(20),
    "app_version" VARCHAR(20),
    "battery_level" INTEGER,
    "latitude" DOUBLE PRECISION,
    "longitude" DOUBLE PRECISION,
    "details" JSONB NOT NULL DEFAULT '{}',
    "occurred_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "activity_logs_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "alerts" (
    "id" UUID NOT NULL,
    "patient_id" UUID NOT NULL,
    "type" "AlertType" NOT NULL,
    "severity" "Severity" NOT NULL,
    "status" "AlertStatus" NOT NULL DEFAULT 'open',
    "title" VARCHAR(200) NOT NULL,
    "description" VARCHAR(4000) NOT NULL,
    "recommended_action" VARCHAR(1000),
    "source" VARCHAR(100) NOT NULL,
    "dedup_key" VARCHAR(200) NOT NULL,
    "open_key" VARCHAR(300),
    "evidence" JSONB NOT NULL DEFAULT '[]',
    "occurrence_count" INTEGER NOT NULL DEFAULT 1,
    "first_occurred_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "last_occurred_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "acknowledged_at" TIMESTAMPTZ(3),
    "acknowledged_by_id" UUID,
    "acknowledged_via" VARCHAR(20),
    "resolved_at" TIMESTAMPTZ(3),
    "resolved_by_id" UUID,
    "resolution_note" VARCHAR(2000),
    "escalation_state" "EscalationState" NOT NULL DEFAULT 'none',
    "escalation_step" INTEGER NOT NULL DEFAULT 0,
    "next_escalation_at" TIMESTAMPTZ(3),
    "nobody_reached_at" TIMESTAMPTZ(3),
    "ack_code" VARCHAR(8),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "alerts_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "alert_events" (
    "id" UUID NOT NULL,
    "alert_id" UUID NOT NULL,
    "kind" "AlertEventKind" NOT NULL,
    "actor_type" "ActorType" NOT NULL,
    "actor_id" UUID,
    "note" VARCHAR(2000),
    "data" JSONB NOT NULL DEFAULT '{}',
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "alert_events_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "notification_attempts" (
    "id" UUID NOT NULL,
    "idempotency_key" VARCHAR(300) NOT NULL,
    "patient_id" UUID NOT NULL,
    "caregiver_id" UUID,
    "alert_id" UUID,
    "reminder_id" UUID,
    "summary_id" UUID,
    "channel" "NotificationChannel" NOT NULL,
    "purpose" "NotificationPurpose" NOT NULL,
    "recipient" VARCHAR(4096) NOT NULL,
    "status" "NotificationStatus" NOT NULL DEFAULT 'pending',
    "held_until" TIMESTAMPTZ(3),
    "provider_id" VARCHAR(200),
    "error" VARCHAR(1000),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "sent_at" TIMESTAMPTZ(3),
    "status_updated_at" TIMESTAMPTZ(3),

    CONSTRAINT "notification_attempts_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "audit_events" (
    "id" UUID NOT NULL,
    "organization_id" UUID,
    "actor_type" "ActorType" NOT NULL,
    "actor_id" UUID,
    "action" VARCHAR(100) NOT NULL,
    "target_type" VARCHAR(50) NOT NULL,
    "target_id" VARCHAR(100),
    "patient_id" UUID,
    "request_id" VARCHAR(100),
    "ip" VARCHAR(64),
    "metadata" JSONB NOT NULL DEFAULT '{}',
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "audit_events_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "consents" (
    "id" UUID NOT NULL,
    "patient_id" UUID NOT NULL,
    "kind" "ConsentKind" NOT NULL,
    "granted" BOOLEAN NOT NULL,
    "given_by" VARCHAR(50) NOT NULL,
    "recorded_by_id" UUID,
    "note" VARCHAR(1000),
    "recorded_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "revoked_at" TIMESTAMPTZ(3),

    CONSTRAINT "consents_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "memberships_caregiver_id_idx" ON "memberships"("caregiver_id");

-- CreateIndex
CREATE UNIQUE INDEX "memberships_organization_id_caregiver_id_key" ON "memberships"("organization_id", "caregiver_id");

-- CreateIndex
CREATE UNIQUE INDEX "caregivers_email_key" ON "caregivers"("email");

-- CreateIndex
CREATE INDEX "sessions_caregiver_id_idx" ON "sessions"("caregiver_id");

-- CreateIndex
CREATE UNIQUE INDEX "refresh_tokens_token_hash_key" ON "refresh_tokens"("token_hash");

-- CreateIndex
CREATE INDEX "refresh_tokens_session_id_idx" ON "refresh_tokens"("session_id");

-- CreateIndex
CREATE INDEX "rate_limit_buckets_window_ends_idx" ON "rate_limit_buckets"("window_ends");

-- CreateIndex
CREATE UNIQUE INDEX "api_keys_key_hash_key" ON "api_keys"("key_hash");

-- CreateIndex
CREATE INDEX "api_keys_caregiver_id_idx" ON "api_keys"("caregiver_id");

-- CreateIndex
CREATE INDEX "patients_organization_id_last_name_first_name_idx" ON "patients"("organization_id", "last_name", "first_name");

-- CreateIndex
CREATE INDEX "patients_organization_id_created_at_idx" ON "patients"("organization_id", "created_at");

-- CreateIndex
CREATE INDEX "care_team_members_caregiver_id_idx" ON "care_team_members"("caregiver_id");

-- CreateIndex
CREATE UNIQUE INDEX "care_team_members_patient_id_caregiver_id_key" ON "care_team_members"("patient_id", "caregiver_id");

-- CreateIndex
CREATE UNIQUE INDEX "pairing_codes_token_hash_key" ON "pairing_codes"("token_hash");

-- CreateIndex
CREATE INDEX "pairing_codes_patient_id_idx" ON "pairing_codes"("patient_id");

-- CreateIndex
CREATE INDEX "pairing_codes_created_by_id_idx" ON "pairing_codes"("created_by_id");

-- CreateIndex
CREATE UNIQUE INDEX "patient_devices_credential_hash_key" ON "patient_devices"("credential_hash");

-- CreateIndex
CREATE INDEX "patient_devices_patient_id_idx" ON "patient_devices"("patient_id");

-- CreateIndex
CREATE INDEX "push_tokens_token_idx" ON "push_tokens"("token");

-- CreateIndex
CREATE UNIQUE INDEX "push_tokens_device_id_token_key" ON "push_tokens"("device_id", "token");

-- CreateIndex
CREATE INDEX "schedules_patient_id_is_active_type_idx" ON "schedules"("patient_id", "is_active", "type");

-- CreateIndex
CREATE INDEX "schedules_created_by_id_idx" ON "schedules"("created_by_id");

-- CreateIndex
CREATE INDEX "reminders_patient_id_due_at_idx" ON "reminders"("patient_id", "due_at");

-- CreateIndex
CREATE INDEX "reminders_status_next_action_at_idx" ON "reminders"("status", "next_action_at");

-- CreateIndex
CREATE INDEX "reminders_completed_by_id_idx" ON "reminders"("completed_by_id");

-- CreateIndex
CREATE INDEX "reminders_alert_id_idx" ON "reminders"("alert_id");

-- CreateIndex
CREATE UNIQUE INDEX "reminders_schedule_id_occurrence_at_key" ON "reminders"("schedule_id", "occurrence_at");

-- CreateIndex
CREATE INDEX "conversations_patient_id_started_at_idx" ON "conversations"("patient_id", "started_at");

-- CreateIndex
CREATE INDEX "conversations_device_id_idx" ON "conversations"("device_id");

-- CreateIndex
CREATE INDEX "conversation_turns_patient_id_created_at_idx" ON "conversation_turns"("patient_id", "created_at");

-- CreateIndex
CREATE INDEX "conversation_turns_reminder_id_idx" ON "conversation_turns"("reminder_id");

-- CreateIndex
CREATE UNIQUE INDEX "conversation_turns_conversation_id_sequence_key" ON "conversation_turns"("conversation_id", "sequence");

-- CreateIndex
CREATE UNIQUE INDEX "daily_summaries_patient_id_summary_date_key" ON "daily_summaries"("patient_id", "summary_date");

-- CreateIndex
CREATE INDEX "insights_patient_id_created_at_idx" ON "insights"("patient_id", "created_at");

-- CreateIndex
CREATE INDEX "caregiver_notes_patient_id_created_at_idx" ON "caregiver_notes"("patient_id", "created_at");

-- CreateIndex
CREATE INDEX "caregiver_notes_author_id_idx" ON "caregiver_notes"("author_id");

-- CreateIndex
CREATE INDEX "activity_logs_patient_id_occurred_at_idx" ON "activity_logs"("patient_id", "occurred_at");

-- CreateIndex
CREATE INDEX "activity_logs_patient_id_activity_type_occurred_at_idx" ON "activity_logs"("patient_id", "activity_type", "occurred_at");

-- CreateIndex
CREATE INDEX "activity_logs_device_id_idx" ON "activity_logs"("device_id");

-- CreateIndex
CREATE UNIQUE INDEX "alerts_open_key_key" ON "alerts"("open_key");

-- CreateIndex
CREATE INDEX "alerts_patient_id_status_created_at_idx" ON "alerts"("patient_id", "status", "created_at");

-- CreateIndex
CREATE INDEX "alerts_patient_id_created_at_idx" ON "alerts"("patient_id", "created_at");

-- CreateIndex
CREATE INDEX "alerts_status_next_escalation_at_idx" ON "alerts"("status", "next_escalation_at");

-- CreateIndex
CREATE INDEX "alerts_acknowledged_by_id_idx" ON "alerts"("acknowledged_by_id");

-- CreateIndex
CREATE INDEX "alerts_resolved_by_id_idx" ON "alerts"("resolved_by_id");

-- CreateIndex
CREATE INDEX "alert_events_alert_id_created_at_idx" ON "alert_events"("alert_id", "created_at");

-- CreateIndex
CREATE UNIQUE INDEX "notification_attempts_idempotency_key_key" ON "notification_attempts"("idempotency_key");

-- CreateIndex
CREATE INDEX "notification_attempts_patient_id_created_at_idx" ON "notification_attempts"("patient_id", "created_at");

-- CreateIndex
CREATE INDEX "notification_attempts_caregiver_id_created_at_idx" ON "notification_attempts"("caregiver_id", "created_at");

-- CreateIndex
CREATE INDEX "notification_attempts_alert_id_idx" ON "notification_attempts"("alert_id");

-- CreateIndex
CREATE INDEX "notification_attempts_reminder_id_idx" ON "notification_attempts"("reminder_id");

-- CreateIndex
CREATE INDEX "notification_attempts_summary_id_idx" ON "notification_attempts"("summary_id");

-- CreateIndex
CREATE INDEX "notification_attempts_status_held_until_idx" ON "notification_attempts"("status", "held_until");

-- CreateIndex
CREATE INDEX "notification_attempts_provider_id_idx" ON "notification_attempts"("provider_id");

-- CreateIndex
CREATE INDEX "audit_events_organization_id_created_at_idx" ON "audit_events"("organization_id", "created_at");

-- CreateIndex
CREATE INDEX "audit_events_patient_id_created_at_idx" ON "audit_events"("patient_id", "created_at");

-- CreateIndex
CREATE INDEX "audit_events_actor_id_created_at_idx" ON "audit_events"("actor_id", "created_at");

-- CreateIndex
CREATE INDEX "consents_patient_id_kind_idx" ON "consents"("patient_id", "kind");

-- CreateIndex
CREATE INDEX "consents_recorded_by_id_idx" ON "consents"("recorded_by_id");

-- AddForeignKey
ALTER TABLE "memberships" ADD CONSTRAINT "memberships_organization_id_fkey" FOREIGN KEY ("organization_id") REFERENCES "organizations"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "memberships" ADD CONSTRAINT "memberships_caregiver_id_fkey" FOREIGN KEY ("caregiver_id") REFERENCES "caregivers"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "sessions" ADD CONSTRAINT "sessions_caregiver_id_fkey" FOREIGN KEY ("caregiver_id") REFERENCES "caregivers"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "refresh_tokens" ADD CONSTRAINT "refresh_tokens_session_id_fkey" FOREIGN KEY ("session_id") REFERENCES "sessions"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "api_keys" ADD CONSTRAINT "api_keys_caregiver_id_fkey" FOREIGN KEY ("caregiver_id") REFERENCES "caregivers"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "patients" ADD CONSTRAINT "patients_organization_id_fkey" FOREIGN KEY ("organization_id") REFERENCES "organizations"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "care_team_members" ADD CONSTRAINT "care_team_members_patient_id_fkey" FOREIGN KEY ("patient_id") REFERENCES "patients"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "care_team_members" ADD CONSTRAINT "care_team_members_caregiver_id_fkey" FOREIGN KEY ("caregiver_id") REFERENCES "caregivers"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "pairing_codes" ADD CONSTRAINT "pairing_codes_patient_id_fkey" FOREIGN KEY ("patient_id") REFERENCES "patients"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "pairing_codes" ADD CONSTRAINT "pairing_codes_created_by_id_fkey" FOREIGN KEY ("created_by_id") REFERENCES "caregivers"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "patient_devices" ADD CONSTRAINT "patient_devices_patient_id_fkey" FOREIGN KEY ("patient_id") REFERENCES "patients"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "push_tokens" ADD CONSTRAINT "push_tokens_device_id_fkey" FOREIGN KEY ("device_id") REFERENCES "patient_devices"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "schedules" ADD CONSTRAINT "schedules_patient_id_fkey" FOREIGN KEY ("patient_id") REFERENCES "patients"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "schedules" ADD CONSTRAINT "schedules_created_by_id_fkey" FOREIGN KEY ("created_by_id") REFERENCES "caregivers"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "reminders" ADD CONSTRAINT "reminders_patient_id_fkey" FOREIGN KEY ("patient_id") REFERENCES "patients"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "reminders" ADD CONSTRAINT "reminders_schedule_id_fkey" FOREIGN KEY ("schedule_id") REFERENCES "schedules"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "reminders" ADD CONSTRAINT "reminders_completed_by_id_fkey" FOREIGN KEY ("completed_by_id") REFERENCES "caregivers"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "reminders" ADD CONSTRAINT "reminders_alert_id_fkey" FOREIGN KEY ("alert_id") REFERENCES "alerts"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "conversations" ADD CONSTRAINT "conversations_patient_id_fkey" FOREIGN KEY ("patient_id") REFERENCES "patients"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "conversations" ADD CONSTRAINT "conversations_device_id_fkey" FOREIGN KEY ("device_id") REFERENCES "patient_devices"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "conversation_turns" ADD CONSTRAINT "conversation_turns_conversation_id_fkey" FOREIGN KEY ("conversation_id") REFERENCES "conversations"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "conversation_turns" ADD CONSTRAINT "conversation_turns_patient_id_fkey" FOREIGN KEY ("patient_id") REFERENCES "patients"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "conversation_turns" ADD CONSTRAINT "conversation_turns_reminder_id_fkey" FOREIGN KEY ("reminder_id") REFERENCES "reminders"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "daily_summaries" ADD CONSTRAINT "daily_summaries_patient_id_fkey" FOREIGN KEY ("patient_id") REFERENCES "patients"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "insights" ADD CONSTRAINT "insights_patient_id_fkey" FOREIGN KEY ("patient_id") REFERENCES "patients"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "caregiver_notes" ADD CONSTRAINT "caregiver_notes_patient_id_fkey" FOREIGN KEY ("patient_id") REFERENCES "patients"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "caregiver_notes" ADD CONSTRAINT "caregiver_notes_author_id_fkey" FOREIGN KEY ("author_id") REFERENCES "caregivers"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "activity_logs" ADD CONSTRAINT "activity_logs_patient_id_fkey" FOREIGN KEY ("patient_id") REFERENCES "patients"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "activity_logs" ADD CONSTRAINT "activity_logs_device_id_fkey" FOREIGN KEY ("device_id") REFERENCES "patient_devices"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "alerts" ADD CONSTRAINT "alerts_patient_id_fkey" FOREIGN KEY ("patient_id") REFERENCES "patients"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "alerts" ADD CONSTRAINT "alerts_acknowledged_by_id_fkey" FOREIGN KEY ("acknowledged_by_id") REFERENCES "caregivers"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "alerts" ADD CONSTRAINT "alerts_resolved_by_id_fkey" FOREIGN KEY ("resolved_by_id") REFERENCES "caregivers"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "alert_events" ADD CONSTRAINT "alert_events_alert_id_fkey" FOREIGN KEY ("alert_id") REFERENCES "alerts"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "notification_attempts" ADD CONSTRAINT "notification_attempts_patient_id_fkey" FOREIGN KEY ("patient_id") REFERENCES "patients"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "notification_attempts" ADD CONSTRAINT "notification_attempts_caregiver_id_fkey" FOREIGN KEY ("caregiver_id") REFERENCES "caregivers"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "notification_attempts" ADD CONSTRAINT "notification_attempts_alert_id_fkey" FOREIGN KEY ("alert_id") REFERENCES "alerts"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "notification_attempts" ADD CONSTRAINT "notification_attempts_reminder_id_fkey" FOREIGN KEY ("reminder_id") REFERENCES "reminders"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "notification_attempts" ADD CONSTRAINT "notification_attempts_summary_id_fkey" FOREIGN KEY ("summary_id") REFERENCES "daily_summaries"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "audit_events" ADD CONSTRAINT "audit_events_organization_id_fkey" FOREIGN KEY ("organization_id") REFERENCES "organizations"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "consents" ADD CONSTRAINT "consents_patient_id_fkey" FOREIGN KEY ("patient_id") REFERENCES "patients"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "consents" ADD CONSTRAINT "consents_recorded_by_id_fkey" FOREIGN KEY ("recorded_by_id") REFERENCES "caregivers"("id") ON DELETE SET NULL ON UPDATE CASCADE;

