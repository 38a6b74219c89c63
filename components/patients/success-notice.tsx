import { useTranslations } from "next-intl";
import { Notice } from "@/components/ui/notice";

/** The confirmation after an action (the action redirects with `?ok=<key>`); unknown keys show nothing. */
export function SuccessNotice({ ok, messages }: { ok: string | string[] | undefined; messages: Record<string, string> }) {
  const key = Array.isArray(ok) ? ok[0] : ok;
  const text = key && Object.hasOwn(messages, key) ? messages[key] : undefined;
  if (!text) return null;
  return <Notice tone="success" role="status" title={text} />;
}

/** The sentence a viewer sees where the buttons to change things would be. */
export function ReadOnlyNote({ children }: { children?: React.ReactNode }) {
  const t = useTranslations("patients.shared");
  return <p className="text-base text-stone-700">{children ?? t("readOnly")}</p>;
}
