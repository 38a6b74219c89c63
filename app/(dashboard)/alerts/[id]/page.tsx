import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import Link from "next/link";
import { clock } from "@/lib/clock";
import { getAlert } from "@/lib/alerts/get-alert";
import { alertText } from "@/lib/alerts/alert-text";
import { getMyProfile } from "@/lib/caregivers/profile";
import { signedInPage } from "@/app/_server/page";
import { loadOr404 } from "@/app/_server/not-found";
import { formatDateTime, timeAgo } from "@/lib/dashboard/format";
import { Notice } from "@/components/ui/notice";
import { NobodyReachedBadge, SeverityBadge, StatusBadge } from "@/components/alerts/alert-badges";
import { AlertNoteForm } from "@/components/alerts/alert-note-form";
import { ActionNotice } from "@/components/alerts/action-notice";
import { ActionButton } from "@/components/forms/action-button";
import { acknowledgeAlertAction, addAlertNoteAction, resolveAlertAction } from "../actions";
import { BackLink } from "@/components/layout/back-link";
import { deliveryErrorKey } from "../delivery-error";

// the alert's title names no one, but keep the document title generic anyway
export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("alerts"))("detail.metaTitle") };
}

type Props = { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };
type Detail = Awaited<ReturnType<typeof getAlert>>;

const words = (s: string) => s.charAt(0).toUpperCase() + s.slice(1).replaceAll("_", " ");

