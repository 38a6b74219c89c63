import { useTranslations } from "next-intl";

/** Sentiment and urgency as words in a tinted pill: the word carries the meaning, the colour only helps. */
const SENTIMENT_TONE = {
  positive: "bg-teal-100 text-teal-900",
  neutral: "bg-stone-100 text-stone-800",
  concerned: "bg-amber-100 text-amber-900",
  distressed: "bg-red-100 text-red-900",
} as const;
const URGENCY_TONE = {
  none: "bg-stone-100 text-stone-800",
  low: "bg-sky-100 text-sky-900",
  medium: "bg-amber-100 text-amber-900",
  high: "bg-red-100 text-red-900",
  critical: "bg-red-700 text-white",
} as const;

export type Sentiment = keyof typeof SENTIMENT_TONE;
export type Urgency = keyof typeof URGENCY_TONE;
export const SENTIMENTS = Object.keys(SENTIMENT_TONE) as Sentiment[];
export const URGENCIES = Object.keys(URGENCY_TONE) as Urgency[];
const OTHER = "bg-stone-100 text-stone-800";

function Pill({ label, text, tone }: { label: string; text: string; tone: string }) {
  return (
    <span className={`inline-flex rounded-full px-2.5 py-0.5 text-base font-semibold ${tone}`}>
      {label}: {text}
    </span>
  );
}

export function SentimentBadge({ value }: { value: string | null }) {
  const t = useTranslations("patientLabels");
  const c = useTranslations("conversations");
  if (!value) return null;
  const known = Object.hasOwn(SENTIMENT_TONE, value) ? (value as Sentiment) : null;
  return <Pill label={c("mood")} text={known ? t(`sentiment.${known}`) : value} tone={known ? SENTIMENT_TONE[known] : OTHER} />;
}

export function UrgencyBadge({ value }: { value: string | null }) {
  const t = useTranslations("patientLabels");
  const c = useTranslations("conversations");
  if (!value) return null;
  const known = Object.hasOwn(URGENCY_TONE, value) ? (value as Urgency) : null;
  return <Pill label={c("urgency")} text={known ? t(`urgency.${known}`) : value} tone={known ? URGENCY_TONE[known] : OTHER} />;
}
