import { listAlertsQuery, type ListAlertsQuery } from "@/lib/alerts/schemas";

type SearchParams = Record<string, string | string[] | undefined>;
const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v) || undefined;

/** The inbox's status choices, as the filter form offers them, and what each asks the API for. */
export const STATUS_CHOICES = {
  open: { label: "Open", status: "open" },
  acknowledged: { label: "Acknowledged", status: "acknowledged" },
  resolved: { label: "Resolved", status: "resolved,auto_resolved" },
  all: { label: "Any status", status: undefined },
} as const;
export type StatusChoice = keyof typeof STATUS_CHOICES;

export interface AlertFilters {
  status: StatusChoice;
  severity?: string;
  type?: string;
  patient_id?: string;
  /** the facility the inbox is narrowed to (checked against the caregiver's own by the page) */
  facility?: string;
  cursor?: string;
}

export const ALERTS_PER_PAGE = 25;

/**
 * The filter form's query string -> the alerts API's own query schema (so the page refuses exactly what the
 * API refuses). A bad value falls back to the default view with a message, never to an error page.
 */
export function readAlertFilters(sp: SearchParams, withPatient: boolean): { filters: AlertFilters; query: ListAlertsQuery; error?: string } {
  const status = (one(sp.status) ?? "open") as StatusChoice;
  const filters: AlertFilters = {
    status: Object.hasOwn(STATUS_CHOICES, status) ? status : "open",
    severity: one(sp.severity),
    type: one(sp.type),
    patient_id: withPatient ? one(sp.patient) : undefined,
    facility: withPatient ? one(sp.facility) : undefined,
    cursor: one(sp.cursor),
  };
  const parsed = listAlertsQuery.safeParse({
    limit: String(ALERTS_PER_PAGE),
    status: STATUS_CHOICES[filters.status].status,
    severity: filters.severity,
    type: filters.type,
    patient_id: filters.patient_id,
    cursor: filters.cursor,
  });
  if (parsed.success && Object.hasOwn(STATUS_CHOICES, status)) return { filters, query: parsed.data };
  return {
    filters: { status: "open" },
    query: listAlertsQuery.parse({ limit: String(ALERTS_PER_PAGE), status: "open" }),
    error: "Those filters could not be used, so the open alerts are shown. Choose the filters again.",
  };
}

/** The same filters as a query string (for links to the next page, and for coming back after an action). */
export function filtersQuery(f: AlertFilters, extra: Record<string, string> = {}): string {
  const q = new URLSearchParams();
  if (f.status !== "open") q.set("status", f.status);
  if (f.severity) q.set("severity", f.severity);
  if (f.type) q.set("type", f.type);
  if (f.patient_id) q.set("patient", f.patient_id);
  if (f.facility) q.set("facility", f.facility);
  for (const [k, v] of Object.entries(extra)) q.set(k, v);
  const s = q.toString();
  return s ? `?${s}` : "";
}
