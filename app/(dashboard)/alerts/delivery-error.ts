import en from "@/messages/en/alerts.json";

export type DeliveryErrorKey = keyof typeof en.detail.deliveryError;
const KNOWN = Object.entries(en.detail.deliveryError) as [DeliveryErrorKey, string][];

/**
 * The delivery log's reasons are stored as the sender wrote them, in English. The fixed ones have a key in
 * `alerts.detail.deliveryError` (found by their English text, like lib/i18n/server-messages); a provider's own
 * message (an SMS or e-mail service's error, a status code) has none and shows as written.
 */
export function deliveryErrorKey(error: string): DeliveryErrorKey | undefined {
  return KNOWN.find(([, sentence]) => sentence === error)?.[0];
}
