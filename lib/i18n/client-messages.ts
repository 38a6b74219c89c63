/**
 * The parts of the catalogue the browser gets: the namespaces (or their parts) that components read with
 * `useTranslations`, which may render in the browser. Every other message (page headings, server-rendered
 * lists, the `validation` sentences) is used on the server only and stays there, so a page's payload carries
 * about half of one locale's catalogue instead of all of it (docs/benchmarks.md, issue 15).
 * lib/i18n/client-messages.test.ts fails when a `useTranslations("...")` reads outside this list.
 */
export const CLIENT_MESSAGE_PATHS = [
  "alerts.badge",
  "alerts.bulk",
  "alerts.filters",
  "alerts.list",
  "alerts.notice",
  "analytics",
  "auth",
  "common.facilityFilter",
  "conversations",
  "devices",
  "errors.alertNotFound",
  "forms",
  "home",
  "insights",
  "invitations.form",
  "labels",
  "layout",
  "notes.form",
  "organization.memberForms",
  "organization.ownership",
  "organization.settings",
  "patientLabels",
  "patients.careTeamForm",
  "patients.consentForm",
  "patients.form",
  "patients.header",
  "patients.labels",
  "patients.list",
  "patients.monitoringForms",
  "patients.notFound",
  "patients.profile",
  "patients.shared",
  "patients.tabs",
  "routine.form",
  "routine.list",
  "routine.recurrence",
  "routine.reminder",
  "settings.apiKeys",
  "settings.browser",
  "settings.language",
  "settings.nav",
  "settings.notifications",
  "settings.password",
  "settings.profile",
  "transfers.acceptForm",
  "transfers.requestForm",
  "twoFactor.disable",
  "twoFactor.setup",
] as const;

type Messages = { [key: string]: string | Messages };

/** The catalogue cut down to CLIENT_MESSAGE_PATHS (missing paths are left out, not invented). */
export function clientMessages(all: Messages): Messages {
  const out: Messages = {};
  for (const path of CLIENT_MESSAGE_PATHS) {
    const keys = path.split(".");
    let from: string | Messages | undefined = all;
    for (const k of keys) from = typeof from === "object" ? from[k] : undefined;
    if (from === undefined) continue;
    let into = out;
    for (const k of keys.slice(0, -1)) into = (into[k] ??= {}) as Messages;
    into[keys.at(-1)!] = from;
  }
  return out;
}
