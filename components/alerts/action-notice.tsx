import { Notice } from "@/components/ui/notice";
import { plural } from "@/lib/dashboard/format";

const NOTICES: Record<string, { tone: "success" | "error" | "info"; title: string; body?: string }> = {
  acknowledged: { tone: "success", title: "Alert acknowledged.", body: "Escalation has stopped, and the care team can see that you have it." },
  resolved: { tone: "success", title: "Alert resolved.", body: "Your note is saved in its timeline." },
  note_added: { tone: "success", title: "Note added to the alert's timeline." },
  already_resolved: { tone: "info", title: "That alert was already resolved.", body: "Nothing was changed." },
  not_found: { tone: "error", title: "We couldn’t find that alert.", body: "It may belong to a patient you no longer care for." },
  forbidden: {
    tone: "error",
    title: "You can view this patient’s alerts but not change them.",
    body: "Ask their primary caregiver for a care team role that can.",
  },
  none_selected: { tone: "info", title: "No alerts were selected.", body: "Tick the alerts you want to acknowledge, then press “Acknowledge selected”." },
};

/** The sentence after an alert action (the action redirects back with ?notice=...). */
export function ActionNotice({ notice, n, f }: { notice?: string; n?: string; f?: string }) {
  if (!notice) return null;
  if (notice === "bulk") {
    const count = Number(n) || 0;
    const viewOnly = Number(f) || 0;
    return (
      <Notice
        tone={viewOnly ? "error" : count ? "success" : "info"}
        role={viewOnly ? "alert" : "status"}
        title={
          count ? `${plural(count, "alert")} acknowledged.` : viewOnly ? "Nothing was acknowledged." : "Those alerts were already acknowledged or resolved."
        }
      >
        {count ? "Escalation has stopped for them." : viewOnly ? "" : "Nothing was changed."}
        {viewOnly ? ` ${plural(viewOnly, "alert")} could not be acknowledged: you can view that patient’s alerts but not change them.` : ""}
      </Notice>
    );
  }
  const n0 = Object.hasOwn(NOTICES, notice) ? NOTICES[notice] : undefined;
  if (!n0) return null;
  return (
    <Notice tone={n0.tone} role={n0.tone === "error" ? "alert" : "status"} title={n0.title}>
      {n0.body}
    </Notice>
  );
}
