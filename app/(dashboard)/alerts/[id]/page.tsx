import type { AlertEventKind, EscalationState, NotificationChannel, NotificationStatus } from "@/lib/db/generated/enums";
import type { Metadata } from "next";
import Link from "next/link";
import { clock } from "@/lib/clock";
import { getAlert } from "@/lib/alerts/get-alert";
import { getMyProfile } from "@/lib/caregivers/profile";
import { signedInPage } from "@/app/_server/page";
import { loadOr404 } from "@/app/_server/not-found";
import { formatDateTime, plural, timeAgo } from "@/lib/dashboard/format";
import { Notice } from "@/components/ui/notice";
import { ALERT_TYPE_LABEL } from "@/components/alerts/alert-labels";
import { NobodyReachedBadge, SeverityBadge, StatusBadge } from "@/components/alerts/alert-badges";
import { AlertNoteForm } from "@/components/alerts/alert-note-form";
import { ActionNotice } from "@/components/alerts/action-notice";
import { ActionButton } from "@/components/forms/action-button";
import { acknowledgeAlertAction, addAlertNoteAction, resolveAlertAction } from "../actions";
import { BackLink } from "@/components/layout/back-link";

// the alert's title names no one, but keep the document title generic anyway
export const metadata: Metadata = { title: "Alert" };

type Props = { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };
type Detail = Awaited<ReturnType<typeof getAlert>>;

const EVENT_LABEL: Record<AlertEventKind, string> = {
  raised: "Raised",
  occurrence: "Happened again",
  severity_raised: "Became more serious",
  acknowledged: "Acknowledged",
  resolved: "Resolved",
  auto_resolved: "Resolved by itself",
  note: "Note",
  escalated: "Care team contacted",
  nobody_reached: "Nobody acknowledged in time",
};
const CHANNEL_LABEL: Record<NotificationChannel, string> = {
  sms: "Text message",
  voice: "Phone call",
  push: "App notification",
  web_push: "Browser notification",
  email: "Email",
};
const DELIVERY_STATUS: Record<NotificationStatus, string> = {
  pending: "Waiting to send",
  sending: "Sending",
  held: "Held (hourly limit)",
  sent: "Sent",
  delivered: "Delivered",
  failed: "Failed",
  simulated: "Sent (simulated)",
  skipped: "Skipped",
};
const ESCALATION: Record<EscalationState, string> = {
  none: "Not started yet",
  active: "Contacting the care team",
  acknowledged: "Stopped: someone has it",
  exhausted: "Finished: nobody acknowledged",
};
const words = (s: string) => s.charAt(0).toUpperCase() + s.slice(1).replaceAll("_", " ");

