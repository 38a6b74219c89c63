"use client";

import Link from "next/link";
import { useEffect, useRef, useState } from "react";
import { useQuery } from "@tanstack/react-query";
import { useLocale, useTranslations } from "next-intl";
import type { OpenAlertGlance, Overview, PatientGlance } from "@/lib/overview/schemas";
import { timeAgo } from "@/lib/dashboard/format";
import { intlTag } from "@/lib/i18n/formats";
import { alertTitle } from "@/lib/alerts/alert-text";
import { NobodyReachedBadge, SeverityBadge, StatusBadge } from "@/components/alerts/alert-badges";
import { MonitoringPaused } from "@/components/patients/monitoring-paused";
import { severityCounts, whenLocalParts } from "./glance-format";

/** How often the home page asks for fresh data while it is open. */
export const OVERVIEW_POLL_MS = 10_000;

/** The last answer for each view and its ETag: a poll that changes nothing comes back 304 without a body (the read is still audited). */
const last = new Map<string, { etag: string; overview: Overview }>();

async function fetchOverview(search: string): Promise<Overview> {
  const headers: Record<string, string> = { accept: "application/json" };
  const known = last.get(search);
  if (known) headers["if-none-match"] = known.etag;
  // no-store: nothing of it is kept by the browser; the conditional request is ours
  const res = await fetch(`/api/v1/overview?${search}`, { credentials: "same-origin", headers, cache: "no-store" });
  if (res.status === 401) {
    // signed out elsewhere (sign out everywhere, a password change, an expired session): no patient data
    // stays on this screen; replace() so Back does not bring the page back
    last.clear();
    window.location.replace("/login");
    throw new Error("signed out");
  }
  // the same as shown: only the time it was checked moves on
  if (res.status === 304 && known) return { ...known.overview, generated_at: new Date(res.headers.get("date") ?? Date.now()).toISOString() };
  if (!res.ok) throw new Error(`overview ${res.status}`);
  const overview: Overview = await res.json();
  const etag = res.headers.get("etag");
  if (etag) last.set(search, { etag, overview });
  else last.delete(search);
  return overview;
}

/**
 * The live part of the home page: the open alerts and one page of patients at a glance. The server renders it
 * with the data it read (so it works without JavaScript); in the browser TanStack Query polls the overview
 * endpoint for the same page and view (`query`: limit, cursor, organization, facility) and re-renders. Newly
 * arrived alerts are announced: politely, critical ones assertively. `keep` is the view's own parameters for
 * the page links ("facility=..."); `paged` is true past the first page.
 */
export function HomeLive({ initial, query, keep, paged }: { initial: Overview; query: Record<string, string | undefined>; keep: string; paged: boolean }) {
  const search = new URLSearchParams(Object.entries(query).filter((e): e is [string, string] => !!e[1])).toString();
  const { data, isError, dataUpdatedAt } = useQuery({
    queryKey: ["overview", search],
    queryFn: () => fetchOverview(search),
    initialData: initial,
    initialDataUpdatedAt: new Date(initial.generated_at).getTime(),
    refetchInterval: OVERVIEW_POLL_MS,
    refetchIntervalInBackground: false,
  });
  const seen = useRef<Set<string>>(new Set(initial.open_alerts.map((a) => a.id)));
  const [fresh, setFresh] = useState<Set<string>>(new Set());
  const [polite, setPolite] = useState("");
  const [urgent, setUrgent] = useState("");
  const t = useTranslations("home");
  const labels = useTranslations("labels");
  const locale = useLocale();

  useEffect(() => {
    const arrived = data.open_alerts.filter((a) => !seen.current.has(a.id));
    if (arrived.length === 0) return;
    for (const a of arrived) seen.current.add(a.id);
    setFresh((prev) => new Set([...prev, ...arrived.map((a) => a.id)]));
    const describeAlert = (a: OpenAlertGlance) =>
      t("announce.alert", {
        type: labels.has(`alertType.${a.type}`) ? labels(`alertType.${a.type}`) : a.type,
        severity: t(`severityWord.${a.severity}`),
        patient: a.patient_name,
        title: alertTitle(a, a.title_facts, locale),
      });
    const critical = arrived.filter((a) => a.severity === "critical");
    const other = arrived.filter((a) => a.severity !== "critical");
    if (critical.length) setUrgent(t("announce.critical", { alerts: critical.map(describeAlert).join(". ") }));
    if (other.length) setPolite(other.length === 1 ? t("announce.one", { alert: describeAlert(other[0]) }) : t("announce.many", { count: other.length }));
  }, [data, t, labels, locale]);

  const now = new Date(data.generated_at);
  return (
    <div className="space-y-10">
      {/* announcements only; the lists below are what sighted users see change */}
      <div id="new-alerts-polite" aria-live="polite" role="status" className="sr-only">
        {polite}
      </div>
      <div id="new-alerts-urgent" aria-live="assertive" className="sr-only">
        {urgent}
      </div>

      <OpenAlerts alerts={data.open_alerts} total={data.open_alert_total} now={now} fresh={fresh} />
      <PatientGlances overview={data} now={now} keep={keep} paged={paged} />

      <p className="text-base text-stone-600">
        {isError ? (
          <span className="font-semibold text-red-800">
            {t("refreshFailed", { time: new Date(dataUpdatedAt).toLocaleTimeString(intlTag(locale, "en-US"), { hour: "numeric", minute: "2-digit" }) })}
          </span>
        ) : (
          <>{t("live")}</>
        )}
      </p>
    </div>
  );
}

