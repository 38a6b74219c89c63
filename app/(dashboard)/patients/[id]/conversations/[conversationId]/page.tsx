import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { NotFound } from "@/lib/api/errors";
import { getConversation } from "@/lib/conversations/conversations";
import { conversationIdParams } from "@/lib/conversations/schemas";
import { formatDateTime } from "@/lib/dashboard/format";
import { pageActor, withRequestContext } from "@/lib/dashboard/request";
import { SentimentBadge, UrgencyBadge, conversationTypeName } from "@/components/conversations/badges";
import { loadPagePatient } from "../../load-patient";

export const metadata: Metadata = { title: "Conversation" };

const words = (s: string) => s.replaceAll("_", " ");

export default async function ConversationPage({ params }: { params: Promise<{ id: string; conversationId: string }> }) {
  const { id, conversationId } = await params;
  const p = await loadPagePatient(id);
  const parsed = conversationIdParams.safeParse({ id: conversationId });
  if (!parsed.success) notFound();
  const actor = await pageActor();
  const c = await withRequestContext(() => getConversation(actor, parsed.data.id)).catch((err) => {
    if (err instanceof NotFound) notFound();
    throw err;
  });
  if (c.patient_id !== p.id) notFound();
  const time = new Intl.DateTimeFormat("en-US", { hour: "numeric", minute: "2-digit", timeZone: p.timezone });
  return (
    <div className="space-y-6">
      <nav aria-label="Back">
        <Link href={`/patients/${p.id}/conversations`} className="font-semibold text-teal-800 underline underline-offset-4 hover:no-underline">
          <span aria-hidden="true">← </span>All conversations
        </Link>
      </nav>
      <div>
        <h2 className="text-2xl font-bold">
          {conversationTypeName(c.conversation_type)}, {formatDateTime(c.started_at, p.timezone)}
        </h2>
        <p className="mt-2 flex flex-wrap gap-2">
          <SentimentBadge value={c.sentiment} />
          <UrgencyBadge value={c.urgency_level} />
        </p>
        {c.topics.length > 0 && <p className="mt-2 text-stone-700">Topics: {c.topics.join(", ")}</p>}
        {c.health_mentions.length > 0 && <p className="mt-1 text-stone-700">Health mentions: {c.health_mentions.join(", ")}</p>}
        {c.summary && <p className="mt-2 text-stone-800">{c.summary}</p>}
      </div>
      <ol aria-label="What was said" className="space-y-4">
        {(c.turns ?? []).map((t) => {
          const note = typeof t.analysis.caregiver_note === "string" ? t.analysis.caregiver_note : null;
          return (
            <li key={t.id} className="rounded-xl border border-stone-200 bg-white p-5 shadow-sm">
              <p className="text-base text-stone-600">
                <time dateTime={t.created_at}>{time.format(new Date(t.created_at))}</time>
              </p>
              <p className="mt-1">
                <span className="font-semibold">{p.display_name}: </span>
                {t.patient_message}
              </p>
              {t.ai_response && (
                <p className="mt-2">
                  <span className="font-semibold">Companion: </span>
                  {t.ai_response}
                </p>
              )}
              <div className="mt-3 rounded-lg bg-stone-50 p-3 text-base">
                <p className="font-semibold">Analysis</p>
                <p className="mt-1 flex flex-wrap gap-2">
                  <SentimentBadge value={t.sentiment} />
                  <UrgencyBadge value={t.urgency_level} />
                </p>
                {note && <p className="mt-1">Note for the care team: {note}</p>}
                {t.intent && <p className="mt-1">What they wanted: {words(t.intent)}</p>}
                <p className="mt-1">Health mentions: {t.health_mentions.length ? t.health_mentions.join(", ") : "none"}</p>
              </div>
            </li>
          );
        })}
      </ol>
    </div>
  );
}
