/** Each kind of consent in words for the family (SPEC §8); shared by the Overview page (a server component) and the consent form (a client one). */
export const CONSENT_KIND_TEXT: Record<string, { title: string; about: string }> = {
  data_processing: { title: "Using Elda at all", about: "Keeping their routine, reminders and alerts so Elda can look after them." },
  ai_companion: {
    title: "Voice companion",
    about:
      "Talking with the companion, and sending what they say to the AI model. Without it the phone says the companion is off; an emergency still raises an alert.",
  },
  caregiver_sharing: { title: "Sharing with the care team", about: "Showing their information and alerts to the caregivers on their care team." },
  sms_contact: { title: "Text messages to their own phone", about: "Elda sending SMS to the patient's own number." },
  analytics_anonymized: { title: "Anonymized statistics", about: "Including their data, without name or contact details, in anonymized exports." },
};

export const CONSENT_GIVEN_BY: Record<string, string> = {
  patient: "The patient",
  legal_guardian: "Their legal guardian",
  caregiver_on_behalf: "A caregiver on their behalf",
};
