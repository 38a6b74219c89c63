import { listAlertsQuery, type ListAlertsQuery } from "@/lib/alerts/schemas";

type SearchParams = Record<string, string | string[] | undefined>;
const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v) || undefined;

/**
 * The inbox's status choices, as the filter form offers them (in this order), and what each asks the API for.
 * Their words are `alerts.filters.statusChoice.<choice>` ("Open", "Acknowledged", "Resolved", "Any status").
 */
export const STATUS_CHOICES = {
  open: { status: "open" },
  acknowledged: { status: "acknowledged" },
  resolved: { status: "resolved,auto_resolved" },
  all: { status: undefined },
} as const;
export type StatusChoice = keyof typeof STATUS_CHOICES;
export const STATUS_CHOICE_KEYS = Object.keys(STATUS_CHOICES) as StatusChoice[];

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
 * API refuses). A bad value falls back to the default view with `error` set (the page says
 * `alerts.filtersError`), never to an error page.
 */
export function readAlertFilters(sp: SearchParams, withPatient: boolean): { filters: AlertFilters; query: ListAlertsQuery; error?: true } {
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
    error: true,
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
