import { useFormatter, useTranslations } from "next-intl";
import type { moodTrend, trendingTopics } from "@/lib/conversations/conversation-trends";
import type { ConversationStarter } from "@/lib/conversations/schemas";

type Mood = Awaited<ReturnType<typeof moodTrend>>;
type Topics = Awaited<ReturnType<typeof trendingTopics>>;

type Trend = "new" | "rising" | "falling" | "steady";
const isTrend = (t: string): t is Trend => ["new", "rising", "falling", "steady"].includes(t);
export type StarterSource = ConversationStarter["source"];

/** A mood score (-2 distressed .. 1 positive) as a word's key; the number stays beside it. */
export function moodWords(score: number | null): "none" | "positive" | "neutral" | "concerned" | "distressed" {
  if (score === null) return "none";
  if (score >= 0.5) return "positive";
  if (score > -0.5) return "neutral";
  if (score > -1.5) return "concerned";
  return "distressed";
}

/**
 * The last weeks of conversation at a glance: mood per week (as a table: every figure readable, no chart
 * needed for four rows), what they talk about more or less than before, and the openers the companion will
 * use next (adjusted by the notes to the companion).
 */
export function ConversationInsight({ mood, topics, starters }: { mood: Mood; topics: Topics; starters: ConversationStarter[] }) {
  const t = useTranslations("conversations.insight");
  const format = useFormatter();
  return (
    <section aria-labelledby="insight-heading" className="grid gap-6 rounded-xl border border-stone-200 bg-white p-6 shadow-sm lg:grid-cols-3">
      <h3 id="insight-heading" className="sr-only">
        {t("weeks", { count: mood.buckets.length })}
      </h3>
      <div>
        <h4 className="text-lg font-semibold">{t("moodByWeek")}</h4>
        <table className="mt-3 w-full text-left text-base">
          <caption className="sr-only">{t("moodCaption", { from: mood.from, to: mood.to })}</caption>
          <thead>
            <tr className="border-b border-stone-200 text-stone-600">
              <th scope="col" className="py-1.5 pr-3 font-medium">
                {t("weekOf")}
              </th>
              <th scope="col" className="py-1.5 pr-3 font-medium">
                {t("exchanges")}
              </th>
              <th scope="col" className="py-1.5 font-medium">
                {t("mood")}
              </th>
            </tr>
          </thead>
          <tbody>
            {mood.buckets.map((b) => (
              <tr key={b.start} className="border-b border-stone-100">
                <th scope="row" className="py-1.5 pr-3 font-normal">
                  {format.dateTime(new Date(`${b.start}T12:00:00Z`), { month: "short", day: "numeric", timeZone: "UTC" })}
                </th>
                <td className="py-1.5 pr-3">{b.turns}</td>
                <td className="py-1.5">
                  {t(`moodWords.${moodWords(b.mood_score)}`)}
                  {b.mood_score !== null && <span className="text-stone-600"> ({format.number(b.mood_score)})</span>}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <div>
        <h4 className="text-lg font-semibold">{t("talkingAbout")}</h4>
        {topics.topics.length === 0 ? (
          <p className="mt-3 text-stone-700">{t("noTopics")}</p>
        ) : (
          <ul className="mt-3 space-y-1.5">
            {topics.topics.map((topic) => (
              <li key={topic.topic}>
                <span className="font-semibold capitalize">{topic.topic}</span>:{" "}
                {t("topicCount", { count: topic.count, trend: isTrend(topic.trend) ? t(`trend.${topic.trend}`) : topic.trend })}
              </li>
            ))}
          </ul>
        )}
      </div>
      <div>
        <h4 className="text-lg font-semibold">{t("starters")}</h4>
        {starters.length === 0 ? (
          <p className="mt-3 text-stone-700">{t("noStarters")}</p>
        ) : (
          <ul className="mt-3 space-y-2">
            {starters.map((s) => (
              <li key={s.text}>
                “{s.text}” <span className="text-base text-stone-600">({t(`source.${s.source}`)})</span>
              </li>
            ))}
          </ul>
        )}
        <p className="mt-3 text-base text-stone-600">{t("keepOut")}</p>
      </div>
    </section>
  );
}
