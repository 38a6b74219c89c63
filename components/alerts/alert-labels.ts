import type { AlertStatus, AlertType, Sentiment, Severity } from "@/lib/db/generated/enums";
import labels from "@/messages/en/labels.json";

/**
 * English names of the API's values, for English-only code not yet translated. A translated page reads the
 * `labels` namespace in the caregiver's language instead (`t(\`alertType.${type}\`)`): same words, one source.
 */
export const ALERT_TYPE_LABEL: Record<AlertType, string> = labels.alertType;
export const SEVERITY_LABEL: Record<Severity, string> = labels.severity;
export const STATUS_LABEL: Record<AlertStatus, string> = labels.alertStatus;
export const SENTIMENT_LABEL: Record<Sentiment, string> = labels.sentiment;
