import type { moodTrend, trendingTopics } from "@/lib/conversations/conversation-trends";
import type { ConversationStarter } from "@/lib/conversations/schemas";

type Mood = Awaited<ReturnType<typeof moodTrend>>;
type Topics = Awaited<ReturnType<typeof trendingTopics>>;

const TREND: Record<string, string> = { new: "new", rising: "more than before", falling: "less than before", steady: "about as before" };
const SOURCE: Record<ConversationStarter["source"], string> = {
  recent_topic: "enjoyed talking about it lately",
  interest: "from their interests",
  family: "family",
};

/** A mood score (-2 distressed .. 1 positive) in words; the number stays beside it. */
export function moodWords(score: number | null): string {
  if (score === null) return "No conversation";
  if (score >= 0.5) return "Mostly positive";
  if (score > -0.5) return "Mostly neutral";
  if (score > -1.5) return "Concerned";
  return "Distressed";
}

/**
 * The last weeks of conversation at a glance: mood per week (as a table: every figure readable, no chart
 * needed for four rows), what they talk about more or less than before, and the openers the companion will
 * use next (adjusted by the notes to the companion).
 */
export function ConversationInsight({ mood, topics, starters }: { mood: Mood; topics: Topics; starters: ConversationStarter[] }) {
  return (
    <section aria-labelledby="insight-heading" className="grid gap-6 rounded-xl border border-stone-200 bg-white p-6 shadow-sm lg:grid-cols-3">
      <h3 id="insight-heading" className="sr-only">
        The last {mood.buckets.length} weeks
      </h3>
      <div>
        <h4 className="text-lg font-semibold">Mood by week</h4>
        <table className="mt-3 w-full text-left text-base">
          <caption className="sr-only">
            Mood by week, from {mood.from} to {mood.to}
          </caption>
          <thead>
            <tr className="border-b border-stone-200 text-stone-600">
              <th scope="col" className="py-1.5 pr-3 font-medium">
                Week of
              </th>
              <th scope="col" className="py-1.5 pr-3 font-medium">
                Exchanges
              </th>
              <th scope="col" className="py-1.5 font-medium">
                Mood
              </th>
            </tr>
          </thead>
          <tbody>
            {mood.buckets.map((b) => (
              <tr key={b.start} className="border-b border-stone-100">
                <th scope="row" className="py-1.5 pr-3 font-normal">
                  {new Date(`${b.start}T12:00:00Z`).toLocaleDateString("en-US", { month: "short", day: "numeric", timeZone: "UTC" })}
                </th>
                <td className="py-1.5 pr-3">{b.turns}</td>
                <td className="py-1.5">
                  {moodWords(b.mood_score)}
                  {b.mood_score !== null && <span className="text-stone-600"> ({b.mood_score})</span>}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <div>
        <h4 className="text-lg font-semibold">Talking about</h4>
        {topics.topics.length === 0 ? (
          <p className="mt-3 text-stone-700">No topics in the last 30 days.</p>
        ) : (
          <ul className="mt-3 space-y-1.5">
            {topics.topics.map((t) => (
              <li key={t.topic}>
                <span className="font-semibold capitalize">{t.topic}</span>: {t.count} {t.count === 1 ? "time" : "times"}, {TREND[t.trend]}
              </li>
            ))}
          </ul>
        )}
      </div>
      <div>
        <h4 className="text-lg font-semibold">What the companion will bring up</h4>
        {starters.length === 0 ? (
          <p className="mt-3 text-stone-700">Nothing yet. Add their interests and family to their profile, and it will ask about them.</p>
        ) : (
          <ul className="mt-3 space-y-2">
            {starters.map((s) => (
              <li key={s.text}>
                “{s.text}” <span className="text-base text-stone-600">({SOURCE[s.source]})</span>
              </li>
            ))}
          </ul>
        )}
        <p className="mt-3 text-base text-stone-600">To keep a subject out, say so in a note to the companion (“avoid talking about …”).</p>
      </div>
    </section>
  );
}