export default signedInPage(async function AlertPage({ params, searchParams }: Props, { actor }) {
  const { id } = await params;
  // someone else's alert is a 404 too: ids do not leak
  const a = await loadOr404(id, (id) => getAlert(actor, id));
  const me = await getMyProfile(actor);
  const sp = await searchParams;
  const [t, labels, locale] = await Promise.all([getTranslations("alerts.detail"), getTranslations("labels"), getLocale()]);
  const notice = Array.isArray(sp.notice) ? sp.notice[0] : sp.notice;
  const now = clock.now();
  const tz = me.timezone;
  // title, description and what to do in the reader's language, from what the alert records (English: as stored)
  const text = alertText(a, locale, tz);
  const back = `/alerts/${a.id}`;
  const unresolved = a.status === "open" || a.status === "acknowledged";
  // names of the people in the timeline: "you", or whoever the delivery log names
  const names = new Map(a.deliveries.filter((d) => d.caregiver_id && d.caregiver_name).map((d) => [d.caregiver_id!, d.caregiver_name!]));
  const isMe = (e: Detail["timeline"][number]) => e.actor_type !== "system" && e.actor_type !== "device" && e.actor_id === actor.caregiverId;
  const who = (e: Detail["timeline"][number]) =>
    e.actor_type === "system"
      ? t("who.system")
      : e.actor_type === "device"
        ? t("who.device")
        : isMe(e)
          ? t("who.you")
          : (e.actor_id && names.get(e.actor_id)) || t("who.member");
  const ago = (iso: string) => timeAgo(iso, now, tz, locale);
  const dateTime = (iso: string) => formatDateTime(iso, tz, locale);
  const deliveryErrorText = (error: string) => {
    const key = deliveryErrorKey(error);
    return key ? t(`deliveryError.${key}`) : error;
  };
  const label = (key: string, fallback: string) => (labels.has(key as never) ? labels(key as never) : fallback);
  const notes = a.timeline.filter((e) => e.note && (e.kind === "note" || e.kind === "acknowledged" || e.kind === "resolved"));
  const when = (iso: string) => (
    <time dateTime={iso}>
      {dateTime(iso)} <span className="text-stone-600">({ago(iso)})</span>
    </time>
  );

  return (
    <div className="space-y-8">
      <BackLink href="/alerts">{t("back")}</BackLink>

      <ActionNotice notice={notice} />

      <div className="space-y-3">
        <div className="flex flex-wrap items-center gap-2">
          <SeverityBadge severity={a.severity} />
          <StatusBadge status={a.status} />
          {a.escalation.nobody_reached && <NobodyReachedBadge />}
        </div>
        <h1 className="text-3xl font-bold tracking-tight sm:text-4xl">{text.title}</h1>
        <p className="text-stone-700">
          <Link href={`/patients/${a.patient_id}/alerts`} className="font-semibold text-teal-800 underline underline-offset-4 hover:no-underline">
            {a.patient_name}
          </Link>{" "}
          · {label(`alertType.${a.type}`, a.type)} · {t("raised", { ago: ago(a.first_occurred_at) })}
        </p>
        <p className="max-w-prose text-lg">{text.description}</p>
        {text.recommendedAction && (
          <Notice tone="info" title={t("whatToDo")}>
            {text.recommendedAction}
          </Notice>
        )}
        {a.escalation.nobody_reached && unresolved && (
          <Notice tone="error" title={t("nobodyTitle")}>
            {t("nobodyText", { name: a.patient_name })}
          </Notice>
        )}
      </div>

      {unresolved && (
        <Section id="section-what-will-you-do-" title={t("actTitle")}>
          <div className="space-y-6">
            {a.status === "open" && (
              <div className="space-y-2">
                <ActionButton action={acknowledgeAlertAction} fields={{ id: a.id, back }} pendingText={t("acknowledging")}>
                  {t("acknowledge")}
                </ActionButton>
                <p className="text-base text-stone-700">{t("acknowledgeHint")}</p>
              </div>
            )}
            {a.type === "inactivity" && (
              <p className="max-w-prose">
                {t.rich("spokeTo", {
                  name: a.patient_name,
                  link: (chunks) => (
                    <Link href={`/patients/${a.patient_id}#monitoring`} className="font-semibold text-teal-800 underline underline-offset-4 hover:no-underline">
                      {chunks}
                    </Link>
                  ),
                })}
              </p>
            )}
            <AlertNoteForm
              action={resolveAlertAction}
              alertId={a.id}
              back={back}
              idPrefix="resolve-note"
              label={t("resolveLabel")}
              hint={t("resolveHint")}
              submit={t("resolve")}
              pendingText={t("resolving")}
            />
          </div>
        </Section>
      )}

      <div className="grid gap-6 md:grid-cols-2">
        <Section id="section-details" title={t("details")}>
          <dl className="divide-y divide-stone-100">
            <Row label={t("firstRaised")}>{when(a.first_occurred_at)}</Row>
            {a.occurrence_count > 1 && <Row label={t("happened")}>{t("happenedText", { count: a.occurrence_count, ago: ago(a.last_occurred_at) })}</Row>}
            <Row label={t("acknowledged")}>
              {a.acknowledged_at ? (
                <>
                  {when(a.acknowledged_at)}
                  {a.acknowledged_via &&
                    t("via", { via: t.has(`viaName.${a.acknowledged_via}` as never) ? t(`viaName.${a.acknowledged_via}` as never) : a.acknowledged_via })}
                </>
              ) : (
                t("notYet")
              )}
            </Row>
            <Row label={t("resolved")}>{a.resolved_at ? when(a.resolved_at) : t("notYet")}</Row>
            {a.resolution_note && <Row label={t("resolution")}>{a.resolution_note}</Row>}
            <Row label={t("escalation")}>
              {label(`escalation.${a.escalation.state}`, a.escalation.state)}
              {a.escalation.state === "active" &&
                a.escalation.next_at &&
                // as before: "now" when timeAgo would say "just now" (less than a minute ago, or any time ahead), else the date
                t("nextStep", { when: now.getTime() - new Date(a.escalation.next_at).getTime() < 60_000 ? t("now") : dateTime(a.escalation.next_at) })}
            </Row>
          </dl>
        </Section>

        <Section id="section-evidence" title={t("evidence")}>
          {a.evidence.length === 0 ? (
            <p className="text-stone-700">{t("noEvidence")}</p>
          ) : (
            <ol className="space-y-3">
              {a.evidence.map((e, i) => {
                const { kind, at, ...all } = e;
                const rest = Object.fromEntries(Object.entries(all).filter(([, v]) => v !== null && v !== undefined && v !== ""));
                const date = new Date(at);
                return (
                  <li key={i} className="rounded-lg bg-stone-50 px-4 py-3">
                    <p className="font-semibold">
                      {t.has(`evidenceKind.${kind}` as never) ? t(`evidenceKind.${kind}` as never) : words(kind)}{" "}
                      {!Number.isNaN(date.getTime()) && <span className="font-normal text-stone-700">· {dateTime(date.toISOString())}</span>}
                    </p>
                    {Object.keys(rest).length > 0 && (
                      <dl className="mt-1 text-base">
                        {Object.entries(rest).map(([k, v]) => (
                          <div key={k} className="flex flex-wrap gap-x-2">
                            <dt className="text-stone-600">{t.has(`evidenceField.${k}` as never) ? t(`evidenceField.${k}` as never) : words(k)}:</dt>
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

      <Section id="section-timeline" title={t("timeline")}>
        <ol className="space-y-3 border-l-4 border-teal-100 pl-5">
          {a.timeline.map((e, i) => (
            <li key={i}>
              <p>
                <span className="font-semibold">{label(`alertEvent.${e.kind}`, words(e.kind))}</span>
                <span className="text-stone-700">
                  {t("by", { who: who(e) })}
                  {when(e.at)}
                </span>
              </p>
              {e.note && <p className="mt-1 max-w-prose text-base text-stone-800">“{e.note}”</p>}
            </li>
          ))}
        </ol>
      </Section>

      <Section id="section-notes" title={t("notes")}>
        {notes.length === 0 ? (
          <p className="text-stone-700">{t("noNotes")}</p>
        ) : (
          <ul className="space-y-3">
            {notes.map((e, i) => (
              <li key={i} className="rounded-lg bg-stone-50 px-4 py-3">
                <p className="max-w-prose">{e.note}</p>
                <p className="mt-1 text-base text-stone-600">
                  {isMe(e) ? t("whoYou") : who(e)} · {dateTime(e.at)}
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
            label={t("addNote")}
            submit={t("addNoteSubmit")}
            pendingText={t("adding")}
          />
        </div>
      </Section>

      <Section id="section-delivery-log" title={t("deliveries")}>
        {a.deliveries.length === 0 ? (
          <p className="text-stone-700">{a.escalation.state === "none" ? t("noDeliveriesYet") : t("noDeliveries")}</p>
        ) : (
          <div className="overflow-x-auto">
            <table className="w-full text-left text-base">
              <caption className="sr-only">{t("deliveriesCaption")}</caption>
              <thead className="border-b-2 border-stone-200 text-stone-700">
                <tr>
                  <th scope="col" className="py-2 pr-4 font-semibold">
                    {t("when")}
                  </th>
                  <th scope="col" className="py-2 pr-4 font-semibold">
                    {t("to")}
                  </th>
                  <th scope="col" className="py-2 pr-4 font-semibold">
                    {t("channel")}
                  </th>
                  <th scope="col" className="py-2 pr-4 font-semibold">
                    {t("status")}
                  </th>
                </tr>
              </thead>
              <tbody className="divide-y divide-stone-100">
                {a.deliveries.map((d, i) => (
                  <tr key={i}>
                    <td className="py-2 pr-4 align-top">{dateTime(d.at)}</td>
                    <td className="py-2 pr-4 align-top">{d.caregiver_name ?? t("thePatient")}</td>
                    <td className="py-2 pr-4 align-top">{label(`channel.${d.channel}`, d.channel)}</td>
                    <td className="py-2 pr-4 align-top">
                      {label(`deliveryStatus.${d.status}`, d.status)}
                      {d.held_until && <span className="block text-stone-600">{t("heldUntil", { date: dateTime(d.held_until) })}</span>}
                      {d.next_try_at && <span className="block text-stone-600">{t("retry", { count: d.tries, date: dateTime(d.next_try_at) })}</span>}
                      {d.error && <span className="block text-red-800">{deliveryErrorText(d.error)}</span>}
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

/** `id` is the English title's slug ("section-delivery-log"), so links to a section hold in every language. */
function Section({ id, title, children }: { id: string; title: string; children: React.ReactNode }) {
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
