/** The kinds of consent (SPEC §8) and who may give one, in the order the Overview and the consent form show them; their words are in the `patientLabels` catalogue. */
export const CONSENT_KINDS = ["data_processing", "ai_companion", "caregiver_sharing", "sms_contact", "analytics_anonymized"] as const;
export const CONSENT_GIVERS = ["patient", "legal_guardian", "caregiver_on_behalf"] as const;

export type ConsentKindName = (typeof CONSENT_KINDS)[number];
export type ConsentGiver = (typeof CONSENT_GIVERS)[number];

export const isConsentKind = (k: string): k is ConsentKindName => (CONSENT_KINDS as readonly string[]).includes(k);
export const isConsentGiver = (g: string): g is ConsentGiver => (CONSENT_GIVERS as readonly string[]).includes(g);
