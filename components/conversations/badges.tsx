import type { ConversationType } from "@/lib/db/generated/enums";
/** Sentiment and urgency as words in a tinted pill: the word carries the meaning, the colour only helps. */
const SENTIMENT: Record<string, { text: string; tone: string }> = {
  positive: { text: "Positive", tone: "bg-teal-100 text-teal-900" },
  neutral: { text: "Neutral", tone: "bg-stone-100 text-stone-800" },
  concerned: { text: "Concerned", tone: "bg-amber-100 text-amber-900" },
  distressed: { text: "Distressed", tone: "bg-red-100 text-red-900" },
};
const URGENCY: Record<string, { text: string; tone: string }> = {
  none: { text: "None", tone: "bg-stone-100 text-stone-800" },
  low: { text: "Low", tone: "bg-sky-100 text-sky-900" },
  medium: { text: "Medium", tone: "bg-amber-100 text-amber-900" },
  high: { text: "High", tone: "bg-red-100 text-red-900" },
  critical: { text: "Critical", tone: "bg-red-700 text-white" },
};

export const SENTIMENT_OPTIONS = Object.entries(SENTIMENT).map(([value, { text }]) => [value, text] as const);
export const URGENCY_OPTIONS = Object.entries(URGENCY).map(([value, { text }]) => [value, text] as const);

function Pill({ label, value, table }: { label: string; value: string | null; table: Record<string, { text: string; tone: string }> }) {
  if (!value) return null;
  const v = table[value] ?? { text: value, tone: "bg-stone-100 text-stone-800" };
  return (
    <span className={`inline-flex rounded-full px-2.5 py-0.5 text-base font-semibold ${v.tone}`}>
      {label}: {v.text}
    </span>
  );
}

export const SentimentBadge = ({ value }: { value: string | null }) => <Pill label="Mood" value={value} table={SENTIMENT} />;
export const UrgencyBadge = ({ value }: { value: string | null }) => <Pill label="Urgency" value={value} table={URGENCY} />;

const TYPES: Record<ConversationType, string> = { spontaneous: "Chat", reminder_response: "About a reminder", check_in: "Check-in", emergency: "Emergency" };
export const conversationTypeName = (t: ConversationType) => TYPES[t];
