import type { Metadata } from "next";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import Link from "next/link";
import { getConversation } from "@/lib/conversations/conversations";
import { conversationSummaryText } from "@/lib/conversations/summary-text";
import { formatDateTime } from "@/lib/dashboard/format";
import { signedInPage } from "@/app/_server/page";
import { loadPatientChildOr404 } from "@/app/_server/not-found";
import { SentimentBadge, UrgencyBadge } from "@/components/conversations/badges";
import { loadPagePatient } from "../../load-patient";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("conversations.detail"))("metaTitle") };
}

const words = (s: string) => s.replaceAll("_", " ");
/** the companion's intents (lib/companion/model.ts), said with `conversations.intents` */
const INTENTS = ["chat", "health_complaint", "emergency", "reminder_done", "question", "greeting", "farewell", "other"] as const;
const isIntent = (s: string): s is (typeof INTENTS)[number] => (INTENTS as readonly string[]).includes(s);

export default signedInPage(async function ConversationPage({ params }: { params: Promise<{ id: string; conversationId: string }> }, { actor }) {
  const { id, conversationId } = await params;
  const p = await loadPagePatient(id);
  const c = await loadPatientChildOr404(p.id, conversationId, (id) => getConversation(actor, id));
  const [t, labels, format, locale] = await Promise.all([getTranslations("conversations"), getTranslations("patientLabels"), getFormatter(), getLocale()]);
  return (
    <div className="space-y-6">
      <nav aria-label={t("detail.back")}>
        <Link href={`/patients/${p.id}/conversations`} className="font-semibold text-teal-800 underline underline-offset-4 hover:no-underline">
          <span aria-hidden="true">← </span>
          {t("detail.all")}
        </Link>
      </nav>
      <div>
        <h2 className="text-2xl font-bold">
          {labels(`conversationType.${c.conversation_type}`)}, {formatDateTime(c.started_at, p.timezone, locale)}
        </h2>
        <p className="mt-2 flex flex-wrap gap-2">
          <SentimentBadge value={c.sentiment} />
          <UrgencyBadge value={c.urgency_level} />
        </p>
        {c.topics.length > 0 && <p className="mt-2 text-stone-700">{t("topics", { topics: c.topics.join(", ") })}</p>}
        {c.health_mentions.length > 0 && <p className="mt-1 text-stone-700">{t("detail.healthMentions", { mentions: c.health_mentions.join(", ") })}</p>}
        {c.summary && <p className="mt-2 text-stone-800">{conversationSummaryText(c, p.timezone, locale)}</p>}
      </div>
      <ol aria-label={t("detail.said")} className="space-y-4">
        {(c.turns ?? []).map((turn) => {
          const note = typeof turn.analysis.caregiver_note === "string" ? turn.analysis.caregiver_note : null;
          return (
            <li key={turn.id} className="rounded-xl border border-stone-200 bg-white p-5 shadow-sm">
              <p className="text-base text-stone-600">
                <time dateTime={turn.created_at}>
                  {format.dateTime(new Date(turn.created_at), { hour: "numeric", minute: "2-digit", timeZone: p.timezone })}
                </time>
              </p>
              <p className="mt-1">
                <span className="font-semibold">{p.display_name}: </span>
                {turn.patient_message}
              </p>
              {turn.ai_response && (
                <p className="mt-2">
                  <span className="font-semibold">{t("detail.companion")}</span>
                  {turn.ai_response}
                </p>
              )}
              <div className="mt-3 rounded-lg bg-stone-50 p-3 text-base">
                <p className="font-semibold">{t("detail.analysis")}</p>
                <p className="mt-1 flex flex-wrap gap-2">
                  <SentimentBadge value={turn.sentiment} />
                  <UrgencyBadge value={turn.urgency_level} />
                </p>
                {note && <p className="mt-1">{t("detail.note", { note })}</p>}
                {turn.intent && (
                  <p className="mt-1">{t("detail.intent", { intent: isIntent(turn.intent) ? t(`intents.${turn.intent}`) : words(turn.intent) })}</p>
                )}
                <p className="mt-1">
                  {t("detail.healthMentions", { mentions: turn.health_mentions.length ? turn.health_mentions.join(", ") : t("detail.none") })}
                </p>
              </div>
            </li>
          );
        })}
      </ol>
    </div>
  );
});
