import { useTranslations } from "next-intl";
import { Notice } from "@/components/ui/notice";

/** The notices an alert action can come back with; their words are `alerts.notice.<code>.title` / `.body`. */
const NOTICES = {
  acknowledged: "success",
  resolved: "success",
  note_added: "success",
  already_resolved: "info",
  not_found: "error",
  forbidden: "error",
  none_selected: "info",
} as const satisfies Record<string, "success" | "error" | "info">;

/** The sentence after an alert action (the action redirects back with ?notice=...). */
export function ActionNotice({ notice, n, f }: { notice?: string; n?: string; f?: string }) {
  const t = useTranslations("alerts.notice");
  if (!notice) return null;
  if (notice === "bulk") {
    const count = Number(n) || 0;
    const viewOnly = Number(f) || 0;
    return (
      <Notice
        tone={viewOnly ? "error" : count ? "success" : "info"}
        role={viewOnly ? "alert" : "status"}
        title={count ? t("bulkDone", { count }) : viewOnly ? t("bulkNothing") : t("bulkAlready")}
      >
        {count ? t("bulkStopped") : viewOnly ? "" : t("bulkUnchanged")}
        {viewOnly ? t("bulkForbidden", { count: viewOnly }) : ""}
      </Notice>
    );
  }
  if (!Object.hasOwn(NOTICES, notice)) return null;
  const code = notice as keyof typeof NOTICES;
  const tone = NOTICES[code];
  return (
    <Notice tone={tone} role={tone === "error" ? "alert" : "status"} title={t(`${code}.title`)}>
      {code === "note_added" ? undefined : t(`${code}.body`)}
    </Notice>
  );
}
