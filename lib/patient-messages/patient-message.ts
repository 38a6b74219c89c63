import { localeOf, type Locale } from "@/lib/i18n/locales";
import { en } from "./en";
import { es } from "./es";
import type { Catalogue, MessageKey, MessageParams, Style } from "./types";

/**
 * The one catalogue of what the server says to the patient's phone (issue 15, SPEC §6; docs/decisions/030):
 * reminder pushes, the check-in, conversation starters and the companion's fixed replies, in the patient's
 * language (`es-MX` is Spanish; a language without a catalogue is English) and communication style.
 */
export const CATALOGUES: Record<Locale, Catalogue> = { en, es };

export function patientMessage<K extends MessageKey>(locale: Locale, style: Style, key: K, params: MessageParams[K]): string {
  const render: (p: MessageParams[K], s: Style) => string = CATALOGUES[locale][key];
  return render(params, style);
}

/** A patient's voice: their catalogue language (what push data carries as `language`) and a renderer in their style. */
export function patientVoice(patient: { language: string | null; communicationStyle: Style }) {
  const locale = localeOf(patient.language);
  const style = patient.communicationStyle;
  return {
    locale,
    say: <K extends MessageKey>(key: K, params: MessageParams[K]) => patientMessage(locale, style, key, params),
    /** the name the companion uses: preferred, else first, else "friend" in the patient's language */
    name: (p: { preferredName?: string | null; firstName?: string | null }) =>
      p.preferredName?.trim() || p.firstName?.trim() || patientMessage(locale, style, "name.fallback", {}),
  };
}

export type PatientVoice = ReturnType<typeof patientVoice>;
export type { Style, MessageKey, MessageParams } from "./types";
