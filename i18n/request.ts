import { getRequestConfig } from "next-intl/server";
import { dashboardLocale } from "@/app/_server/locale";
import { loadMessages } from "@/lib/i18n/messages";

// next-intl without locale routing: the language is the caregiver's (or the browser's), never in the URL
export default getRequestConfig(async () => {
  const locale = await dashboardLocale();
  return { locale, messages: await loadMessages(locale) };
});
