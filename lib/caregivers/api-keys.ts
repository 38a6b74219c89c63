import "server-only";
import { z } from "zod";
import { db, type Tx } from "@/lib/db/client";
import { Forbidden, NotFound } from "@/lib/api/errors";
import { hashSecret, newSecret } from "@/lib/auth/secrets";
import { recordAudit } from "@/lib/audit/record-audit";
import { requireCaregiver } from "@/lib/auth/policy";
import type { Actor, CaregiverActor } from "@/lib/auth/actor";
import { createApiKeyInput, rotateApiKeyInput } from "./schemas";

const PREFIX = "elda_key_";
type KeyRow = Awaited<ReturnType<typeof db.apiKey.findFirstOrThrow>>;

const present = (k: KeyRow) => ({
  id: k.id,
  name: k.name,
  prefix: k.prefix,
  scopes: k.scopes,
  created_at: k.createdAt.toISOString(),
  last_used_at: k.lastUsedAt?.toISOString() ?? null,
  expires_at: k.expiresAt?.toISOString() ?? null,
  revoked_at: k.revokedAt?.toISOString() ?? null,
});

/** API keys cannot mint API keys: only a person signed in (session or access token) manages them. */
function keyOwner(actor: Actor): CaregiverActor {
  const me = requireCaregiver(actor);
  if (me.via === "api_key") throw new Forbidden("An API key cannot manage API keys. Sign in to do this.");
  return me;
}

export async function createApiKey(actor: Actor, input: z.infer<typeof createApiKeyInput>, now: Date) {
  const me = keyOwner(actor);
  return db.$transaction((tx) => createKeyIn(tx, me, input, now, null));
}

/** The new key and its audit row, on the caller's transaction (creation, rotation). */
async function createKeyIn(tx: Tx, me: CaregiverActor, input: z.infer<typeof createApiKeyInput>, now: Date, rotatedFromId: string | null) {
  const secret = newSecret(PREFIX);
  const row = await tx.apiKey.create({
    data: {
      caregiverId: me.caregiverId,
      name: input.name,
      prefix: secret.slice(0, PREFIX.length + 6),
      keyHash: hashSecret(secret),
      scopes: input.scopes,
      createdAt: now,
      expiresAt: input.expires_in_days ? new Date(now.getTime() + input.expires_in_days * 86_400_000) : null,
      rotatedFromId,
    },
  });
  await recordAudit(tx, me, { action: "api_key.created", targetType: "api_key", targetId: row.id });
  return { ...present(row), key: secret };
}

export async function listApiKeys(actor: Actor) {
  const me = requireCaregiver(actor);
  const rows = await db.apiKey.findMany({ where: { caregiverId: me.caregiverId }, orderBy: { createdAt: "desc" } });
  return { items: rows.map(present) };
}

async function ownKey(tx: Tx, me: CaregiverActor, id: string) {
  const k = await tx.apiKey.findFirst({ where: { id, caregiverId: me.caregiverId } });
  if (!k) throw new NotFound("API key");
  return k;
}

export async function revokeApiKey(actor: Actor, id: string, now: Date) {
  const me = keyOwner(actor);
  return db.$transaction(async (tx) => {
    const k = await ownKey(tx, me, id);
    const row = await tx.apiKey.update({ where: { id: k.id }, data: { revokedAt: k.revokedAt ?? now } });
    await recordAudit(tx, me, { action: "api_key.revoked", targetType: "api_key", targetId: k.id });
    return present(row);
  });
}

/** A new key with the same name and scopes; the old one keeps working for the overlap window. */
export async function rotateApiKey(actor: Actor, id: string, input: z.infer<typeof rotateApiKeyInput>, now: Date) {
  const me = keyOwner(actor);
  return db.$transaction(async (tx) => {
    const k = await ownKey(tx, me, id);
    if (k.revokedAt || (k.expiresAt && k.expiresAt <= now)) throw new NotFound("API key");
    const overlapEnds = new Date(now.getTime() + input.overlap_hours * 3_600_000);
    await tx.apiKey.update({
      where: { id: k.id },
      data: { expiresAt: k.expiresAt && k.expiresAt < overlapEnds ? k.expiresAt : overlapEnds },
    });
    return createKeyIn(tx, me, { name: k.name, scopes: k.scopes as ("read" | "write")[] }, now, k.id);
  });
}

/** Resolve a presented key to its caregiver, or null. */
export async function resolveApiKey(secret: string, now: Date): Promise<CaregiverActor | null> {
  if (!secret.startsWith(PREFIX)) return null;
  const k = await db.apiKey.findUnique({
    where: { keyHash: hashSecret(secret) },
    select: { id: true, caregiverId: true, scopes: true, revokedAt: true, expiresAt: true, lastUsedAt: true, caregiver: { select: { isActive: true } } },
  });
  if (!k || k.revokedAt || (k.expiresAt && k.expiresAt <= now) || !k.caregiver.isActive) return null;
  if (!k.lastUsedAt || now.getTime() - k.lastUsedAt.getTime() > 60_000) {
    await db.apiKey.update({ where: { id: k.id }, data: { lastUsedAt: now } });
  }
  return { kind: "caregiver", caregiverId: k.caregiverId, via: "api_key", apiKeyId: k.id, scopes: k.scopes };
}