function OpenAlerts({ alerts, total, now, fresh }: { alerts: OpenAlertGlance[]; total: number; now: Date; fresh: Set<string> }) {
  const t = useTranslations("home.openAlerts");
  const labels = useTranslations("labels");
  const locale = useLocale();
  return (
    <section aria-labelledby="open-alerts-heading" className="space-y-4">
      <div className="flex flex-wrap items-baseline justify-between gap-4">
        <h2 id="open-alerts-heading" className="text-2xl font-bold tracking-tight">
          {t("title")} {total > 0 && <span className="font-semibold text-stone-700">({total})</span>}
        </h2>
        <Link href="/alerts" className="font-semibold text-teal-800 underline underline-offset-4 hover:no-underline">
          {t("all")}
          <span className="sr-only">{t("allSr")}</span>
        </Link>
      </div>
      {alerts.length === 0 ? (
        <p className="rounded-xl border-2 border-dashed border-stone-300 bg-white px-6 py-6 text-stone-700">{t("none")}</p>
      ) : (
        <ul className="divide-y divide-stone-200 overflow-hidden rounded-xl border border-stone-200 bg-white shadow-sm" aria-label={t("listLabel")}>
          {alerts.map((a) => (
            <li
              key={a.id}
              className={`relative px-6 py-4 hover:bg-stone-50 focus-within:bg-stone-50 ${a.severity === "critical" ? "border-l-8 border-red-800" : ""}`}
            >
              <div className="flex flex-wrap items-center gap-2">
                <SeverityBadge severity={a.severity} />
                {fresh.has(a.id) && <span className="rounded-full bg-teal-800 px-2.5 py-0.5 text-base font-semibold text-white">{t("new")}</span>}
                {a.nobody_reached && <NobodyReachedBadge />}
                <StatusBadge status={a.status} />
              </div>
              <p className="mt-2 text-lg font-semibold">
                <Link href={`/alerts/${a.id}`} className="text-teal-900 underline-offset-4 hover:underline">
                  {alertTitle(a, a.title_facts, locale)}
                  <span aria-hidden="true" className="absolute inset-0" />
                </Link>
              </p>
              <p className="text-base text-stone-700">
                {a.patient_name} · {labels.has(`alertType.${a.type}`) ? labels(`alertType.${a.type}`) : a.type} ·{" "}
                <time dateTime={a.last_occurred_at}>{timeAgo(a.last_occurred_at, now, "UTC", locale)}</time>
              </p>
            </li>
          ))}
        </ul>
      )}
      {total > alerts.length && (
        <p className="text-base text-stone-700">
          {t("showing", { count: alerts.length })}{" "}
          <Link href="/alerts" className="font-semibold text-teal-800 underline underline-offset-4">
            {t("seeAll", { total })}
          </Link>
        </p>
      )}
    </section>
  );
}

type Attention = NonNullable<PatientGlance["attention"]>;
const AMBER = "bg-amber-100 text-amber-950 border border-amber-800";
/** The badge's tone; its words are `home.attention.<reason>` ("Urgent alert", "Not heard from", ...). */
const ATTENTION: Record<Attention, string> = {
  urgent_alerts: "bg-red-800 text-white",
  inactive: AMBER,
  // its own badge, never merged with "Not heard from": the person may be fine, but nobody can see
  phone_offline: "bg-stone-800 text-white",
  offline: AMBER,
  low_adherence: AMBER,
};

/** The card's badges: why it is near the top, and a phone-offline alert even when something else came first. */
function badgesOf(p: PatientGlance): Attention[] {
  const out: Attention[] = p.attention ? [p.attention] : [];
  if (p.device.phone_offline && p.attention !== "phone_offline") out.push("phone_offline");
  return out;
}

