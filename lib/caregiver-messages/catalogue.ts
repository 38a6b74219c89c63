import { localeOf, type Locale } from "@/lib/i18n/locales";
import { en } from "./en";
import { es } from "./es";
import type { CaregiverMessages } from "./types";

/** One catalogue per language Elda speaks to caregivers (docs/decisions/031). */
export const CATALOGUES: Record<Locale, CaregiverMessages> = { en, es };

/** The catalogue for a caregiver's stored language (`caregivers.language`); English for anything else. */
export function messagesFor(language: string | null | undefined): CaregiverMessages {
  return CATALOGUES[localeOf(language)];
}

/** Who reads a message: their language and the time zone its dates and times are shown in. */
export interface Reader {
  language: string;
  timezone: string;
}
