import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import Link from "next/link";
import { DateTime } from "luxon";
import { listConversations } from "@/lib/conversations/conversations";
import { conversationSummaryText } from "@/lib/conversations/summary-text";
import { moodTrend, trendingTopics } from "@/lib/conversations/conversation-trends";
import { listConversationsQuery, moodTrendQuery, trendingTopicsQuery } from "@/lib/conversations/schemas";
import { startersForCareTeam } from "@/lib/conversations/conversation-starters";
import { clock } from "@/lib/clock";
import { ConversationInsight } from "@/components/conversations/conversation-insight";
import { ValidationFailed } from "@/lib/api/errors";
import { zodFieldErrors } from "@/lib/api/problem";
import { fieldErrorMap } from "@/lib/dashboard/form-state";
import { formatDateTime } from "@/lib/dashboard/format";
import { signedInPage } from "@/app/_server/page";
import { buttonClasses } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";
import { SelectField } from "@/components/ui/select-field";
import { Notice } from "@/components/ui/notice";
import { SENTIMENTS, SentimentBadge, URGENCIES, UrgencyBadge } from "@/components/conversations/badges";
import { loadPagePatient } from "../load-patient";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("conversations"))("metaTitle") };
}

type Props = { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };
const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v) || undefined;
const PAGE_SIZE = "10";

export default signedInPage(async function ConversationsPage({ params, searchParams }: Props, { actor }) {
  const { id } = await params;
  const p = await loadPagePatient(id);
  const sp = await searchParams;
  const [t, labels, locale] = await Promise.all([getTranslations("conversations"), getTranslations("patientLabels"), getLocale()]);
  const asked = { sentiment: one(sp.sentiment), urgency: one(sp.urgency), q: one(sp.q) };
  const parsed = listConversationsQuery.safeParse({ ...asked, cursor: one(sp.cursor), limit: PAGE_SIZE, order: "desc" });
  const errors = parsed.success ? {} : fieldErrorMap(zodFieldErrors(parsed.error));
  // with a filter the schema refuses, the page lists without filters and says why next to the field
  const query = parsed.success ? parsed.data : listConversationsQuery.parse({ limit: PAGE_SIZE, order: "desc" });
  let page;
  let stale = false;
  try {
    page = await listConversations(actor, p.id, query);
  } catch (err) {
    if (!(err instanceof ValidationFailed)) throw err;
    stale = true;
    page = await listConversations(actor, p.id, { ...query, cursor: undefined });
  }
  const now = clock.now();
  // this week and the three before it, Monday to Monday in the patient's zone
  const since = DateTime.fromJSDate(now, { zone: p.timezone }).startOf("week").minus({ weeks: 3 }).toISODate()!;
  const [mood, topics, starters] = await Promise.all([
    moodTrend(actor, p.id, moodTrendQuery.parse({ granularity: "week", from: since }), now),
    trendingTopics(actor, p.id, trendingTopicsQuery.parse({ limit: 6 }), now),
    startersForCareTeam(actor, p.id, { limit: 3 }, now),
  ]);
  const filtered = !!(query.sentiment || query.urgency || query.q);
  const keep = new URLSearchParams(Object.entries(asked).filter((e): e is [string, string] => !!e[1]));
  const next = page.next_cursor ? `?${new URLSearchParams([...keep, ["cursor", page.next_cursor]])}` : null;
  const filterSelect = (name: "sentiment" | "urgency", label: string, options: [string, string][]) => (
    <SelectField
      id={`filter-${name}`}
      name={name}
      label={label}
      error={errors[name]}
      defaultValue={asked[name] ?? ""}
      className=""
      options={[{ value: "", label: t("any") }, ...options.map(([value, text]) => ({ value, label: text }))]}
    />
  );

  return (
    <div className="space-y-8">
      <h2 className="text-2xl font-bold">{t("title")}</h2>
      {(page.items.length > 0 || filtered) && <ConversationInsight mood={mood} topics={topics} starters={starters.items} />}
      <form
        method="get"
        role="search"
        aria-label={t("filterLabel")}
        className="grid items-end gap-4 rounded-xl border border-stone-200 bg-white p-6 shadow-sm sm:grid-cols-[1fr_1fr_2fr_auto]"
      >
        {filterSelect(
          "sentiment",
          t("mood"),
          SENTIMENTS.map((s) => [s, labels(`sentiment.${s}`)]),
        )}
        {filterSelect(
          "urgency",
          t("urgency"),
          URGENCIES.map((u) => [u, labels(`urgency.${u}`)]),
        )}
        <TextField id="filter-q" name="q" type="search" label={t("wordsSaid")} optional defaultValue={asked.q} error={errors.q && t("qError")} />
        <button type="submit" className={buttonClasses("secondary")}>
          {t("filter")}
        </button>
      </form>
      {stale && <Notice tone="info">{t("stale")}</Notice>}

      {page.items.length === 0 ? (
        filtered ? (
          <p className="text-stone-700">
            {t("noMatch")}{" "}
            <Link href={`/patients/${p.id}/conversations`} className="font-semibold text-teal-800 underline underline-offset-4">
              {t("showAll")}
            </Link>
          </p>
        ) : (
          <Notice title={t("noneTitle")}>
            {t.rich("noneText", {
              name: p.display_name,
              link: (chunks) => (
                <Link href={`/patients/${p.id}#devices`} className="font-semibold underline underline-offset-4">
                  {chunks}
                </Link>
              ),
            })}
          </Notice>
        )
      ) : (
        <ol aria-label={t("listLabel")} className="space-y-4">
          {page.items.map((c) => (
            <li key={c.id} className="rounded-xl border border-stone-200 bg-white p-5 shadow-sm">
              <p className="text-lg font-semibold">
                <Link href={`/patients/${p.id}/conversations/${c.id}`} className="text-teal-800 underline underline-offset-4 hover:no-underline">
                  {labels(`conversationType.${c.conversation_type}`)}, {formatDateTime(c.started_at, p.timezone, locale)}
                </Link>
              </p>
              <p className="mt-2 flex flex-wrap gap-2">
                <SentimentBadge value={c.sentiment} />
                <UrgencyBadge value={c.urgency_level} />
                <span className="text-base text-stone-600">{t("exchanges", { count: c.turn_count })}</span>
              </p>
              {c.topics.length > 0 && <p className="mt-2 text-base text-stone-700">{t("topics", { topics: c.topics.join(", ") })}</p>}
              {c.summary && <p className="mt-2 text-stone-800">{conversationSummaryText(c, p.timezone, locale)}</p>}
            </li>
          ))}
        </ol>
      )}
      {(next || one(sp.cursor)) && (
        <nav aria-label={t("more")} className="flex flex-wrap gap-4">
          {one(sp.cursor) && (
            <Link href={`?${keep}`} className={buttonClasses("quiet")}>
              {t("newest")}
            </Link>
          )}
          {next && (
            <Link href={next} className={buttonClasses("secondary")}>
              {t("older")}
            </Link>
          )}
        </nav>
      )}
    </div>
  );
});
