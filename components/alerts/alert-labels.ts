import type { AlertStatus, AlertType, Sentiment, Severity } from "@/lib/db/generated/enums";
/** How alerts read on the dashboard: the caregiver's words for the API's values (no server code here). */
export const ALERT_TYPE_LABEL: Record<AlertType, string> = {
  emergency: "Emergency",
  health_concern: "Health concern",
  missed_medication: "Missed medication",
  missed_reminder: "Missed reminder",
  inactivity: "No sign of life",
  unusual_pattern: "Unusual pattern",
  device: "Phone problem",
};

export const SEVERITY_LABEL: Record<Severity, string> = { critical: "Critical", high: "High", medium: "Medium", low: "Low" };

export const STATUS_LABEL: Record<AlertStatus, string> = {
  open: "Open",
  acknowledged: "Acknowledged",
  resolved: "Resolved",
  auto_resolved: "Resolved automatically",
};

export const SENTIMENT_LABEL: Record<Sentiment, string> = { positive: "Positive", neutral: "Neutral", concerned: "Concerned", distressed: "Distressed" };