export default signedInPage(async function AlertPage({ params, searchParams }: Props, { actor }) {
  const { id } = await params;
  // someone else's alert is a 404 too: ids do not leak
  const a = await loadOr404(id, (id) => getAlert(actor, id));
  const me = await getMyProfile(actor);
  const sp = await searchParams;
  const notice = Array.isArray(sp.notice) ? sp.notice[0] : sp.notice;
  const now = clock.now();
  const tz = me.timezone;
  const back = `/alerts/${a.id}`;
  const unresolved = a.status === "open" || a.status === "acknowledged";
  // names of the people in the timeline: "you", or whoever the delivery log names
  const names = new Map(a.deliveries.filter((d) => d.caregiver_id && d.caregiver_name).map((d) => [d.caregiver_id!, d.caregiver_name!]));
  const who = (e: Detail["timeline"][number]) =>
    e.actor_type === "system"
      ? "Elda"
      : e.actor_type === "device"
        ? "the patient’s phone"
        : e.actor_id === actor.caregiverId
          ? "you"
          : (e.actor_id && names.get(e.actor_id)) || "a care team member";
  const notes = a.timeline.filter((e) => e.note && (e.kind === "note" || e.kind === "acknowledged" || e.kind === "resolved"));
  const when = (iso: string) => (
    <time dateTime={iso}>
      {formatDateTime(iso, tz)} <span className="text-stone-600">({timeAgo(iso, now, tz)})</span>
    </time>
  );

  return (
    <div className="space-y-8">
      <BackLink href="/alerts">All alerts</BackLink>

      <ActionNotice notice={notice} />

      <div className="space-y-3">
        <div className="flex flex-wrap items-center gap-2">
          <SeverityBadge severity={a.severity} />
          <StatusBadge status={a.status} />
          {a.escalation.nobody_reached && <NobodyReachedBadge />}
        </div>
        <h1 className="text-3xl font-bold tracking-tight sm:text-4xl">{a.title}</h1>
        <p className="text-stone-700">
          <Link href={`/patients/${a.patient_id}/alerts`} className="font-semibold text-teal-800 underline underline-offset-4 hover:no-underline">
            {a.patient_name}
          </Link>{" "}
          · {ALERT_TYPE_LABEL[a.type] ?? a.type} · raised {timeAgo(a.first_occurred_at, now, tz)}
        </p>
        <p className="max-w-prose text-lg">{a.description}</p>
        {a.recommended_action && (
          <Notice tone="info" title="What to do">
            {a.recommended_action}
          </Notice>
        )}
        {a.escalation.nobody_reached && unresolved && (
          <Notice tone="error" title="Nobody on the care team acknowledged this alert.">
            Elda contacted everyone it could. Please check on {a.patient_name} yourself, then acknowledge.
          </Notice>
        )}
      </div>

      {unresolved && (
        <Section title="What will you do?">
          <div className="space-y-6">
            {a.status === "open" && (
              <div className="space-y-2">
                <ActionButton action={acknowledgeAlertAction} fields={{ id: a.id, back }} pendingText="Acknowledging…">
                  Acknowledge: I have it
                </ActionButton>
                <p className="text-base text-stone-700">Stops the escalation, so nobody else is contacted.</p>
              </div>
            )}
            {a.type === "inactivity" && (
              <p className="max-w-prose">
                Spoke to {a.patient_name}?{" "}
                <Link href={`/patients/${a.patient_id}#monitoring`} className="font-semibold text-teal-800 underline underline-offset-4 hover:no-underline">
                  Record it on their page
                </Link>
                : it ends this alert and counts as a sign of life, so the quiet is counted again from then.
              </p>
            )}
            <AlertNoteForm
              action={resolveAlertAction}
              alertId={a.id}
              back={back}
              idPrefix="resolve-note"
              label="Resolve with a note"
              hint="Say what happened and how it was resolved."
              submit="Resolve alert"
              pendingText="Resolving…"
            />
          </div>
        </Section>
      )}

      <div className="grid gap-6 md:grid-cols-2">
        <Section title="Details">
          <dl className="divide-y divide-stone-100">
            <Row label="First raised">{when(a.first_occurred_at)}</Row>
            {a.occurrence_count > 1 && (
              <Row label="Happened">
                {plural(a.occurrence_count, "time")}, last {timeAgo(a.last_occurred_at, now, tz)}
              </Row>
            )}
            <Row label="Acknowledged">
              {a.acknowledged_at ? (
                <>
                  {when(a.acknowledged_at)}
                  {a.acknowledged_via && <> · via {a.acknowledged_via}</>}
                </>
              ) : (
                "Not yet"
              )}
            </Row>
            <Row label="Resolved">{a.resolved_at ? when(a.resolved_at) : "Not yet"}</Row>
            {a.resolution_note && <Row label="Resolution">{a.resolution_note}</Row>}
            <Row label="Escalation">
              {ESCALATION[a.escalation.state] ?? a.escalation.state}
              {a.escalation.state === "active" && a.escalation.next_at && (
                <> · next step {timeAgo(a.escalation.next_at, now, tz) === "just now" ? "now" : formatDateTime(a.escalation.next_at, tz)}</>
              )}
            </Row>
          </dl>
        </Section>

        <Section title="Evidence">
          {a.evidence.length === 0 ? (
            <p className="text-stone-700">No evidence was recorded with this alert.</p>
          ) : (
            <ol className="space-y-3">
              {a.evidence.map((e, i) => {
                const { kind, at, ...all } = e;
                const rest = Object.fromEntries(Object.entries(all).filter(([, v]) => v !== null && v !== undefined && v !== ""));
                const date = new Date(at);
                return (
                  <li key={i} className="rounded-lg bg-stone-50 px-4 py-3">
                    <p className="font-semibold">
                      {words(kind)}{" "}
                      {!Number.isNaN(date.getTime()) && <span className="font-normal text-stone-700">· {formatDateTime(date.toISOString(), tz)}</span>}
                    </p>
                    {Object.keys(rest).length > 0 && (
                      <dl className="mt-1 text-base">
                        {Object.entries(rest).map(([k, v]) => (
                          <div key={k} className="flex flex-wrap gap-x-2">
                            <dt className="text-stone-600">{words(k)}:</dt>
                            <dd>{typeof v === "object" ? JSON.stringify(v) : String(v)}</dd>
                          </div>
                        ))}
                      </dl>
                    )}
                  </li>
                );
              })}
            </ol>
          )}
        </Section>
      </div>

      <Section title="Timeline">
        <ol className="space-y-3 border-l-4 border-teal-100 pl-5">
          {a.timeline.map((e, i) => (
            <li key={i}>
              <p>
                <span className="font-semibold">{EVENT_LABEL[e.kind] ?? words(e.kind)}</span>
                <span className="text-stone-700">
                  {" "}
                  by {who(e)} · {when(e.at)}
                </span>
              </p>
              {e.note && <p className="mt-1 max-w-prose text-base text-stone-800">“{e.note}”</p>}
            </li>
          ))}
        </ol>
      </Section>

      <Section title="Notes">
        {notes.length === 0 ? (
          <p className="text-stone-700">No notes yet. Add what you did or found out, so the rest of the care team knows.</p>
        ) : (
          <ul className="space-y-3">
            {notes.map((e, i) => (
              <li key={i} className="rounded-lg bg-stone-50 px-4 py-3">
                <p className="max-w-prose">{e.note}</p>
                <p className="mt-1 text-base text-stone-600">
                  {who(e) === "you" ? "You" : who(e)} · {formatDateTime(e.at, tz)}
                </p>
              </li>
            ))}
          </ul>
        )}
        <div className="mt-6">
          <AlertNoteForm
            action={addAlertNoteAction}
            alertId={a.id}
            back={back}
            idPrefix="alert-note"
            label="Add a note"
            submit="Add note"
            pendingText="Adding…"
          />
        </div>
      </Section>

      <Section title="Delivery log">
        {a.deliveries.length === 0 ? (
          <p className="text-stone-700">Nobody has been contacted about this alert{a.escalation.state === "none" ? " yet" : ""}.</p>
        ) : (
          <div className="overflow-x-auto">
            <table className="w-full text-left text-base">
              <caption className="sr-only">Who was contacted about this alert, how, and what happened</caption>
              <thead className="border-b-2 border-stone-200 text-stone-700">
                <tr>
                  <th scope="col" className="py-2 pr-4 font-semibold">
                    When
                  </th>
                  <th scope="col" className="py-2 pr-4 font-semibold">
                    To
                  </th>
                  <th scope="col" className="py-2 pr-4 font-semibold">
                    Channel
                  </th>
                  <th scope="col" className="py-2 pr-4 font-semibold">
                    Status
                  </th>
                </tr>
              </thead>
              <tbody className="divide-y divide-stone-100">
                {a.deliveries.map((d, i) => (
                  <tr key={i}>
                    <td className="py-2 pr-4 align-top">{formatDateTime(d.at, tz)}</td>
                    <td className="py-2 pr-4 align-top">{d.caregiver_name ?? "The patient"}</td>
                    <td className="py-2 pr-4 align-top">{CHANNEL_LABEL[d.channel] ?? d.channel}</td>
                    <td className="py-2 pr-4 align-top">
                      {DELIVERY_STATUS[d.status] ?? d.status}
                      {d.held_until && <span className="block text-stone-600">until {formatDateTime(d.held_until, tz)}</span>}
                      {d.next_try_at && (
                        <span className="block text-stone-600">
                          tried {plural(d.tries, "time")}; next try {formatDateTime(d.next_try_at, tz)}
                        </span>
                      )}
                      {d.error && <span className="block text-red-800">{d.error}</span>}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </Section>
    </div>
  );
});

function Section({ title, children }: { title: string; children: React.ReactNode }) {
  const id = `section-${title.toLowerCase().replace(/\W+/g, "-")}`;
  return (
    <section aria-labelledby={id} className="rounded-xl border border-stone-200 bg-white p-6 shadow-sm">
      <h2 id={id} className="mb-4 text-xl font-semibold">
        {title}
      </h2>
      {children}
    </section>
  );
}

function Row({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div className="grid grid-cols-1 gap-x-4 py-2.5 sm:grid-cols-[9rem_1fr]">
      <dt className="text-base font-medium text-stone-600">{label}</dt>
      <dd className="text-stone-900">{children}</dd>
    </div>
  );
}
