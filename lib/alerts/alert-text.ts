import { createTranslator } from "next-intl";
import en from "@/messages/en/alertContent.json";
import es from "@/messages/es/alertContent.json";
import type { AlertType, Severity } from "@/lib/db/generated/enums";
import { alertKindOf } from "@/lib/caregiver-messages/alert-kind";
import type { Locale } from "@/lib/i18n/locales";

/**
 * An alert's title, description and recommended action in the caregiver's language, at display time. The
 * server writes them once, in English (the API returns that text, and English shows it unchanged); another
 * language composes them from what the alert records structurally: the rule that fired (`alertKindOf`: type,
 * source, severity), the patient's name and the values of its evidence. Never a translation of the stored
 * sentence. Pure and synchronous (server or client): both locales' small `alertContent` namespace are bundled.
 */

const catalogues = { en, es } satisfies Record<Locale, typeof en>;
const translators = new Map<Locale, ReturnType<typeof make>>();
function make(locale: Locale) {
  return createTranslator({ locale, messages: { alertContent: catalogues[locale] }, namespace: "alertContent" });
}
function words(locale: Locale) {
  let t = translators.get(locale);
  if (!t) translators.set(locale, (t = make(locale)));
  return t;
}

type Evidence = Record<string, unknown>;
const str = (v: unknown) => (typeof v === "string" && v.trim() ? v : undefined);
const num = (v: unknown) => (typeof v === "number" && Number.isFinite(v) ? v : undefined);
const obj = (v: unknown) => (v && typeof v === "object" && !Array.isArray(v) ? (v as Evidence) : undefined);
const latestOf = (evidence: unknown): Evidence => (Array.isArray(evidence) ? (obj(evidence.at(-1)) ?? {}) : {});

/** The few values of an alert's latest evidence its title carries (the home page's list gets these, not the evidence). */
export interface AlertTitleFacts {
  /** whole hours of silence (inactivity) or of a silent phone */
  hours: number | null;
  /** the phone's battery level, 0-100 */
  battery: number | null;
  /** a missed reminder's title (written by the care team) */
  reminder: string | null;
}

export function alertTitleFacts(evidence: unknown): AlertTitleFacts {
  const e = latestOf(evidence);
  const hours = num(e.silence_hours) ?? num(e.offline_hours);
  return { hours: hours === undefined ? null : Math.floor(hours), battery: num(e.battery_level) ?? null, reminder: str(e.title) ?? null };
}

/** What the title needs: the alert as the API presents it (`title` is its stored English title). */
export interface AlertForTitle {
  type: AlertType;
  severity: Severity;
  source: string;
  title: string;
  /** the patient's full name, as the stored titles name them */
  patient_name: string;
}

export interface AlertForText extends AlertForTitle {
  evidence: unknown;
  description: string;
  recommended_action: string | null;
  /** the name to call them by in the recommended action (preferred or first name); the full name when not given */
  patient_first_name?: string;
}

export interface AlertText {
  title: string;
  description: string;
  recommendedAction: string | null;
}

const via = (source: string) => (source.startsWith("companion_off") ? "phone" : "companion");
const percent = (locale: Locale, level: number) => new Intl.NumberFormat(locale, { style: "percent", maximumFractionDigits: 0 }).format(level / 100);
const moment = (locale: Locale, iso: string | undefined, timeZone: string) => {
  const d = iso ? new Date(iso) : null;
  return d && !Number.isNaN(d.getTime()) ? new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeStyle: "short", timeZone }).format(d) : undefined;
};

/** The title in `locale`: English is the stored title; `facts` are the latest evidence's values (`alertTitleFacts`). */
export function alertTitle(alert: AlertForTitle, facts: AlertTitleFacts | undefined, locale: Locale): string {
  if (locale === "en") return alert.title;
  const t = words(locale);
  const kind = alertKindOf({ ...alert, evidence: [] });
  const name = alert.patient_name;
  // an answer from before the overview carried title_facts has none: the title says less, never fails
  const { hours: factHours, battery, reminder } = facts ?? { hours: null, battery: null, reminder: null };
  const hours = factHours ?? kind.hours;
  switch (kind.name) {
    case "emergency_button":
    case "safety_question_unanswered":
      return t(`title.${kind.name}`, { name });
    case "danger_said":
    case "concern_said":
      return t(`title.${kind.name}`, { name, via: via(alert.source) });
    case "missed_medication":
    case "missed_reminder":
      return reminder ? t(`title.${kind.name}`, { reminder }) : t(`title.${kind.name}_unnamed`, { name });
    case "inactivity":
      return hours === undefined
        ? t("title.inactivity_unknown", { name })
        : t(alert.severity === "critical" ? "title.inactivity_critical" : "title.inactivity", { name, hours });
    case "phone_offline":
      return hours === undefined ? t("title.phone_offline_unknown", { name }) : t("title.phone_offline", { name, hours });
    case "battery_low":
      return battery === null ? t("title.battery_low_unknown", { name }) : t("title.battery_low", { name, battery: percent(locale, battery) });
    default:
      return t(`title.${kind.name}`, { name });
  }
}

/**
 * Title, description and recommended action in `locale` (English: the stored text, unchanged). `timeZone`
 * is the zone the description's dates and times are written in (the reader's, as the page shows its dates).
 */
