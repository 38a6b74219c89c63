import "server-only";
import { db } from "@/lib/db/client";
import { raiseAlert } from "@/lib/alerts/raise-alert";
import { emit, type DomainEvent } from "@/lib/jobs/emit";
import { logger } from "@/lib/observability/logger";
import { ASK_BACK_TTL_MS, type AskBackRecord, type ThreadTurn } from "./ask-back";

/** A sweep that was down longer than this does not raise stale "did not answer" alerts for older questions. */
const LOOKBACK_MS = 24 * 3_600_000;

interface ExpiredQuestion {
  id: string;
  patient_id: string;
  conversation_id: string;
  patient_message: string;
  ai_response: string;
  ask_back: AskBackRecord;
  created_at: Date;
  first_name: string;
  last_name: string;
}

/**
 * Safety questions nobody answered (SPEC §6, decision 018): a turn that asked "Are you hurt? Shall I tell Sarah?"
 * and was followed by no turn on the same phone within the question's window (10 minutes, the conversation gap)
 * raises `high` once the window has ended: silence after distress must not be lost. Found set-based (ended
 * conversations whose last turn asked, and no later turn of that patient on that device inside the window), at
 * most `limit` a run, oldest first.
 *
 * Idempotent: each question is marked `unanswered` (its turn's `analysis.ask_back.state`) in the same transaction
 * that raises the alert, and only a question still `asked` is marked, so a second sweep, a retry or two sweeps at
 * once raise nothing more. One failing question is logged and does not stop the others.
 */
export async function expireUnansweredQuestions(now: Date, limit = 500) {
  const cutoff = new Date(now.getTime() - ASK_BACK_TTL_MS);
  const oldest = new Date(cutoff.getTime() - LOOKBACK_MS);
  const ttl = `${ASK_BACK_TTL_MS} milliseconds`;
  const expired = await db.$queryRaw<ExpiredQuestion[]>`
    SELECT t.id, t.patient_id, t.conversation_id, t.patient_message, t.ai_response, t.analysis->'ask_back' AS ask_back,
           t.created_at, p.first_name, p.last_name
    FROM conversations c
    JOIN conversation_turns t ON t.conversation_id = c.id AND t.sequence = c.turn_count
    JOIN patients p ON p.id = c.patient_id
    WHERE c.last_turn_at < ${cutoff} AND c.last_turn_at >= ${oldest}
      AND t.created_at < ${cutoff}
      AND t.analysis->'ask_back'->>'state' = 'asked'
      AND NOT EXISTS (
        SELECT 1 FROM conversation_turns n JOIN conversations nc ON nc.id = n.conversation_id
        WHERE n.patient_id = t.patient_id AND nc.device_id IS NOT DISTINCT FROM c.device_id AND n.id <> t.id
          AND n.created_at >= t.created_at AND n.created_at <= t.created_at + ${ttl}::interval
          AND (n.created_at > t.created_at OR n.sequence > t.sequence))
    ORDER BY t.created_at ASC
    LIMIT ${limit}`;
  let raised = 0;
  let failed = 0;
  const events: DomainEvent[] = [];
  for (const q of expired) {
    try {
      const event = await db.$transaction(async (tx) => {
        const thread: ThreadTurn[] = [
          ...(q.ask_back.thread ?? []),
          { turn_id: q.id, patient: q.patient_message, companion: q.ai_response, at: q.created_at.toISOString() },
        ];
        const record: AskBackRecord = {
          state: "unanswered",
          attempt: q.ask_back.state === "asked" ? q.ask_back.attempt : 1,
          thread: q.ask_back.thread ?? [],
          expired_at: now.toISOString(),
        };
        // only a question still waiting is marked: another sweep that got here first leaves nothing to do
        const marked = await tx.$executeRaw`
          UPDATE conversation_turns SET analysis = jsonb_set(analysis, '{ask_back}', ${JSON.stringify(record)}::jsonb)
          WHERE id = ${q.id}::uuid AND analysis->'ask_back'->>'state' = 'asked'`;
        if (marked === 0) return null;
        const who = `${q.first_name} ${q.last_name}`;
        const minutes = Math.round(ASK_BACK_TTL_MS / 60_000);
        const first = thread[0];
        const alert = await raiseAlert(
          tx,
          {
            patientId: q.patient_id,
            type: "health_concern",
            severity: "high",
            dedupKey: "ask_back:unanswered",
            title: `${who} did not answer the companion's safety question`,
            description:
              `${who} told the companion: "${first.patient.slice(0, 200)}". Asked "${q.ai_response.slice(0, 200)}", they did not answer within ${minutes} minutes.`.slice(
                0,
                4000,
              ),
            recommendedAction: "Call them now to check they are safe. If they do not answer, call their emergency contact.",
            source: "companion:ask_back:no_answer",
            evidence: {
              kind: "conversation",
              at: now.toISOString(),
              conversation_id: q.conversation_id,
              turn_id: q.id,
              excerpt: first.patient.slice(0, 300),
              ask_back: { answer: "no_answer", asked_at: q.created_at.toISOString(), turns: thread },
            },
          },
          now,
        );
        return alert.event;
      });
      if (event) {
        raised++;
        events.push(event);
      }
    } catch (err) {
      failed++;
      // never the transcript: which turn and what failed
      logger.error(
        { err: { name: (err as Error)?.name, message: String((err as Error)?.message ?? "").slice(0, 200) }, turnId: q.id },
        "unanswered safety question not raised",
      );
    }
  }
  for (const e of events) await emit(e);
  if (expired.length) logger.info({ expired: expired.length, raised, failed }, "unanswered safety questions");
  if (failed > 0) throw new Error(`${failed} of ${expired.length} unanswered safety questions could not be raised; the next sweep retries them`);
  return { expired: expired.length, raised };
}
