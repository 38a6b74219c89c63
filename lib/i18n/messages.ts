import type { Locale } from "./locales";
import type en from "@/messages/en";

/** The dashboard's messages (one object per namespace), typed by the English catalogue. */
export type Messages = typeof en;

const loaders: Record<Locale, () => Promise<{ default: Messages }>> = {
  en: () => import("@/messages/en"),
  es: () => import("@/messages/es"),
};

/** One locale's catalogue: only that locale is loaded (and only its messages reach the browser). */
export async function loadMessages(locale: Locale): Promise<Messages> {
  return (await loaders[locale]()).default;
}
