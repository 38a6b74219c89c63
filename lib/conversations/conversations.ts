import "server-only";
import { z } from "zod";
import { db, type Prisma } from "@/lib/db/client";
import type { Conversation, ConversationTurn } from "@/lib/db/generated/client";
import { NotFound } from "@/lib/api/errors";
import { assertAccessVia, assertPatientAccess } from "@/lib/auth/policy";
import type { Actor } from "@/lib/auth/actor";
import { keysetWhere, orderByFor, pageQuery, toPage, type SortKey } from "@/lib/api/pagination";
import { recordAudit } from "@/lib/audit/record-audit";
import { isoDateTime, text, uuid } from "@/lib/validation/common";

export const sentiment = z.enum(["positive", "neutral", "concerned", "distressed"]);
export const urgency = z.enum(["none", "low", "medium", "high", "critical"]);

export const listConversationsQuery = z.strictObject({
  ...pageQuery,
  from: isoDateTime.optional(),
  to: isoDateTime.optional(),
  sentiment: sentiment.optional(),
  urgency: urgency.optional(),
  q: text().trim().min(2).max(100).optional(),
});
export const conversationIdParams = z.strictObject({ id: uuid });

const presentTurn = (t: ConversationTurn) => ({
  id: t.id,
  sequence: t.sequence,
  patient_message: t.patientMessage,
  ai_response: t.aiResponse,
  sentiment: t.sentiment,
  urgency_level: t.urgencyLevel,
  intent: t.intent,
  health_mentions: t.healthMentions,
  topics: t.topics,
  analysis: t.analysis as Record<string, unknown>,
  provider: t.provider,
  response_time_ms: t.responseTimeMs,
  reminder_id: t.reminderId,
  created_at: t.createdAt.toISOString(),
});

const present = (c: Conversation & { turns?: ConversationTurn[] }) => ({
  id: c.id,
  patient_id: c.patientId,
  conversation_type: c.conversationType,
  started_at: c.startedAt.toISOString(),
  last_turn_at: c.lastTurnAt.toISOString(),
  turn_count: c.turnCount,
  sentiment: c.sentiment,
  urgency_level: c.urgencyLevel,
  topics: c.topics,
  health_mentions: c.healthMentions,
  summary: c.summary,
  ...(c.turns ? { turns: c.turns.map(presentTurn) } : {}),
});

const KEYS: SortKey[] = [{ field: "startedAt", type: "date" }];

/** A patient's conversations for the care team (transcripts are PHI: read access only, every read audited). */
export async function listConversations(actor: Actor, patientId: string, q: z.infer<typeof listConversationsQuery>) {
  const access = await assertPatientAccess(db, actor, patientId, "read");
  const filters: Prisma.ConversationWhereInput[] = [{ patientId }];
  if (q.from) filters.push({ startedAt: { gte: new Date(q.from) } });
  if (q.to) filters.push({ startedAt: { lte: new Date(q.to) } });
  if (q.sentiment) filters.push({ sentiment: q.sentiment });
  if (q.urgency) filters.push({ urgencyLevel: q.urgency });
  if (q.q)
    filters.push({
      turns: { some: { OR: [{ patientMessage: { contains: q.q, mode: "insensitive" } }, { aiResponse: { contains: q.q, mode: "insensitive" } }] } },
    });
  const after = keysetWhere(KEYS, q.order, q.cursor);
  if (after) filters.push(after as Prisma.ConversationWhereInput);
  const rows = await db.conversation.findMany({
    where: { AND: filters },
    orderBy: orderByFor(KEYS, q.order) as Prisma.ConversationOrderByWithRelationInput[],
    take: q.limit + 1,
    include: { turns: { orderBy: { sequence: "asc" } } },
  });
  await recordAudit(db, actor, { action: "conversation.listed", targetType: "patient", targetId: patientId, patientId, organizationId: access.organizationId });
  return toPage(rows, q.limit, KEYS, present);
}

export async function getConversation(actor: Actor, id: string) {
  const c = await db.conversation.findUnique({ where: { id }, include: { turns: { orderBy: { sequence: "asc" } } } });
  if (!c) throw new NotFound("Conversation");
  const access = await assertAccessVia(db, actor, c.patientId, "read", "Conversation");
  await recordAudit(db, actor, {
    action: "conversation.read",
    targetType: "conversation",
    targetId: id,
    patientId: c.patientId,
    organizationId: access.organizationId,
  });
  return present(c);
}