export function alertText(alert: AlertForText, locale: Locale, timeZone = "UTC"): AlertText {
  if (locale === "en") return { title: alert.title, description: alert.description, recommendedAction: alert.recommended_action };
  const t = words(locale);
  const kind = alertKindOf(alert);
  const e = latestOf(alert.evidence);
  const name = alert.patient_name;
  const first = alert.patient_first_name || name;
  const when = (iso: unknown) => moment(locale, str(iso), timeZone);
  const title = alertTitle(alert, alertTitleFacts(alert.evidence), locale);
  const excerpt = kind.excerpt ?? str(e.excerpt) ?? "";
  const analysis = obj(e.analysis);
  const mentionList = Array.isArray(analysis?.health_mentions) ? analysis.health_mentions.filter((m): m is string => typeof m === "string" && !!m) : [];
  const mentions = mentionList.length ? t("description.mentions", { list: new Intl.ListFormat(locale, { type: "conjunction" }).format(mentionList) }) : "";
  const turns = Array.isArray(obj(e.ask_back)?.turns) ? (obj(e.ask_back)!.turns as unknown[]).map(obj).filter((x): x is Evidence => !!x) : [];
  const clip = (s: unknown) => (str(s) ?? "").slice(0, 200);

  let description: string;
  let action: string;
  switch (kind.name) {
    case "emergency_button": {
      const at = when(e.at);
      const lat = num(e.latitude);
      const lon = num(e.longitude);
      description = [
        at ? t("description.emergency_button", { name, when: at }) : t("description.generic", { name }),
        lat !== undefined && lon !== undefined ? t("description.location", { latitude: lat.toFixed(5), longitude: lon.toFixed(5) }) : "",
      ]
        .filter(Boolean)
        .join(" ");
      action = t("action.callNow");
      break;
    }
    case "danger_said":
    case "concern_said": {
      const answered = alert.source.startsWith("companion:ask_back:") && turns.length > 1;
      description = !excerpt
        ? t("description.generic", { name })
        : answered
          ? t("description.saidAnswered", { name, first: clip(turns[0].patient), question: clip(turns.at(-2)?.companion), excerpt, mentions })
          : t("description.said", { name, via: via(alert.source), excerpt, mentions });
      action = kind.name === "danger_said" ? t("action.callNow") : via(alert.source) === "phone" ? t("action.concern_said_phone") : t("action.concern_said");
      break;
    }
    case "safety_question_unanswered": {
      const question = clip(turns.at(-1)?.companion);
      description = !excerpt
        ? t("description.generic", { name })
        : question
          ? t("description.safety_question_unanswered", { name, excerpt: clip(excerpt), question })
          : t("description.safety_question_unanswered_short", { name, excerpt: clip(excerpt) });
      action = t("action.safety_question_unanswered");
      break;
    }
    case "missed_medication":
    case "missed_reminder": {
      const due = when(e.due_at);
      const reminder = str(e.title);
      const reason = str(e.reason) ?? "";
      const deliveries = num(e.deliveries);
      description = [
        reminder && due
          ? t("description.missed", { name, reminder, due })
          : reminder
            ? t("description.missedNoDue", { name, reminder })
            : t("description.missed_unnamed", { name, medication: kind.name === "missed_medication" ? "yes" : "no" }),
        reason.startsWith("No confirmation") && deliveries
          ? t("description.missedNoAnswer", { count: deliveries })
          : reason.startsWith("The patient said")
            ? t("description.missedSaid")
            : "",
      ]
        .filter(Boolean)
        .join(" ");
      action = t("action.missed", { first });
      break;
    }
    case "inactivity": {
      const silence = num(e.silence_hours);
      const waking = str(e.waking_hours);
      const hours = silence === undefined ? undefined : Math.floor(silence * 10) / 10;
      const last = when(e.last_activity_at);
      const urgent = alert.severity === "high" || alert.severity === "critical";
      const noWait = str(e.check_in_not_awaited);
      const checkIn = when(e.check_in_sent_at);
      description = [
        hours !== undefined && waking
          ? t("description.inactivity", { name, hours, waking: waking.replace("-", " a ") })
          : t("description.inactivity_unknown", { name }),
        last ? t("description.lastSign", { when: last }) : "last_activity_at" in e ? t("description.noSign") : "",
        !urgent
          ? ""
          : noWait === "phone_offline"
            ? t("description.noCheckInOffline")
            : noWait === "no_push_token"
              ? t("description.noCheckInToken")
              : noWait === "check_in_failed"
                ? t("description.noCheckInFailed")
                : checkIn
                  ? t("description.checkInUnanswered", { when: checkIn })
                  : "",
      ]
        .filter(Boolean)
        .join(" ");
      action = t(alert.severity === "critical" ? "action.inactivity_critical" : "action.inactivity", { first });
      break;
    }
    case "phone_offline": {
      const battery = num(e.battery_level);
      description = t("description.phone_offline", {
        name,
        since: when(e.last_seen_at) ?? "never",
        battery: battery === undefined ? "none" : percent(locale, battery),
      });
      action = t("action.phone_offline", { first });
      break;
    }
    case "battery_low": {
      const battery = num(e.battery_level);
      description =
        battery === undefined ? t("description.battery_low_unknown", { name }) : t("description.battery_low", { name, battery: percent(locale, battery) });
      action = t("action.battery_low", { first });
      break;
    }
    default:
      // a rule this function does not know: what the patient said when the evidence quotes it, else a general sentence
      description = excerpt ? t("description.said", { name, via: "companion", excerpt, mentions }) : t("description.generic", { name });
      action = kind.name === "emergency" ? t("action.callNow") : t(`action.${kind.name}`, { first });
  }
  return { title, description, recommendedAction: alert.recommended_action === null ? null : action };
}
