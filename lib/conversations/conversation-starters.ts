import "server-only";
import { DateTime } from "luxon";
import type { z } from "zod";
import { db, type Tx } from "@/lib/db/client";
import type { Actor } from "@/lib/auth/actor";
import { assertPatientAccess } from "@/lib/auth/policy";
import { recordAudit } from "@/lib/audit/record-audit";
import { patientVoice } from "@/lib/patient-messages/patient-message";
import { STARTER_TOPICS, type StarterTopic } from "@/lib/patient-messages/types";
import type { ConversationStarter, startersQuery } from "./schemas";

const isStarterTopic = (t: string): t is StarterTopic => (STARTER_TOPICS as readonly string[]).includes(t);

/** Topics that are never an opener: they are for the care team, not small talk. */
const NOT_OPENERS = new Set(["health", "medication", "loneliness", "sleep"]);
const strings = (v: unknown): string[] =>
  Array.isArray(v) ? v.filter((x): x is string => typeof x === "string") : typeof v === "string" ? v.split(/,\s*/) : [];
/** "Sarah (daughter, lives nearby)" → "Sarah" */
const firstName = (s: string) => s.split(/[\s(,]/)[0]?.trim() ?? "";

/** Words caregivers asked the companion to stay away from ("avoid talking about Robert", "don't mention the move"). */
export function topicsToAvoid(notes: { content: string; title: string }[]): string[] {
  const out: string[] = [];
  const re =
    /(?:avoid|don'?t|do not|never|no)\s+(?:talking about|talk about|mention(?:ing)?|bring(?:ing)? up|discuss(?:ing)?|ask(?:ing)? about|hablar de|mencionar)\s+([^.;!\n]+)/gi;
  for (const n of notes) {
    for (const m of `${n.title}. ${n.content}`.matchAll(re)) {
      for (const w of m[1].toLowerCase().match(/[a-záéíóúñ]{4,}/g) ?? [])
        if (!["about", "with", "that", "this", "unless", "since", "because"].includes(w)) out.push(w);
    }
  }
  return [...new Set(out)];
}

/**
 * Proactive conversation openers for one patient, in their language and style (lib/patient-messages): the
 * topics they enjoyed talking about in the last two weeks first (positive or neutral turns, most frequent
 * first), then their interests and family from the profile's personal context. Anything the care team's
 * notes say to avoid is left out, and health, medication, sleep and loneliness are never openers. The order
 * rotates by the patient's local day, so the same question does not open every check-in.
 */
export async function conversationStarters(tx: Tx, patientId: string, now: Date, limit = 3): Promise<ConversationStarter[]> {
  const p = await tx.patient.findUniqueOrThrow({
    where: { id: patientId },
    select: { language: true, communicationStyle: true, timezone: true, personalContext: true },
  });
  const { say } = patientVoice(p);
  const [recent, notes] = await Promise.all([
    tx.$queryRaw<{ topic: string; n: bigint }[]>`
      SELECT topic, count(*) AS n FROM conversation_turns, unnest(topics) AS topic
      WHERE patient_id = ${patientId}::uuid AND created_at >= ${new Date(now.getTime() - 14 * 86_400_000)}
        AND (sentiment IS NULL OR sentiment IN ('positive', 'neutral'))
      GROUP BY topic ORDER BY n DESC, topic LIMIT 10`,
    tx.caregiverNote.findMany({ where: { patientId }, select: { title: true, content: true } }),
  ]);
  const ctx = (p.personalContext ?? {}) as Record<string, unknown>;
  const family = (ctx.family ?? {}) as Record<string, unknown>;
  const candidates: ConversationStarter[] = [
    ...recent
      .filter((r): r is { topic: StarterTopic; n: bigint } => isStarterTopic(r.topic) && !NOT_OPENERS.has(r.topic))
      .map((r) => ({ text: say("starter.topic", { topic: r.topic }), topic: r.topic, source: "recent_topic" as const })),
    ...[...strings(ctx.hobbies), ...strings(ctx.interests)].map((h) => ({
      text: say("starter.interest", { interest: h.trim().toLowerCase() }),
      topic: h.trim().toLowerCase(),
      source: "interest" as const,
    })),
    ...[...strings(family.grandchildren), ...strings(family.children)]
      .map(firstName)
      .filter(Boolean)
      .map((name) => ({ text: say("starter.relative", { name }), topic: name, source: "family" as const })),
  ];
  const avoid = topicsToAvoid(notes);
  const seen = new Set<string>();
  const kept = candidates.filter((c) => {
    const key = c.topic.toLowerCase();
    if (seen.has(key) || NOT_OPENERS.has(key)) return false;
    seen.add(key);
    const words = `${c.topic} ${c.text}`.toLowerCase();
    return !avoid.some((w) => words.includes(w));
  });
  if (kept.length === 0) return [];
  // recent topics keep their lead; the rest rotate with the patient's local day
  const lead = kept.filter((c) => c.source === "recent_topic").slice(0, 1);
  const rest = kept.filter((c) => !lead.includes(c));
  const day = Math.floor(DateTime.fromJSDate(now, { zone: p.timezone }).startOf("day").toSeconds() / 86_400);
  const shift = rest.length ? day % rest.length : 0;
  return [...lead, ...rest.slice(shift), ...rest.slice(0, shift)].slice(0, limit);
}

/** The openers the companion would use next, for the care team to see (and adjust with notes). */
export async function startersForCareTeam(actor: Actor, patientId: string, q: z.infer<typeof startersQuery>, now: Date) {
  const access = await assertPatientAccess(db, actor, patientId, "read");
  const items = await conversationStarters(db, patientId, now, q.limit);
  await recordAudit(db, actor, {
    action: "conversation.starters.read",
    targetType: "patient",
    targetId: patientId,
    patientId,
    organizationId: access.organizationId,
  });
  return { patient_id: patientId, items };
}
