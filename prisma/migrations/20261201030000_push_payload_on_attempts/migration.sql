-- AlterTable
ALTER TABLE "notification_attempts" ADD COLUMN     "payload" JSONB;

-- A patient push is now rendered when its attempt is recorded, and its sender sends the stored payload. Pushes
-- recorded before this change and not sent yet were to be rendered by the sender: render them here, as
-- lib/reminders/deliver-reminders.ts (reminderPush) and lib/inactivity/check-in-push.ts do, so the deploy loses
-- none. (A check-in goes without its conversation opener; lib/notifications/push-payload-backfill.test.ts
-- holds these statements to the code.)
UPDATE "notification_attempts" a SET "payload" = jsonb_build_object(
    'title', CASE WHEN r.delivery_count > 1 THEN 'Elda: a reminder, again' ELSE 'Elda: a reminder' END,
    'body', CASE r.type WHEN 'medication' THEN 'It''s time for your medicine.' WHEN 'meal' THEN 'It''s time to eat.'
      WHEN 'exercise' THEN 'It''s time to move a little.' WHEN 'appointment' THEN 'You have an appointment coming up.'
      WHEN 'hydration' THEN 'It''s time for a drink.' ELSE 'You have a reminder.' END || ' Open Elda to hear it.',
    'data', jsonb_build_object(
      'type', 'reminder',
      'reminder_id', r.id::text,
      'reminder_type', r.type::text,
      'speak_text', s.speak,
      'requires_response', 'true',
      'voice_check_in', CASE WHEN r.delivery_count > 1 THEN 'true' ELSE 'false' END,
      'retry_count', greatest(r.delivery_count - 1, 0)::text,
      'notification_type', CASE WHEN r.type = 'medication' THEN 'medication_reminder' ELSE 'general' END,
      'priority', CASE WHEN r.type = 'medication' THEN 'high' ELSE 'medium' END))
FROM "reminders" r
JOIN "patients" p ON p.id = r.patient_id
CROSS JOIN LATERAL (
  SELECT 'Hi! '
    || CASE r.type WHEN 'medication' THEN 'It''s time for your medication: ' WHEN 'appointment' THEN 'Reminder about your appointment: ' ELSE 'It''s time for ' END
    || r.title || '. This is scheduled for ' || to_char(r.due_at AT TIME ZONE p.timezone, 'FMHH12:MI AM') || '.'
    || COALESCE(' ' || NULLIF(r.message, ''), '') AS speak
) s
WHERE a.reminder_id = r.id AND a.channel = 'push' AND a.purpose = 'reminder' AND a.payload IS NULL AND a.status IN ('pending', 'sending');

UPDATE "notification_attempts" a SET "payload" = jsonb_build_object(
    'title', 'Are you all right?',
    'body', s.text,
    'data', jsonb_build_object(
      'type', 'check_in',
      'speak_text', s.text,
      'requires_response', 'true',
      'voice_check_in', 'true',
      'retry_count', '0',
      'notification_type', 'check_in',
      'priority', 'high'))
FROM "patients" p
CROSS JOIN LATERAL (
  SELECT 'Hi ' || COALESCE(NULLIF(p.preferred_name, ''), p.first_name) || ', we haven''t heard from you in a while. Are you all right?' AS text
) s
WHERE a.patient_id = p.id AND a.channel = 'push' AND a.purpose = 'check_in' AND a.payload IS NULL AND a.status IN ('pending', 'sending');