function PatientGlances({ overview, now, keep, paged }: { overview: Overview; now: Date; keep: string; paged: boolean }) {
  const { patients, patient_total: total, attention_total: attention, next_cursor } = overview;
  const t = useTranslations("home");
  const labels = useTranslations("labels");
  const locale = useLocale();
  const when = (iso: string, timeZone: string) => {
    const w = whenLocalParts(iso, now, timeZone, locale);
    return t(`when.${w.key}`, { time: w.time, day: w.day });
  };
  const href = (cursor?: string) => {
    const q = [keep, cursor ? `cursor=${encodeURIComponent(cursor)}` : ""].filter(Boolean).join("&");
    return q ? `/?${q}` : "/";
  };
  return (
    <section aria-labelledby="patients-heading" className="space-y-4">
      <h2 id="patients-heading" className="text-2xl font-bold tracking-tight">
        {t("patients.title")} <span className="font-semibold text-stone-700">({total})</span>
      </h2>
      <p className="text-base text-stone-700">
        {attention === 0 ? t("patients.nobody") : t("patients.attention", { attention, total })}{" "}
        {total > patients.length ? t("patients.orderPaged", { count: patients.length }) : t("patients.order")}
      </p>
      {patients.length === 0 && <p className="text-stone-700">{t("patients.nonePage")}</p>}
      <ul hidden={patients.length === 0} className="grid gap-4 md:grid-cols-2">
        {patients.map((p) => (
          <li key={p.id} className="rounded-xl border border-stone-200 bg-white p-6 shadow-sm">
            <div className="flex flex-wrap items-start justify-between gap-3">
              <h3 className="text-xl font-semibold">
                <Link href={`/patients/${p.id}`} className="text-teal-900 underline underline-offset-4 hover:no-underline">
                  {p.full_name}
                </Link>
              </h3>
              {badgesOf(p).length > 0 && (
                <span className="flex flex-wrap gap-2">
                  {badgesOf(p).map((b) => (
                    <span key={b} className={`rounded-full px-3 py-0.5 text-base font-semibold ${ATTENTION[b]}`}>
                      {t(`attention.${b}`)}
                    </span>
                  ))}
                </span>
              )}
            </div>
            {p.monitoring_paused_until && <MonitoringPaused until={p.monitoring_paused_until} timeZone={p.timezone} className="mt-3" />}
            <dl className="mt-3 divide-y divide-stone-100">
              <Fact label={t("card.phone")}>
                {!p.device.paired ? (
                  <span className="text-stone-700">{t("card.noPhone")}</span>
                ) : p.device.online ? (
                  <span className="font-semibold text-teal-800">
                    <span aria-hidden="true">● </span>
                    {t("card.online")}
                  </span>
                ) : (
                  <span className="font-semibold text-amber-900">
                    {t("card.lastSeen", { ago: timeAgo(p.device.last_heartbeat_at, now, p.timezone, locale) })}
                  </span>
                )}
              </Fact>
              <Fact label={t("card.openAlerts")}>
                {p.open_alerts.total === 0 ? (
                  t("card.none")
                ) : (
                  <Link
                    href={`/patients/${p.id}/alerts`}
                    className={`underline underline-offset-4 hover:no-underline ${p.open_alerts.critical + p.open_alerts.high ? "font-semibold text-red-800" : "text-teal-800"}`}
                  >
                    {severityCounts(p.open_alerts, (s, count) => t(`severityCount.${s}`, { count }))}
                  </Link>
                )}
              </Fact>
              <Fact label={t("card.today")}>
                {p.adherence_today.due === 0 ? (
                  <span className="text-stone-700">{t("card.nothingDue")}</span>
                ) : (
                  <>{t("card.done", { completed: p.adherence_today.completed, due: p.adherence_today.due })}</>
                )}
              </Fact>
              <Fact label={t("card.mood")}>
                {p.last_conversation ? (
                  <>
                    {p.last_conversation.sentiment ? labels(`sentiment.${p.last_conversation.sentiment}`) : t("card.notKnown")}
                    <span className="text-stone-700">{t("card.talked", { ago: timeAgo(p.last_conversation.at, now, p.timezone, locale) })}</span>
                  </>
                ) : (
                  <span className="text-stone-700">{t("card.noConversations")}</span>
                )}
              </Fact>
              <Fact label={t("card.nextReminder")}>
                {p.next_reminder ? (
                  <>
                    {p.next_reminder.title} <span className="text-stone-700">{t("card.theirTime", { when: when(p.next_reminder.due_at, p.timezone) })}</span>
                  </>
                ) : (
                  <span className="text-stone-700">{t("card.noneScheduled")}</span>
                )}
              </Fact>
            </dl>
          </li>
        ))}
      </ul>
      {(next_cursor || paged) && (
        <nav aria-label={t("patients.pages")} className="flex flex-wrap justify-between gap-4">
          {paged ? (
            <Link href={href()} className="font-semibold text-teal-800 underline underline-offset-4 hover:no-underline">
              {t("patients.firstPage")}
            </Link>
          ) : (
            <span />
          )}
          {next_cursor && (
            <Link href={href(next_cursor)} className="font-semibold text-teal-800 underline underline-offset-4 hover:no-underline">
              {t("patients.nextPage")}
            </Link>
          )}
        </nav>
      )}
    </section>
  );
}

function Fact({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div className="grid grid-cols-[8rem_1fr] gap-x-3 py-2">
      <dt className="text-base font-medium text-stone-600">{label}</dt>
      <dd className="text-stone-900">{children}</dd>
    </div>
  );
}
